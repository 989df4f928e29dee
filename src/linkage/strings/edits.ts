/**
 * Small edit tests for codes and dates, where a keying error changes one character or swaps two
 * neighbours. Both are cheap O(n) checks, unlike a full edit distance.
 */

/** True when a and b have the same length and differ in exactly one position. */
export function oneSubstitution(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i) && ++diff > 1) return false;
  }
  return diff === 1;
}

/** True when b is a with two adjacent (different) characters swapped. */
export function adjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1) return false;
  if (a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  for (let k = i + 2; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k)) return false;
  return true;
}

/** One mistyped character: one substitution or one swap of neighbours (never equality). */
export function oneTypo(a: string, b: string): boolean {
  return oneSubstitution(a, b) || adjacentTransposition(a, b);
}
