import { describe, expect, it } from "vitest";
import type { StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import type { Finding } from "../../law/types.js";
import type { Actor } from "../access.js";
import type { LawInputs } from "../law-inputs.js";
import type { GateResult } from "./gate.js";
import { gateAnswerFor } from "./gate-answer.js";

const officer = (purpose?: string): Actor => ({
  id: "u1",
  username: "officer",
  displayName: "Officer",
  role: "officer",
  offices: ["HOU"],
  purpose,
});
const protection: Finding = {
  rule: "PROT-01",
  outcome: "BLOCK",
  citation: "INA 241(b)(3)",
  message: "Withholding of removal to SV was granted; removal to SV is barred.",
};
const inputsWith = (events: object[]) =>
  new Map([
    [
      "c1",
      {
        stored: events.map((event, i) => ({ seq: i + 1, event: event as CaseEvent })) as StoredEvent[],
      } as LawInputs,
    ],
  ]);
const result: GateResult = {
  gate: "lock",
  checked: 1,
  kept: 0,
  struck: [
    {
      entryId: "e1",
      caseId: "c1",
      role: "primary",
      outcome: "BLOCK",
      reasons: [protection],
      message: "Struck from F-1 at the lock gate: PROT-01 BLOCK: Withholding of removal to SV was granted",
    },
  ],
};
const granted = [{ on: "2026-11-21", type: "protection.granted", kind: "withholding", country: "SV" }];

describe("the gate's answer to the officer who ran it", () => {
  it("withholds a confidential case's reasons from a reader without a purpose", () => {
    const shown = gateAnswerFor(officer(), result, inputsWith(granted), "F-1");
    const text = JSON.stringify(shown);
    expect(text).not.toContain("PROT-01");
    expect(text).not.toContain("Withholding of removal");
    expect(shown.struck[0].outcome).toBe("BLOCK");
    expect(shown.struck[0].caseId).toBe("c1");
  });

  it("shows them to a reader with a need to know and a stated purpose", () => {
    const shown = gateAnswerFor(officer("planning this removal flight"), result, inputsWith(granted), "F-1");
    expect(shown).toEqual(result);
  });

  it("leaves a case with nothing confidential as it is", () => {
    const stay = [{ on: "2026-11-21", type: "entry", manner: "ewi" }];
    expect(gateAnswerFor(officer(), result, inputsWith(stay), "F-1")).toEqual(result);
  });
});
