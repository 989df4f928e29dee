/**
 * Named switches for rules that RULES.md marks [POLICY] or [UNSETTLED]. Each
 * switch lists its values; the first is the default RULES.md gives. A
 * configuration may give a plain value, or a list of values each with the
 * dates from which (and until which) it applies, so a change of policy is
 * data with an effective date, not a code change.
 */
import type { LawConfig, PolicyValue } from "./types.js";

export const policySwitches = {
  lateAppealWithTolling: { values: ["review", "wait_for_bia"], rules: ["STAY-02", "TIME-02"] },
  inAbsentiaDenialAppealStay: { values: ["review", "block", "none"], rules: ["STAY-03"] },
  statutoryMotionRollForward: { values: [true, false], rules: ["TIME-01"] },
  pendingI246: { values: ["warn", "review"], rules: ["STAY-07"] },
  thirdCountryProcedure: { values: ["strict", "dhs_floor"], rules: ["PROT-04"] },
  lakenRileyAfterDismissal: { values: ["review", "mandatory", "release"], rules: ["DET-03"] },
  protectedAreas: { values: ["2025", "2021"], rules: ["LOC-01"] },
  homeEntryAdminWarrant: { values: ["block", "review"], rules: ["ARR-05"] },
  detainerHoldComputation: { values: ["shorter", "form", "regulation"], rules: ["ARR-04"] },
  expeditedRemovalScope: { values: ["review", "enforce", "blocked"], rules: ["FIN-04"] },
  parentRemovalWithoutCare: { values: ["block", "review"], rules: ["MIN-08"] },
  vulnerableDetainees: { values: ["review", "warn"], rules: ["DET-08"] },
  /** A transfer that impedes access to counsel (beyond `transferCounselKm`, default 160 km, or out of the court's area). */
  transferImpedingCounsel: { values: ["warn", "review"], rules: ["DP-03"] },
} as const satisfies Record<string, { values: readonly PolicyValue[]; rules: readonly string[] }>;

export type PolicyName = keyof typeof policySwitches;
export type PolicyOf<N extends PolicyName> = (typeof policySwitches)[N]["values"][number];

/** The switch's value in force on `asOf` (YYYY-MM-DD), or its default. */
export function policy<N extends PolicyName>(config: LawConfig, name: N, asOf: string): PolicyOf<N> {
  const def = policySwitches[name].values[0] as PolicyOf<N>;
  const setting = config.policy?.[name];
  if (setting === undefined) return def;
  if (!Array.isArray(setting)) return setting as PolicyOf<N>;
  const inForce = setting.filter((s) => (!s.from || s.from <= asOf) && (!s.to || asOf <= s.to));
  return (inForce.length ? inForce[inForce.length - 1].value : def) as PolicyOf<N>;
}

/** Extra switches a rule family may read that the shared examples do not list; default first. */
export function policyValue(config: LawConfig, name: string, def: PolicyValue, asOf: string): PolicyValue {
  const setting = config.policy?.[name];
  if (setting === undefined) return def;
  if (!Array.isArray(setting)) return setting;
  const inForce = setting.filter((s) => (!s.from || s.from <= asOf) && (!s.to || asOf <= s.to));
  return inForce.length ? inForce[inForce.length - 1].value : def;
}
