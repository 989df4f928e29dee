import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fullContext, sampleContext } from "./fixtures.js";
import { uncoveredCharacters } from "./fonts.js";
import { type Catalog, resolveStrings, shippedCatalogs, shippedLanguages } from "./i18n.js";
import { pdfFonts, pdfText, squash } from "./pdf-text.js";
import { renderDocument } from "./render.js";

const english = shippedCatalogs.en.strings;
const arabicLetters = (s: string) => new Set([...s].filter((c) => /[\u0621-\u064a]/.test(c)));

describe("shipped translations", () => {
  it("ships English, Spanish and at least three more of the agreed languages", () => {
    expect(shippedLanguages).toEqual(expect.arrayContaining(["en", "es"]));
    const more = shippedLanguages.filter((l) => ["ar", "zh", "fr", "ht", "pt", "ru", "vi"].includes(l));
    expect(more.length).toBeGreaterThanOrEqual(3);
  });

  for (const lang of shippedLanguages) {
    const catalog = shippedCatalogs[lang] as Catalog;
    it(`${lang}: has every key, the same placeholders, and glyphs for every character`, () => {
      expect(Object.keys(catalog.strings).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(catalog.strings)) {
        const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(holes(text), `${lang} ${key}`).toEqual(holes(english[key]));
        expect(uncoveredCharacters(text), `${lang} ${key}`).toEqual([]);
      }
    });

    it(`${lang}: the I-826 and the NTA notice print in ${lang} and read back`, () => {
      const i826 = renderDocument({ form: "I-826", context: sampleContext(), lang });
      const nta = renderDocument({ form: "I-862", context: sampleContext(), lang });
      expect(i826.warnings).toEqual([]);
      expect(nta.warnings).toEqual([]);
      const i826Text = pdfText(i826.pdf);
      const ntaText = pdfText(nta.pdf);
      if (lang === "ar") {
        // pdftotext cannot rebuild shaped Arabic in logical order (typst/typst#4225), so check the letters
        // come back and the Arabic font (not a fallback) drew them.
        for (const letter of arabicLetters(catalog.strings["i826.right.consulate"]))
          expect(i826Text).toContain(letter);
        for (const letter of arabicLetters(catalog.strings["nta.notice.surrender"]))
          expect(ntaText).toContain(letter);
        expect(pdfFonts(i826.pdf)).toContain("NotoSansArabic-Regular");
      } else {
        expect(i826Text).toContain(squash(catalog.strings["i826.right.consulate"]));
        expect(i826Text).toContain(squash(catalog.strings["i826.request.hearing"]));
        expect(ntaText).toContain(squash(catalog.strings["nta.notice.surrender"]));
        expect(ntaText).toContain(squash(catalog.strings["nta.prompt.title"]));
      }
      if (lang === "zh") expect(pdfFonts(i826.pdf)).toContain("NotoSansSC-Regular");
      // The charge itself stays in English for the court.
      expect(ntaText).toContain("212(a)(6)(A)(i)");
    });
  }

  it("prints distinctive non-Latin strings (no empty boxes)", () => {
    const zh = pdfText(renderDocument({ form: "I-826", context: sampleContext(), lang: "zh" }).pdf);
    expect(zh).toContain("您可以联系您本国领事馆的官员");
    const ru = pdfText(renderDocument({ form: "I-826", context: sampleContext(), lang: "ru" }).pdf);
    expect(ru).toContain("Вы можете связаться с сотрудником консульства вашей страны");
    const vi = pdfText(renderDocument({ form: "I-826", context: sampleContext(), lang: "vi" }).pdf);
    expect(vi).toContain("Quý vị có thể liên lạc với viên chức lãnh sự quán");
  });

  it("prints the I-826 in Haitian Creole with its diacritics (ò, è) intact", () => {
    const doc = renderDocument({ form: "I-826", context: sampleContext(), lang: "ht" });
    expect(doc.lang).toBe("ht");
    expect(doc.warnings).toEqual([]);
    const ht = pdfText(doc.pdf);
    expect(ht).toContain("Kreyòl ayisyen");
    expect(ht).toContain("Si ou pè yo fè w mal si yo voye w tounen nan peyi w");
    expect(ht).toContain("Nenpòt sa ou di ka sèvi kont ou nan pwosedi imigrasyon oswa kriminèl");
    expect(ht).toMatch(/ò/);
    expect(ht).toMatch(/è/);
    // Not the English source: the Creole text replaced it.
    expect(ht).not.toContain(squash(english["i826.right.fear"]));
  });

  it("keeps the JSON files reviewable: each says what it is and its review status", () => {
    for (const lang of shippedLanguages) {
      const raw = JSON.parse(
        readFileSync(new URL(`./i18n/${lang}.json`, import.meta.url), "utf8"),
      ) as Catalog;
      expect(raw.meta.lang).toBe(lang);
      expect(raw.meta.status.length).toBeGreaterThan(10);
    }
  });
});

describe("missing translations", () => {
  it("renders a language that is not shipped in English, and says so", () => {
    const doc = renderDocument({ form: "I-826", context: sampleContext(), lang: "ko" });
    expect(pdfText(doc.pdf)).toContain(squash(english["i826.right.consulate"]));
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({ code: "translation_missing", lang: "ko" });
    expect(doc.warnings[0].keys).toContain("i826.right.consulate");
  });

  it("falls back key by key and lists exactly the keys that fell back", () => {
    const partial: Catalog = {
      meta: { lang: "xx", name: "Test", status: "test" },
      strings: { "label.date": "Dato" },
    };
    const resolved = resolveStrings(
      ["label.date", "label.name"],
      "xx",
      {},
      { en: shippedCatalogs.en, xx: partial },
    );
    expect(resolved.text).toEqual({ "label.date": "Dato", "label.name": "Name" });
    expect(resolved.warnings).toEqual([
      expect.objectContaining({ code: "translation_missing", keys: ["label.name"] }),
    ]);
  });

  it("warns when the person's language is unknown", () => {
    const ctx = sampleContext();
    const doc = renderDocument({
      form: "I-826",
      context: { ...ctx, person: { ...ctx.person, languages: [] } },
    });
    expect(doc.warnings.map((w) => w.code)).toEqual(["person_language_unknown"]);
  });

  it("defaults to the person's first language", () => {
    const doc = renderDocument({ form: "I-826", context: fullContext() });
    expect(doc.lang).toBe("es");
    expect(doc.warnings).toEqual([]);
  });

  it("warns when a name has characters no immos font can print", () => {
    const ctx = sampleContext();
    const person = { ...ctx.person, aliases: ["ሰላም"] };
    const doc = renderDocument({ form: "I-826", context: { ...ctx, person } });
    expect(doc.warnings).toEqual([
      expect.objectContaining({ code: "glyph_missing", characters: ["ሰ", "ላ", "ም"] }),
    ]);
  });
});
