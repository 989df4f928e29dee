/**
 * Reading a PDF back as a person's tools would: pdftotext and pdffonts from
 * poppler-utils (Debian). Used by the tests and by anyone checking output.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function withFile<T>(pdf: Uint8Array, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "immos-pdf-"));
  try {
    const path = join(dir, "doc.pdf");
    writeFileSync(path, pdf);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of the PDF, with runs of whitespace (line wraps) collapsed to one space. */
export function pdfText(pdf: Uint8Array): string {
  const raw = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
  return raw.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").replace(/\s+/g, " ");
}

/** The base names of the fonts embedded in the PDF (subset prefixes removed). */
export function pdfFonts(pdf: Uint8Array): string[] {
  const out = withFile(pdf, (path) =>
    execFileSync("pdffonts", [path], { stdio: ["ignore", "pipe", "ignore"] }).toString("utf8"),
  );
  return out
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
}

export function pdfPages(pdf: Uint8Array): number {
  const info = withFile(pdf, (path) =>
    execFileSync("pdfinfo", [path], { stdio: ["ignore", "pipe", "ignore"] }).toString("utf8"),
  );
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Collapses whitespace the way pdfText does, for comparing expected strings. */
export function squash(text: string): string {
  return text.replace(/[\u2068\u2069]/g, "").replace(/\s+/g, " ");
}
