import { describe, expect, it } from "vitest";
import type { DocumentContext } from "./context.js";
import { DocumentIncompleteError, DocumentRefusedError } from "./errors.js";
import { fullContext } from "./fixtures.js";
import { formIds } from "./forms/index.js";
import type { FormId } from "./forms/shared.js";
import { pdfFonts, pdfText } from "./pdf-text.js";
import { renderDocument } from "./render.js";

/** What each form must show, beyond the person's name. */
const expected: Record<FormId, string[]> = {
  "I-862": ["212(a)(6)(A)(i)", "2025-04-09", "09:00"],
  "I-200": ["biometric confirmation", "YOU ARE COMMANDED to arrest"],
  "I-205": [
    "removal order of an Immigration Judge, dated 2025-09-15",
    "INA 240",
    "Calexico, CA",
    "charter flight",
  ],
  "I-213": ["traffic stop", "admitted entering without inspection", "No claim to U.S. citizenship recorded."],
  "I-286": ["$5,000", "INA 236(a)", "Adelanto Processing Center"],
  "I-247A": ["Riverside County Sheriff", "W-2025-0091", "not to exceed 48 hours"],
  "I-826": ["Oficial", "Aviso de derechos"],
  "I-296": ["ten (10) years", "212(a)(9)(A)(ii)", "8 U.S.C. 1326"],
  "I-220A": ["every first Monday of the month", "telephone check-in"],
  "I-220B": ["241.5(a)", "every first Monday of the month"],
  "EOIR-33": ["88 Palm Row, San Bernardino, CA 92401", "2025-05-02", "Lucía Ferreira"],
  "I-246": ["2026-03-01", "H0994410", "Medical treatment"],
  "TRAVEL-DOC-REQUEST": ["Consulate General of Honduras", "travel document"],
};

describe("every form", () => {
  for (const form of formIds) {
    it(`${form} renders its fields, with the immos fonts only`, () => {
      const doc = renderDocument({ form, context: fullContext() });
      const text = pdfText(doc.pdf);
      expect(text).toContain("QUINTERO ROBLES, Ana María");
      expect(text).toContain("A201-555-014");
      expect(text).toContain("not an official government form");
      for (const s of expected[form]) expect(text).toContain(s);
      for (const font of pdfFonts(doc.pdf)) expect(font).toMatch(/^NotoSans(Arabic|SC)?-/);
      expect(doc.warnings).toEqual([]);
    });
  }
});

/** The least context the schema accepts: a name, a case id, an officer and a date. */
const bare: DocumentContext = {
  person: { names: { given: "Ana", family: "Quintero" } },
  case: { id: "CASE-1" },
  events: [],
  officer: { name: "Jordan Ellis", title: "Deportation Officer" },
  issuedOn: "2025-03-01",
};

function refusal(form: FormId, context: DocumentContext): DocumentIncompleteError | DocumentRefusedError {
  try {
    renderDocument({ form, context, lang: "en" });
  } catch (e) {
    if (e instanceof DocumentIncompleteError || e instanceof DocumentRefusedError) return e;
    throw e;
  }
  throw new Error(`${form} rendered from a bare context`);
}

describe("missing fields", () => {
  it("lists every missing field of an I-205, never printing blanks", () => {
    const e = refusal("I-205", bare);
    expect(e).toBeInstanceOf(DocumentIncompleteError);
    expect(e.code).toBe("document_incomplete");
    expect(e.missing).toEqual(["office", "person.aNumber", "person.citizenship", "order"]);
  });

  it("lists every missing field of an I-862 alongside the NTA-01 refusal", () => {
    const e = refusal("I-862", bare);
    expect(e).toBeInstanceOf(DocumentRefusedError);
    expect(e.missing).toEqual([
      "office",
      "person.aNumber",
      "person.birthDate",
      "person.citizenship",
      "person.address",
      "classification",
      "charges",
      "hearing.date",
      "hearing.time",
      "hearing.place",
    ]);
  });

  it("refuses every form from a bare context", () => {
    for (const form of formIds) {
      const e = refusal(form, bare);
      expect(e.missing.length, form).toBeGreaterThan(0);
      expect(e.message).toContain(e.missing[0]);
    }
  });

  it("requires a bond amount when the custody decision is a bond", () => {
    const ctx = fullContext();
    const events = ctx.events.map((e) =>
      e.type === "custody.determination" ? { ...e, bond: undefined } : e,
    ) as DocumentContext["events"];
    expect(refusal("I-286", { ...ctx, events }).missing).toEqual(["custodyDetermination.bond"]);
  });
});
