/** Detention placement: the instance a caller gives and the plan we hand back. */

export const sexes = ["male", "female"] as const;
export type Sex = (typeof sexes)[number];

export const facilityKinds = ["adult", "family_residential", "juvenile_licensed"] as const;
export type FacilityKind = (typeof facilityKinds)[number];

export const anchorKinds = ["counsel", "family", "court"] as const;
export type AnchorKind = (typeof anchorKinds)[number];

/** A place a person should be kept near. `kind` and `place` are optional and only used in explanations. */
export interface Anchor {
  lat: number;
  lon: number;
  weight: number;
  kind?: AnchorKind;
  place?: string;
}

export interface Facility {
  id: string;
  name?: string;
  lat: number;
  lon: number;
  beds: Record<Sex, number>;
  kinds: FacilityKind[];
  levels: number[];
  medical: number;
}

export interface Person {
  id: string;
  sex: Sex;
  kind: FacilityKind;
  level: number;
  medicalNeed: number;
  /** Facility id the person is held in now; null for a new arrival. */
  current: string | null;
  anchors: Anchor[];
}

export interface Instance {
  facilities: Facility[];
  people: Person[];
  transferPenalty: number;
}

export interface Assignment {
  person: string;
  facility: string;
  reason?: string;
}

export interface Unplaced {
  person: string;
  reason: string;
}

export interface SolveStats {
  engine: "highs" | "aggregate" | "flow" | "scaling";
  /** People who could be placed at most (max flow over the hard constraints). */
  maxPlaceable: number;
  groups: number;
  /** Person-facility arcs in the last LP handed to HiGHS. */
  arcs: number;
  lpSolves: number;
  /** Arcs with negative reduced cost still outside the LP when we stopped (0 = proven optimal). */
  violatedArcs: number;
  /** (objective - bound) / max(1, |objective|). */
  relativeGap: number;
  seconds: Record<string, number>;
}

export interface PlacementResult {
  assignments: Assignment[];
  unplaced: Unplaced[];
  objective: number;
  bound: number;
  stats?: SolveStats;
}

export interface SolveOptions {
  /** Each person starts with arcs to this many nearest feasible facilities. */
  nearest?: number;
  /** Stop adding priced-out arcs once the gap is below this (relative). 0 = prove optimality. */
  gapTolerance?: number;
  /** Wall-clock budget in seconds; the best plan found so far is returned with its bound. */
  timeLimitSeconds?: number;
  /** Write explanations (costly for very large instances). Default true. */
  reasons?: boolean;
  /**
   * "highs" (exact LP with pricing), "aggregate" (LP over groups of similar people) or "flow"
   * (TypeScript min-cost flow with pricing); default: highs, flow for large instances.
   */
  engine?: "highs" | "aggregate" | "flow" | "scaling";
  /** Scaling engine: improving arcs added per group and pricing round. */
  perGroup?: number;
  /** Aggregate engine: people of a class sharing this many cheapest facilities form one group. */
  keyFacilities?: number;
  onProgress?: (message: string) => void;
}
