import { describe, expect, it } from "vitest";
import type { DocumentContext } from "./context.js";
import { DocumentRefusedError } from "./errors.js";
import { fullContext } from "./fixtures.js";
import { pdfText } from "./pdf-text.js";
import { renderDocument, renderFromData } from "./render.js";

function refused(run: () => unknown): DocumentRefusedError {
  try {
    run();
  } catch (e) {
    if (e instanceof DocumentRefusedError) return e;
    throw e;
  }
  throw new Error("was not refused");
}

function withWarrant(warrant: unknown): DocumentContext {
  const ctx = fullContext();
  return {
    ...ctx,
    details: { ...ctx.details, i247a: { ...ctx.details!.i247a, warrant } },
  } as DocumentContext;
}

describe("ARR-04: a detainer needs a signed I-200 or I-205", () => {
  it("refuses an I-247A without an attached warrant, citing Policy 10074.2", () => {
    const e = refused(() => renderDocument({ form: "I-247A", context: withWarrant(undefined) }));
    expect(e.code).toBe("document_refused");
    expect(e.rules).toEqual(["ARR-04"]);
    expect(e.violations[0].citation).toContain("10074.2");
  });

  it("refuses an unsigned warrant, and a document that is not a warrant", () => {
    const unsigned = { form: "I-200", number: "W-1", signedOn: "2025-02-20" };
    expect(refused(() => renderDocument({ form: "I-247A", context: withWarrant(unsigned) })).rules).toEqual([
      "ARR-04",
    ]);
    const notAWarrant = { form: "I-213", signedBy: "J. Ellis", signedOn: "2025-02-20" };
    expect(
      refused(() => renderDocument({ form: "I-247A", context: withWarrant(notAWarrant) })).rules,
    ).toEqual(["ARR-04"]);
  });

  it("accepts a signed I-205", () => {
    const i205 = { form: "I-205", signedBy: "R. Okafor", signedOn: "2025-10-01" };
    expect(pdfText(renderDocument({ form: "I-247A", context: withWarrant(i205) }).pdf)).toContain("I-205");
  });
});

/** A person whose history is full of protection-claim facts. */
function asylumSeeker(): DocumentContext {
  const ctx = fullContext();
  return {
    ...ctx,
    case: { ...ctx.case, kind: "asylum_defensive" },
    events: [
      ...ctx.events,
      { on: "2025-03-10", type: "fear.claimed", country: "HN" },
      { on: "2025-03-12", type: "fear.screened", kind: "credible", result: "positive", country: "HN" },
      { on: "2025-04-01", type: "application.filed", form: "I-589", pending: true },
      { on: "2025-04-01", type: "confidentiality.flag", kind: "asylum_208_6" },
      { on: "2025-09-15", type: "protection.granted", kind: "withholding", country: "HN" },
      {
        on: "2025-10-01",
        type: "travel_document.requested",
        country: "HN",
        content: ["identity", "fear claim"],
      },
    ],
  };
}

describe("CONF-01: nothing about a protection claim reaches a foreign government", () => {
  it("prints identity data only in a travel-document request", () => {
    const doc = renderDocument({ form: "TRAVEL-DOC-REQUEST", context: asylumSeeker() });
    const text = pdfText(doc.pdf);
    expect(text).toContain("QUINTERO ROBLES, Ana María");
    expect(text).toContain("Honduras");
    for (const word of [
      /asyl/i,
      /fear/i,
      /I-589/,
      /withhold/i,
      /credible/i,
      /persecut/i,
      /tortur/i,
      /court/i,
    ]) {
      expect(text).not.toMatch(word);
      expect(JSON.stringify(doc.data)).not.toMatch(word);
    }
  });

  it("refuses free text that reveals a claim, naming the field", () => {
    const ctx = asylumSeeker();
    const context = {
      ...ctx,
      details: {
        ...ctx.details,
        travelDocument: {
          ...ctx.details!.travelDocument,
          remarks: "Subject fears the police; I-589 pending.",
        },
      },
    };
    const e = refused(() => renderDocument({ form: "TRAVEL-DOC-REQUEST", context }));
    expect(e.rules).toEqual(["CONF-01"]);
    expect(e.violations[0].citation).toBe("8 CFR 208.6, 1208.6");
    expect(e.violations[0].message).toContain("remarks");
  });

  it("refuses stored data altered to carry a claim, on re-rendering", () => {
    const doc = renderDocument({ form: "TRAVEL-DOC-REQUEST", context: asylumSeeker() });
    const person = { ...(doc.data.person as object), aliases: "Ana (asylum applicant)" };
    const e = refused(() => renderFromData("TRAVEL-DOC-REQUEST", "v1", { ...doc.data, person }, "en"));
    expect(e.rules).toEqual(["CONF-01"]);
  });

  it("leaves internal records alone: the I-213 may record fear questions", () => {
    const ctx = asylumSeeker();
    const events = [
      ...ctx.events,
      { on: "2025-02-20", type: "fear.inquired" as const, expressed: true, country: "HN" },
    ];
    expect(pdfText(renderDocument({ form: "I-213", context: { ...ctx, events } }).pdf)).toContain(
      "fear expressed",
    );
  });
});
