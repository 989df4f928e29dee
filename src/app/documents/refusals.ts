/** The documents library's refusals, as the application's one error type. */

import { DocumentIncompleteError, DocumentRefusedError, type LawViolation } from "../../documents/index.js";
import { AppError } from "../../domain/errors.js";

/** document_incomplete lists every missing field; document_refused names the rules (NTA-01, ARR-04, CONF-01). */
export function asAppError(err: unknown, also?: LawViolation): unknown {
  // A law violation found outside the library (NTA-08: who signs) joins its refusal, so one answer says
  // everything to fix.
  if (also && err instanceof DocumentIncompleteError)
    return asAppError(new DocumentRefusedError(err.form, [also], err.missing));
  if (also && err instanceof DocumentRefusedError)
    return asAppError(new DocumentRefusedError(err.form, [...err.violations, also], err.missing));
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
