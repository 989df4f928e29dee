/**
 * Alien Registration Number: "A" followed by 8 or 9 digits. Stored normalised
 * as "A" + 9 digits (an 8-digit number gets a leading zero), which is how the
 * agency itself pads it. Dashes and spaces are accepted on input.
 */
import { AppError } from "./errors.js";

export function normalizeANumber(input: string, field = "aNumber"): string {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, "");
  const m = /^A?(\d{8,9})$/.exec(compact);
  if (!m)
    throw new AppError("invalid_input", `"${input}" is not an A-number (A followed by 8 or 9 digits)`, field);
  return `A${m[1].padStart(9, "0")}`;
}

export function formatANumber(normalized: string): string {
  const d = normalized.slice(1);
  return `A${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
}
