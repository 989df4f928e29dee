import { describe, expect, it } from "vitest";
import { nta06, nta07, nta08 } from "./nta/advisals.js";
import { nta01, nta02 } from "./nta/contents.js";
import { nta03, nta04, nta05 } from "./nta/service.js";
import { deadline, events, outcomeOf } from "./testing/history.js";

const hearing = {
  date: "2025-05-20",
  time: "09:00",
  place: "Immigration Court, 606 S Olive St, Los Angeles, CA",
};
const serve = (extra: Record<string, unknown> = {}) => ({
  type: "nta.serve",
  on: "2025-04-01",
  hearing,
  servedTo: "person",
  method: "personal",
  ...extra,
});

describe("NTA-01 time and place", () => {
  it("allows an NTA with date, time and court address", () => {
    expect(outcomeOf(nta01, {}, serve())).toBe("ALLOW");
  });
  it("blocks a null hearing and placeholder values", () => {
    expect(outcomeOf(nta01, {}, serve({ hearing: null }))).toBe("BLOCK");
    expect(outcomeOf(nta01, {}, serve({ hearing: { ...hearing, place: "TBD" } }))).toBe("BLOCK");
    expect(outcomeOf(nta01, {}, serve({ hearing: { ...hearing, time: "to be set" } }))).toBe("BLOCK");
  });
  it("sends it to review when EOIR scheduling is unavailable", () => {
    expect(outcomeOf(nta01, {}, serve({ hearing: null, schedulingUnavailable: true }))).toBe("REVIEW");
  });
  it("blocks a hearing date before service", () => {
    expect(outcomeOf(nta01, {}, serve({ hearing: { ...hearing, date: "2025-03-31" } }))).toBe("BLOCK");
  });
});

describe("NTA-02 stop-time", () => {
  const person = { usPresenceSince: "2006-03-15" };
  const defective = events({
    on: "2014-05-01",
    type: "nta.served",
    hearing: null,
    servedTo: "person",
    method: "personal",
  });
  const good = events({
    on: "2014-05-01",
    type: "nta.served",
    hearing: { ...hearing, date: "2014-06-01" },
    servedTo: "person",
    method: "personal",
  });
  const action = { type: "stop_time.record", on: "2014-10-20", date: "2014-05-01" };
  it("blocks a defective NTA as the trigger and keeps the 10-year clock running", () => {
    expect(outcomeOf(nta02, { person, events: defective }, action)).toBe("BLOCK");
    expect(deadline(nta02, { person, events: defective }, action, "continuous_presence.10yr")).toEqual([
      "2016-03-15",
    ]);
  });
  it("allows a compliant NTA, which stops the clock before 10 years", () => {
    expect(outcomeOf(nta02, { person, events: good }, action)).toBe("ALLOW");
    expect(deadline(nta02, { person, events: good }, action, "continuous_presence.10yr")).toEqual([]);
  });
  it("reviews a date on which no NTA was served", () => {
    expect(outcomeOf(nta02, { person, events: good }, { ...action, date: "2014-05-02" })).toBe("REVIEW");
  });
});

describe("NTA-03 / NTA-04 in absentia notice", () => {
  const request = { type: "in_absentia.request", on: "2025-05-20" };
  const missed = { on: "2025-05-20", type: "hearing.missed" };
  const ntaTo = (servedTo: string, personAge?: number) => ({
    on: "2025-02-10",
    type: "nta.served",
    hearing,
    servedTo,
    method: "personal",
    ...(personAge ? { personAge } : {}),
  });
  it("blocks when the NTA was handed to a 13-year-old and allows at 14 (Cubor-Cruz)", () => {
    const c13 = { events: events(ntaTo("person", 13), missed) };
    const c14 = { events: events(ntaTo("person", 14), missed) };
    expect(outcomeOf(nta03, c13, request)).toBe("BLOCK");
    expect(outcomeOf(nta04, c13, request)).toBe("BLOCK");
    expect(outcomeOf(nta03, c14, request)).toBe("ALLOW");
    expect(outcomeOf(nta04, c14, request)).toBe("ALLOW");
  });
  it("allows service on the custodian of a child under 14", () => {
    expect(outcomeOf(nta03, { events: events(ntaTo("custodian", 12), missed) }, request)).toBe("ALLOW");
  });
  it("reviews when a partial birth date leaves the age at 13 or 14", () => {
    expect(
      outcomeOf(nta04, { person: { birthDate: "2011" }, events: events(ntaTo("person"), missed) }, request),
    ).toBe("REVIEW");
  });
  it("accepts a hearing notice at the last address even after a defective NTA (Campos-Chaves)", () => {
    const noh = (servedAt: string) =>
      events(
        { on: "2014-05-01", type: "nta.served", hearing: null, servedTo: "person", method: "personal" },
        { on: "2014-09-10", type: "hearing.notice", hearingDate: "2014-10-20", servedAt, method: "mail" },
        { on: "2014-10-20", type: "hearing.missed" },
      );
    const r = { type: "in_absentia.request", on: "2014-10-20" };
    expect(outcomeOf(nta03, { events: noh("last_address") }, r)).toBe("ALLOW");
    expect(outcomeOf(nta03, { events: noh("other") }, r)).toBe("BLOCK");
  });
  it("blocks when no notice of the missed hearing exists", () => {
    const other = events({ ...ntaTo("person"), hearing: { ...hearing, date: "2025-04-01" } }, missed);
    expect(outcomeOf(nta03, { events: other }, request)).toBe("BLOCK");
  });
  it("blocks serving only counsel when no counsel is of record", () => {
    expect(outcomeOf(nta04, {}, serve({ servedTo: "counsel", method: "mail" }))).toBe("BLOCK");
  });
});

describe("NTA-05 ten days", () => {
  const c = {
    events: events({ on: "2025-04-01", type: "nta.served", hearing, servedTo: "person", method: "personal" }),
  };
  it("blocks day 9, allows day 10 and computes the earliest date", () => {
    expect(
      outcomeOf(nta05, c, { type: "hearing.confirm", on: "2025-04-02", hearingDate: "2025-04-10" }),
    ).toBe("BLOCK");
    expect(
      outcomeOf(nta05, c, { type: "hearing.confirm", on: "2025-04-02", hearingDate: "2025-04-11" }),
    ).toBe("ALLOW");
    expect(deadline(nta05, c, { type: "none", on: "2025-04-02" }, "hearing.earliest")).toEqual([
      "2025-04-11",
    ]);
  });
  it("allows an earlier hearing on the person's written request", () => {
    expect(
      outcomeOf(nta05, c, {
        type: "hearing.confirm",
        on: "2025-04-02",
        hearingDate: "2025-04-05",
        promptHearingRequested: true,
      }),
    ).toBe("ALLOW");
  });
});

describe("NTA-06 advisals and language", () => {
  const arrest = (extra = {}) =>
    events({ on: "2025-03-31", type: "arrest", basis: "warrantless", location: "street", ...extra });
  it("blocks NTA service after a warrantless arrest without the 287.3(c) advisals", () => {
    expect(outcomeOf(nta06, { events: arrest() }, serve())).toBe("BLOCK");
    expect(outcomeOf(nta06, { events: arrest({ advisalsGiven: true }) }, serve())).toBe("ALLOW");
  });
  it("warns when oral notice is not in a language understood", () => {
    expect(outcomeOf(nta06, { person: { languages: ["es"] } }, serve({ language: "en" }))).toBe("WARN");
    expect(outcomeOf(nta06, { person: { languages: ["es"] } }, serve({ language: "es" }))).toBe("ALLOW");
    expect(outcomeOf(nta06, { person: { languages: ["es"] } }, serve())).toBe("WARN");
  });
});

describe("NTA-07 EOIR-33", () => {
  it("gives five working days from the move", () => {
    const c = { events: events({ on: "2025-11-26", type: "address.changed" }) };
    expect(deadline(nta07, c, { type: "none", on: "2025-12-01" }, "address.eoir33_due")).toEqual([
      "2025-12-04",
    ]);
  });
});

describe("NTA-08 issuing authority", () => {
  it("blocks an unauthorised signer, allows a listed one, and is silent when none is recorded", () => {
    expect(outcomeOf(nta08, {}, serve({ signerRole: "deportation_officer" }))).toBe("BLOCK");
    expect(outcomeOf(nta08, {}, serve({ signerRole: "supervisory_detention_and_deportation_officer" }))).toBe(
      "ALLOW",
    );
    expect(
      outcomeOf(
        nta08,
        {},
        {
          type: "warrant.issue",
          on: "2025-04-01",
          form: "I-205",
          signerRole: "supervisory_border_patrol_agent",
        },
      ),
    ).toBe("BLOCK");
    expect(outcomeOf(nta08, {}, serve())).toBeUndefined();
  });
  it("reads the role table from config", () => {
    const config = { issuingRoles: { "I-862": ["deportation_officer"] } };
    expect(outcomeOf(nta08, { config }, serve({ signerRole: "deportation_officer" }))).toBe("ALLOW");
  });
});
