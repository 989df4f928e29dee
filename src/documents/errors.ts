/** The two ways a document is refused: facts are missing, or the law forbids it. */

export class DocumentIncompleteError extends Error {
  readonly code = "document_incomplete";
  constructor(
    readonly form: string,
    /** Every missing field, as a dotted path into the document's data. */
    readonly missing: readonly string[],
  ) {
    super(`${form} cannot be rendered; missing: ${missing.join(", ")}`);
    this.name = "DocumentIncompleteError";
  }
}

export interface LawViolation {
  rule: string;
  citation: string;
  message: string;
}

export class DocumentRefusedError extends Error {
  readonly code = "document_refused";
  constructor(
    readonly form: string,
    readonly violations: readonly LawViolation[],
    /** Fields also missing, so that one refusal tells everything to fix. */
    readonly missing: readonly string[] = [],
  ) {
    const also = missing.length > 0 ? `; also missing: ${missing.join(", ")}` : "";
    super(
      `${form} refused: ${violations.map((v) => `${v.rule} (${v.citation}): ${v.message}`).join("; ")}${also}`,
    );
    this.name = "DocumentRefusedError";
  }
  get rules(): string[] {
    return this.violations.map((v) => v.rule);
  }
}
