/**
 * The fonts every immos document is printed with, loaded from npm packages so
 * that a machine without system fonts prints Latin, Cyrillic, Vietnamese,
 * Arabic and Chinese the same way. Typst is told to use only these families
 * (fallback off), so a missing glyph can never be filled by whatever font a
 * machine happens to have; `uncoveredCharacters` finds such gaps before
 * printing.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** Family order is the fallback order inside Typst. */
export const fontFamilies = ["Noto Sans", "Noto Sans Arabic", "Noto Sans SC"] as const;

const fontFiles = [
  "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  "@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf",
  "@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf",
  // Chinese at one weight: 10 MB a weight; Typst uses it for bold too.
  "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
] as const;

export interface FontSet {
  blobs: Buffer[];
  /** sha256 over all font files: a change of font package changes the bytes of every PDF. */
  id: string;
  covers(codePoint: number): boolean;
}

let loaded: FontSet | undefined;

export function fontSet(): FontSet {
  if (loaded) return loaded;
  const blobs = fontFiles.map((file) => readFileSync(require.resolve(file)));
  const hash = createHash("sha256");
  for (const blob of blobs) hash.update(blob);
  const covered = new Set<number>();
  for (const blob of blobs) for (const cp of cmapCodePoints(blob)) covered.add(cp);
  loaded = { blobs, id: hash.digest("hex"), covers: (cp) => covered.has(cp) };
  return loaded;
}

/** Characters of `text` that no font of the set can draw (they would print as empty boxes). */
export function uncoveredCharacters(text: string, fonts: FontSet = fontSet()): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Controls, spaces and the bidi/joiner marks are not drawn.
    if (
      cp < 0x21 ||
      (cp >= 0x200b && cp <= 0x200f) ||
      (cp >= 0x2028 && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069)
    )
      continue;
    if (!fonts.covers(cp)) missing.add(ch);
  }
  return [...missing];
}

/** The code points a TrueType font maps, read from its Unicode cmap (formats 4 and 12). */
export function cmapCodePoints(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    if (font.toString("latin1", rec, rec + 4) === "cmap") cmap = font.readUInt32BE(rec + 8);
  }
  if (cmap < 0) throw new Error("font has no cmap table");
  const out = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = font.readUInt16BE(rec);
    const encoding = font.readUInt16BE(rec + 2);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const sub = cmap + font.readUInt32BE(rec + 4);
    const format = font.readUInt16BE(sub);
    if (format === 4) readFormat4(font, sub, out);
    else if (format === 12) readFormat12(font, sub, out);
  }
  return out;
}

function readFormat4(font: Buffer, sub: number, out: Set<number>): void {
  const segCount = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const offsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const end = font.readUInt16BE(ends + s * 2);
    const start = font.readUInt16BE(starts + s * 2);
    const delta = font.readUInt16BE(deltas + s * 2);
    const rangeOffset = font.readUInt16BE(offsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = offsets + s * 2 + rangeOffset + (cp - start) * 2;
        const raw = font.readUInt16BE(at);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(cp);
    }
  }
}

function readFormat12(font: Buffer, sub: number, out: Set<number>): void {
  const groups = font.readUInt32BE(sub + 12);
  for (let g = 0; g < groups; g++) {
    const rec = sub + 16 + g * 12;
    const start = font.readUInt32BE(rec);
    const end = font.readUInt32BE(rec + 4);
    const startGlyph = font.readUInt32BE(rec + 8);
    for (let cp = start; cp <= end; cp++) if (startGlyph + (cp - start) !== 0) out.add(cp);
  }
}
