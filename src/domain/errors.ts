/**
 * The one error type. Every refusal carries a code (mapped to an HTTP status
 * in src/http/errors.ts and to an exit code in the CLI) and, where input is at
 * fault, the field that is wrong.
 */
export const errorCodes = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  blocked_by_law: 422,
  review_required: 422,
  acknowledgement_required: 422,
  document_incomplete: 422,
  document_refused: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalid = (field: string, message: string) => new AppError("invalid_input", message, field);
export const notFound = (what: string) => new AppError("not_found", `${what} not found`);
