/**
 * Name normalisation for search: Unicode NFKD, combining marks removed,
 * lower-cased, punctuation folded to spaces. "José Núñez" and "jose nunez"
 * meet; Arabic, Cyrillic, Chinese and Devanagari names keep their script (a
 * search in that script finds them; transliterated aliases find them in Latin).
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface NameVariant {
  given: string;
  family: string;
  script?: string;
  kind?: "primary" | "alias" | "transliteration" | "native" | "protected";
}

export function searchNames(names: NameVariant[]): string {
  const parts = new Set<string>();
  for (const n of names) parts.add(normalizeName(`${n.given} ${n.family}`));
  return [...parts].join(" | ");
}
