import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DocumentRefusedError } from "./errors.js";
import { fullContext, sampleContext } from "./fixtures.js";
import { pdfPages, pdfText, squash } from "./pdf-text.js";
import { renderDocument } from "./render.js";

describe("I-862 Notice to Appear", () => {
  const ctx = sampleContext();
  const nta = renderDocument({ form: "I-862", context: ctx, lang: "en" });
  const text = pdfText(nta.pdf);

  it("prints the respondent, the A-number, the charges and the hearing, on two pages", () => {
    expect(pdfPages(nta.pdf)).toBe(2);
    expect(text).toContain("QUINTERO ROBLES, Ana María");
    expect(text).toContain(ctx.person.aNumber);
    const charge = ctx.details!.nta!.charges![0];
    expect(text).toContain(charge.section);
    expect(text).toContain(squash(charge.description));
    const hearing = ctx.details!.nta!.hearing!;
    expect(text).toContain(`on ${hearing.date} at ${hearing.time}`);
    expect(text).toContain(squash(hearing.place!));
    expect(text).toContain("Honduras");
  });

  it("records the exact printed values as data", () => {
    expect(nta.data.hearing).toEqual(ctx.details!.nta!.hearing);
    expect(nta.data.charges).toEqual(ctx.details!.nta!.charges);
    expect(nta.dataHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes the hearing from the nta.served event when no scheduling record is given", () => {
    const base = fullContext();
    const context = {
      ...base,
      details: { ...base.details, nta: { ...base.details!.nta, hearing: undefined } },
    };
    const served = renderDocument({ form: "I-862", context, lang: "en" });
    expect(pdfText(served.pdf)).toContain("2025-04-09 at 09:00");
    expect(pdfText(served.pdf)).toContain("2025-03-05"); // certificate of service
  });

  it("adds the 8 U.S.C. 1229(e) statement when the arrest was at a courthouse (CONF-05)", () => {
    const base = sampleContext();
    const events = [
      ...base.events,
      { on: "2025-02-19", type: "encounter" as const, location: "courthouse" as const },
    ];
    const doc = renderDocument({ form: "I-862", context: { ...base, events }, lang: "en" });
    expect(pdfText(doc.pdf)).toContain("8 U.S.C. 1229(e)");
    expect(text).not.toContain("8 U.S.C. 1229(e)");
  });

  it("refuses an NTA without the date, time or place of the hearing, citing NTA-01 and listing them", () => {
    const parts = ["date", "time", "place"] as const;
    fc.assert(
      fc.property(fc.subarray([...parts], { minLength: 1 }), fc.boolean(), (removed, asPlaceholder) => {
        const hearing: Record<string, string | undefined> = { ...ctx.details!.nta!.hearing };
        for (const part of removed) hearing[part] = asPlaceholder ? "TBD" : undefined;
        const context = { ...ctx, details: { ...ctx.details, nta: { ...ctx.details!.nta, hearing } } };
        let error: unknown;
        try {
          renderDocument({ form: "I-862", context, lang: "en" });
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DocumentRefusedError);
        const refused = error as DocumentRefusedError;
        expect(refused.rules).toEqual(["NTA-01"]);
        expect(refused.violations[0].citation).toContain("Pereira");
        for (const part of removed) expect(refused.violations[0].message).toContain(part);
        if (!asPlaceholder) expect(refused.missing).toEqual(removed.map((p) => `hearing.${p}`));
      }),
      { numRuns: 12 },
    );
  });
});
