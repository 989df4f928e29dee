import { describe, expect, it } from "vitest";
import { demoUsers, referenceData } from "./index.js";

const ref = referenceData();
const unique = (xs: string[]) => new Set(xs).size === xs.length;

describe("referenceData", () => {
  it("is deterministic", () => {
    expect(referenceData()).toEqual(ref);
  });

  it("has ~25 offices with valid IANA time zones", () => {
    expect(ref.offices.length).toBeGreaterThanOrEqual(20);
    expect(unique(ref.offices.map((o) => o.code))).toBe(true);
    for (const o of ref.offices)
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: o.tz })).not.toThrow();
  });

  it("has ~60 courts with circuits and U.S. coordinates", () => {
    expect(ref.courts.length).toBeGreaterThanOrEqual(55);
    expect(unique(ref.courts.map((c) => c.code))).toBe(true);
    const circuits = new Set(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "DC"]);
    for (const c of ref.courts) {
      expect(circuits.has(c.circuit), c.code).toBe(true);
      expect(c.lat).toBeGreaterThan(13);
      expect(c.lat).toBeLessThan(72);
      expect(c.lon).toBeLessThan(-64);
    }
  });

  it("has at least 100 facilities, each in an office and served by a court", () => {
    expect(ref.facilities.length).toBeGreaterThanOrEqual(100);
    expect(unique(ref.facilities.map((f) => f.code))).toBe(true);
    expect(unique(ref.facilities.map((f) => f.name))).toBe(true);
    const offices = new Set(ref.offices.map((o) => o.code));
    const courts = new Set(ref.courts.map((c) => c.code));
    const kinds = new Set<string>();
    for (const f of ref.facilities) {
      expect(offices.has(f.officeCode)).toBe(true);
      expect(courts.has(f.courtCode ?? "")).toBe(true);
      expect(f.bedsMale + f.bedsFemale).toBeGreaterThan(0);
      expect(f.levels.every((l) => l >= 1 && l <= 3)).toBe(true);
      expect(f.medical).toBeGreaterThanOrEqual(0);
      expect(f.medical).toBeLessThanOrEqual(3);
      for (const k of f.kinds) kinds.add(k);
    }
    expect([...kinds].sort()).toEqual(["adult", "family_residential", "juvenile_licensed"]);
    for (const o of offices)
      expect(
        ref.facilities.some((f) => f.officeCode === o && f.kinds.includes("adult")),
        o,
      ).toBe(true);
  });

  it("has a few hundred counsel with stable UUIDs", () => {
    expect(ref.counsel.length).toBeGreaterThanOrEqual(200);
    expect(unique(ref.counsel.map((c) => c.id))).toBe(true);
    for (const c of ref.counsel)
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("demoUsers", () => {
  const users = demoUsers();

  it("has every role, unique usernames, and the documented demo sign-ins", () => {
    const roles = new Set(users.map((u) => u.role));
    for (const r of ["officer", "supervisor", "counsel", "detention_manager", "analyst", "auditor", "admin"])
      expect(roles.has(r as never), r).toBe(true);
    expect(unique(users.map((u) => u.username))).toBe(true);
    for (const name of ["officer", "supervisor", "admin", "analyst", "auditor", "counsel", "detention"]) {
      expect(users.find((u) => u.username === name)?.password, name).toBe("demo-password");
    }
  });

  it("scopes officers and supervisors to real offices", () => {
    const offices = new Set(ref.offices.map((o) => o.code));
    for (const u of users.filter((x) => x.role === "officer" || x.role === "supervisor")) {
      expect(u.offices.length).toBeGreaterThan(0);
      for (const o of u.offices) expect(offices.has(o)).toBe(true);
    }
  });
});
