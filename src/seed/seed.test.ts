import { describe, expect, it } from "vitest";
import { personInput } from "../app/schemas.js";
import { projectCase, stages } from "../domain/case-state.js";
import { caseEventSchema } from "../domain/events.js";
import { normalizeName } from "../domain/names.js";
import { ageOn } from "../law/calendar/calendar.js";
import { generateCases, referenceData, type SeedCase } from "./index.js";

const TODAY = "2026-03-15";
const ref = referenceData();
const run = (count: number, seed: number, today = TODAY): SeedCase[] => [
  ...generateCases(count, seed, today, ref),
];
const cases = run(2000, 1);

describe("generateCases", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(JSON.stringify(run(300, 7))).toBe(JSON.stringify(run(300, 7)));
    expect(JSON.stringify(run(300, 8))).not.toBe(JSON.stringify(run(300, 7)));
    // A case does not depend on how many are asked for.
    expect(run(40, 1)).toEqual(cases.slice(0, 40));
  });

  it("yields exactly `count` cases", () => {
    expect(cases).toHaveLength(2000);
    expect(run(0, 1)).toHaveLength(0);
  });

  it("writes only events that parse, in date order, none after today", () => {
    for (const c of cases) {
      expect(c.events.length).toBeGreaterThan(0);
      let previous = "";
      let previousStamp = "";
      for (const e of c.events) {
        const parsed = caseEventSchema.safeParse(e);
        if (!parsed.success) throw new Error(`${JSON.stringify(e)}: ${parsed.error.message}`);
        expect(e.on >= previous, `${e.type} on ${e.on} after ${previous}`).toBe(true);
        expect(e.on <= TODAY).toBe(true);
        previous = e.on;
        if (e.at) {
          const stamp = `${e.on}T${e.at}`;
          expect(stamp >= previousStamp, `${e.type} at ${stamp} after ${previousStamp}`).toBe(true);
          previousStamp = stamp;
        }
      }
    }
  });

  it("never dates an event after an earlier `today` either", () => {
    for (const c of run(300, 3, "2024-02-29"))
      for (const e of c.events) expect(e.on <= "2024-02-29").toBe(true);
  });

  it("gives persons that the loader's schema accepts, with unique A-numbers", () => {
    const seen = new Set<string>();
    let without = 0;
    for (const c of cases) {
      personInput.parse(c.person);
      const a = c.person.aNumber;
      if (!a) {
        without++;
        continue;
      }
      expect(a).toMatch(/^A\d{9}$/);
      expect(seen.has(a), a).toBe(false);
      seen.add(a);
    }
    expect(without).toBeGreaterThan(0);
    expect(without).toBeLessThan(cases.length / 4);
  });

  it("refers only to reference data that exists, with matching facility kinds", () => {
    const facilities = new Map(ref.facilities.map((f) => [f.code, f]));
    const courts = new Set(ref.courts.map((c) => c.code));
    const offices = new Set(ref.offices.map((o) => o.code));
    const counsel = new Set(ref.counsel.map((c) => c.id));
    for (const c of cases) {
      expect(offices.has(c.case.officeCode)).toBe(true);
      if (c.case.courtCode) expect(courts.has(c.case.courtCode)).toBe(true);
      if (c.person.counselId) expect(counsel.has(c.person.counselId)).toBe(true);
      for (const e of c.events) {
        if (e.type !== "custody.booked") continue;
        const f = facilities.get(e.facility.code ?? "");
        expect(f, e.facility.code).toBeDefined();
        expect(f?.kinds).toContain(e.facility.kind);
      }
    }
    const represented = cases.filter((c) => c.person.counselId).length / cases.length;
    expect(represented).toBeGreaterThan(0.35);
    expect(represented).toBeLessThan(0.65);
  });

  it("states a person's age on the NTA as their birth date gives it", () => {
    let checked = 0;
    for (const c of cases) {
      const birth = c.person.birthDate;
      for (const e of c.events) {
        if (e.type !== "nta.served" || e.personAge === undefined || !birth || birth.length < 10) continue;
        expect(e.personAge).toBe(ageOn(birth, e.on)?.min);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("removes people only to their own country", () => {
    for (const c of cases) {
      for (const e of c.events) {
        if (e.type === "departure.verified" || e.type === "travel_document.issued") {
          expect(c.person.citizenship).toContain(e.country);
        }
      }
    }
  });

  it("covers every stage of the lifecycle and every kind of case", () => {
    const seenStages = new Set(
      cases.map((c) => projectCase(c.events.map((event, i) => ({ seq: i + 1, event }))).stage),
    );
    expect([...seenStages].sort()).toEqual([...stages].sort());
    const kinds = new Set(cases.map((c) => c.case.kind));
    expect([...kinds].sort()).toEqual(
      [
        "administrative_238b",
        "deportation_pre1997",
        "expedited_removal",
        "reinstatement",
        "removal_240",
        "withholding_only",
      ].sort(),
    );
  });

  it("includes the situations the law treats specially", () => {
    const all = cases.flatMap((c) => c.events);
    const has = (pred: (e: (typeof all)[number]) => boolean) => all.some(pred);
    expect(has((e) => e.type === "confidentiality.flag" && e.kind === "asylum_208_6")).toBe(true);
    expect(has((e) => e.type === "confidentiality.flag" && e.kind === "vawa_t_u_1367")).toBe(true);
    expect(has((e) => e.type === "application.filed" && e.form === "I-589")).toBe(true);
    expect(has((e) => e.type === "order.issued" && e.inAbsentia === true)).toBe(true);
    expect(has((e) => e.type === "status.granted" && e.kind === "tps")).toBe(true);
    expect(has((e) => e.type === "status.granted" && e.kind === "daca")).toBe(true);
    for (const type of [
      "citizenship.claimed",
      "appeal.received",
      "appeal.decided",
      "stay.granted",
      "protection.granted",
      "travel_document.requested",
      "departure.verified",
      "uac.determined",
    ]) {
      expect(
        has((e) => e.type === type),
        type,
      ).toBe(true);
    }
    for (const kind of [
      "removal",
      "voluntary_departure",
      "relief",
      "termination",
      "expedited_removal",
      "reinstatement",
    ]) {
      expect(
        has((e) => e.type === "order.issued" && e.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it("spreads cases over about three years", () => {
    const firstCaseDays = cases.map(
      (c) =>
        c.events.find(
          (e) =>
            e.type !== "entry" &&
            e.type !== "status.granted" &&
            e.type !== "charge.filed" &&
            e.type !== "conviction" &&
            e.type !== "order.issued",
        )?.on ?? c.events[0].on,
    );
    const sorted = firstCaseDays.sort();
    expect(sorted[Math.floor(sorted.length * 0.02)] < "2023-09-01").toBe(true);
    expect(sorted[Math.floor(sorted.length * 0.98)] > "2026-01-01").toBe(true);
  });
});

describe("names", () => {
  const first50 = run(50, 1);

  it("has an Arabic-script alias and an accented family name in seed 1's first 50", () => {
    expect(
      first50.some((c) =>
        c.person.aliases.some((a) => a.script === "Arab" && /\p{Script=Arabic}/u.test(a.given)),
      ),
    ).toBe(true);
    const accented = first50.filter((c) => /[À-ɏ]/.test(c.person.familyName));
    expect(accented.length).toBeGreaterThan(0);
    // Searchable without the accent, the way the store normalises names.
    const f = accented[0].person.familyName;
    expect(normalizeName(f)).not.toBe(f.toLowerCase());
  });

  it("gives non-Latin names a Latin primary, a native alias and a second transliteration", () => {
    const scripts = new Map<string, number>();
    for (const c of cases) {
      expect(c.person.givenName).toMatch(/^[\p{Script=Latin}\s'’.-]+$/u);
      const native = c.person.aliases.find((a) => a.kind === "native");
      if (!native) continue;
      scripts.set(native.script ?? "", (scripts.get(native.script ?? "") ?? 0) + 1);
      expect(c.person.aliases.some((a) => a.kind === "transliteration" && a.script === "Latn")).toBe(true);
    }
    expect([...scripts.keys()].sort()).toEqual(["Arab", "Cyrl", "Deva", "Hans"]);
  });

  it("uses ISO codes consistent with the name's origin", () => {
    for (const c of cases) {
      expect(c.person.citizenship).toHaveLength(1);
      for (const l of c.person.languages) expect(l).toMatch(/^[a-z]{2}$/);
      const script = c.person.aliases.find((a) => a.kind === "native")?.script;
      if (script === "Arab") expect(c.person.languages).toContain("ar");
      if (script === "Hans") expect(c.person.citizenship).toEqual(["CN"]);
    }
    const partial = cases.filter((c) => c.person.birthDate && c.person.birthDate.length < 10).length;
    expect(partial).toBeGreaterThan(0);
  });
});

describe("speed", () => {
  it("generates 2,000 cases well under two seconds", () => {
    run(200, 99); // warm up
    const t = performance.now();
    run(2000, 42);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});
