import { describe, expect, it } from "vitest";
import { generateCases, referenceData } from "./index.js";

const ref = referenceData();
const facilities = new Map(ref.facilities.map((f) => [f.code, f]));

describe("seeded custody respects beds by sex", () => {
  it("books and holds every person only where the facility has beds of their sex", () => {
    const cases = [...generateCases(3000, 11, "2026-11-27", ref)];
    let women = 0;
    let checked = 0;
    for (const c of cases) {
      for (const e of c.events) {
        if (e.type !== "custody.booked" && e.type !== "custody.transferred") continue;
        const code = "facility" in e ? e.facility.code : undefined;
        const f = facilities.get(code ?? "");
        if (!f) continue;
        const beds = c.person.sex === "F" ? f.bedsFemale : f.bedsMale;
        expect(beds, `${c.person.sex} person booked at ${f.code}`).toBeGreaterThan(0);
        checked++;
        if (c.person.sex === "F") women++;
      }
    }
    // The check must have seen both sexes, and facilities without female beds must exist for it to matter.
    expect(checked).toBeGreaterThan(500);
    expect(women).toBeGreaterThan(50);
    expect(ref.facilities.some((f) => f.bedsFemale === 0 && f.kinds.includes("adult"))).toBe(true);
  });
});
