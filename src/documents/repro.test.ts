import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fullContext } from "./fixtures.js";
import { formIds } from "./forms/index.js";
import type { DocumentData } from "./forms/shared.js";
import { renderDocument, renderFromData } from "./render.js";

describe("byte reproducibility", () => {
  for (const form of formIds) {
    it(`${form}: stored data re-renders to the same bytes`, () => {
      const first = renderDocument({ form, context: fullContext() });
      const again = renderDocument({ form, context: fullContext() });
      expect(again.sha256).toBe(first.sha256);
      // As a database would hand it back: parsed JSON, keys in any order.
      const stored = JSON.parse(JSON.stringify(first.data)) as DocumentData;
      const replay = renderFromData(form, first.templateVersion, stored, first.lang);
      expect(replay.sha256).toBe(first.sha256);
      expect(Buffer.from(replay.pdf).equals(Buffer.from(first.pdf))).toBe(true);
      expect(replay.dataHash).toBe(first.dataHash);
    });
  }

  it("fixes the PDF dates to the issue date, not the clock", () => {
    const doc = renderDocument({ form: "I-862", context: fullContext() });
    const raw = Buffer.from(doc.pdf).toString("latin1");
    expect(raw).toContain("D:20250301");
    expect(raw).not.toContain(
      `D:${new Date().getUTCFullYear()}${String(new Date().getUTCMonth() + 1).padStart(2, "0")}${String(new Date().getUTCDate()).padStart(2, "0")}`,
    );
  });

  it("changes the bytes when one printed value changes", () => {
    const a = renderDocument({ form: "I-862", context: fullContext() });
    const ctx = fullContext();
    const b = renderDocument({
      form: "I-862",
      context: { ...ctx, person: { ...ctx.person, phone: "(951) 555-0199" } },
    });
    expect(b.sha256).not.toBe(a.sha256);
    expect(b.dataHash).not.toBe(a.dataHash);
  });

  it("refuses to re-render in another language or with an unknown template version", () => {
    const doc = renderDocument({ form: "I-826", context: fullContext() });
    expect(() => renderFromData("I-826", "v1", doc.data, "fr")).toThrow(/rendered in es/);
    expect(() => renderFromData("I-826", "v9", doc.data, "es")).toThrow(/no template v9/);
    expect(() => renderFromData("I-200", "v1", doc.data, "es")).toThrow(/data is for I-826/);
  });

  it("released templates are unchanged (a change needs a new version)", () => {
    const dir = new URL("./templates/", import.meta.url);
    const manifest = JSON.parse(readFileSync(new URL("MANIFEST.json", dir), "utf8")) as {
      files: Record<string, string>;
    };
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".typ"))
      .sort();
    expect(files).toEqual(Object.keys(manifest.files).sort());
    for (const file of files) {
      const hash = createHash("sha256")
        .update(readFileSync(new URL(file, dir)))
        .digest("hex");
      expect(hash, file).toBe(manifest.files[file]);
    }
  });
});
