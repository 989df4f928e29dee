/**
 * CSV as RFC 4180 (comma, CRLF, every field quoted when it holds a comma,
 * quote, CR or LF; quotes doubled), with a guard against formula injection:
 * a cell that starts with = + - @ (or a tab or CR, which some spreadsheets
 * skip before reading a formula) is prefixed with a single quote, so a name
 * like "=HYPERLINK(...)" is shown, never run.
 */
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

const risky = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = Array.isArray(value) ? value.join(";") : String(value);
  if (typeof value !== "number" && risky.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, CsvValue>[]): string {
  const lines = [columns.map(csvCell).join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
