/**
 * The facts DP-03 weighs for a transfer, computed from the record rather than
 * declared by the officer: how far the destination is from counsel of record,
 * and whether it leaves the area of the court hearing a pending case.
 *
 * - `impedesCounselAccess`: counsel of record is more than `transferCounselKm`
 *   (a policy setting, default 160 km ≈ 100 miles) from the destination.
 * - `outOfArea`: the above, or the destination belongs to a different
 *   immigration court than the pending case's court.
 *
 * DP-03 then gives WARN (or REVIEW under `transferImpedingCounsel: "review"`).
 */
import { policyValue } from "../../law/policy.js";
import type { LawConfig } from "../../law/types.js";
import { haversineKm } from "../../placement/geo.js";
import type { FacilityRow } from "../../store/repositories/reference.js";
import { pendingStages } from "./instance.js";

export const defaultCounselKm = 160;

export interface TransferFacts {
  outOfArea: boolean;
  impedesCounselAccess: boolean;
  counselKm?: number;
  /** In words, for the officer: what the law engine was told and why. */
  notes: string[];
}

export function transferFacts(input: {
  to: FacilityRow;
  counsel: { lat: number; lon: number; city: string } | null;
  court: { code: string; city: string } | null;
  stage: string;
  nextHearing: string | null;
  config: LawConfig;
  asOf: string;
}): TransferFacts {
  const { to, counsel, court, config, asOf } = input;
  const limit = Number(policyValue(config, "transferCounselKm", defaultCounselKm, asOf));
  const notes: string[] = [];
  let impedes = false;
  let counselKm: number | undefined;
  if (counsel) {
    counselKm = Math.round(haversineKm(counsel.lat, counsel.lon, to.lat, to.lon));
    impedes = counselKm > limit;
    notes.push(
      `${to.code} is ${counselKm} km from counsel of record in ${counsel.city} (${impedes ? "more" : "not more"} than ${limit} km)`,
    );
  } else notes.push("no counsel of record");
  const pending = court !== null && pendingStages.has(input.stage);
  const leavesCourt = pending && to.courtCode !== null && to.courtCode !== court.code;
  if (pending)
    notes.push(
      leavesCourt
        ? `${to.code} is in the area of court ${to.courtCode}, not ${court.code} (${court.city}) where the case is pending${input.nextHearing ? ` (next hearing ${input.nextHearing})` : ""}`
        : `${to.code} stays within the area of court ${court.code} (${court.city})`,
    );
  return {
    outOfArea: impedes || leavesCourt,
    impedesCounselAccess: impedes,
    ...(counselKm !== undefined ? { counselKm } : {}),
    notes,
  };
}
