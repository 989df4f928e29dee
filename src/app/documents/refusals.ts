/** The documents library's refusals, as the application's one error type. */

import { DocumentIncompleteError, DocumentRefusedError } from "../../documents/index.js";
import { AppError } from "../../domain/errors.js";

/** document_incomplete lists every missing field; document_refused names the rules (NTA-01, ARR-04, CONF-01). */
export function asAppError(err: unknown): unknown {
  if (err instanceof DocumentIncompleteError) {
    return new AppError("document_incomplete", err.message, err.missing[0] ?? "form", {
      form: err.form,
      missing: err.missing,
    });
  }
  if (err instanceof DocumentRefusedError) {
    // The field is the first piece of case data the refusal is about, else the form asked for.
    return new AppError("document_refused", err.message, err.missing?.[0] ?? "form", {
      form: err.form,
      rules: err.rules,
      violations: err.violations,
      missing: err.missing,
    });
  }
  return err;
}
