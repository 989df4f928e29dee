import { describe, expect, it } from "vitest";
import { arrRules } from "./arr.js";
import { hist, outcome, verdict } from "./det/test-kit.js";
import { locRules } from "./loc.js";

const run = (
  h: ReturnType<typeof hist>,
  action: Record<string, unknown> & { type: string; on: string },
  config = {},
) => verdict([...arrRules, ...locRules], h, action, config);

describe("LOC-01 protected areas", () => {
  const arrest = { type: "arrest.make", on: "2025-06-08", basis: "i200", location: "place_of_worship" };
  it("warns under the 2025 default and needs prior approval under the 2021 memo", () => {
    expect(outcome(run(hist([]), arrest), "LOC-01")).toBe("WARN");
    const memo = { policy: { protectedAreas: "2021" } };
    expect(outcome(run(hist([]), arrest, memo), "LOC-01")).toBe("BLOCK");
    expect(outcome(run(hist([]), { ...arrest, priorApproval: true }, memo), "LOC-01")).toBe("REVIEW");
    expect(outcome(run(hist([]), { ...arrest, location: "street" }, memo), "LOC-01")).toBeUndefined();
  });
  it("applies the memo in force on the action's date when no policy is configured", () => {
    expect(outcome(run(hist([]), { ...arrest, on: "2025-01-19" }), "LOC-01")).toBe("BLOCK");
    expect(outcome(run(hist([]), { ...arrest, on: "2025-01-20" }), "LOC-01")).toBe("WARN");
  });
  it("blocks where an injunction covers the location", () => {
    expect(outcome(run(hist([]), { ...arrest, injunction: true }), "LOC-01")).toBe("BLOCK");
  });
});
