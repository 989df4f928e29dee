/**
 * A case number readable on paper: office, year, and 12 hex digits of the case id. Twelve, not
 * eight: at agency scale (hundreds of thousands of cases per office and year) 32 bits collide — the
 * 1,000,000-person load met one in its first batches — while 48 bits keep the chance of any
 * collision in a million cases of one office-year near 0.2 %. The unique index still refuses one.
 */
export function caseNumber(office: string, year: string, caseId: string): string {
  return `${office}-${year}-${caseId.replace(/-/g, "").slice(0, 12).toUpperCase()}`;
}
