/**
 * Builds an optimizer instance (src/placement) from database rows. Pure.
 *
 * Beds: a facility offers its capacity by sex minus the people held there who
 * are not part of this instance (people in the instance take their beds through
 * their own assignment). People of unrecorded sex are not counted against
 * either sex's beds: a limit we report rather than guess.
 * Anchors: counsel of record (weight `counsel`), the immigration court of a
 * pending case (`court`), family recorded in the person's facts (`family`).
 */
import type { Anchor, FacilityKind, Instance, Person } from "../../placement/types.js";
import type { DetaineeRow } from "../../store/repositories/detention.js";
import type { FacilityRow } from "../../store/repositories/reference.js";
import { type PlacementFacts, placementFacts } from "./placement-facts.js";

export interface Weights {
  counsel: number;
  court: number;
  family: number;
}
export const defaultWeights: Weights = { counsel: 3, court: 2, family: 1 };
export const defaultTransferPenalty = 150;

/** Stages in which a case is before the court, so its court anchors the placement. */
export const pendingStages: ReadonlySet<string> = new Set([
  "charged",
  "in_proceedings",
  "ordered",
  "on_appeal",
]);

export interface Placeable {
  row: DetaineeRow;
  facts: PlacementFacts;
}
export interface Skipped {
  caseId: string;
  number: string;
  reason: string;
}
export interface BuiltInstance {
  instance: Instance;
  people: Map<string, Placeable>;
  skipped: Skipped[];
  /** How many people had each fact defaulted. */
  assumed: Record<"kind" | "level" | "medicalNeed", number>;
}

export function anchorsOf(row: DetaineeRow, facts: PlacementFacts, w: Weights): Anchor[] {
  const anchors: Anchor[] = [];
  if (row.counselLat !== null && row.counselLon !== null && w.counsel > 0)
    anchors.push({
      lat: row.counselLat,
      lon: row.counselLon,
      weight: w.counsel,
      kind: "counsel",
      ...(row.counselCity ? { place: row.counselCity } : {}),
    });
  if (row.courtLat !== null && row.courtLon !== null && pendingStages.has(row.stage) && w.court > 0)
    anchors.push({
      lat: row.courtLat,
      lon: row.courtLon,
      weight: w.court,
      kind: "court",
      ...(row.courtCity ? { place: row.courtCity } : {}),
    });
  if (facts.family && w.family > 0)
    anchors.push({
      lat: facts.family.lat,
      lon: facts.family.lon,
      weight: w.family,
      kind: "family",
      ...(facts.family.place ? { place: facts.family.place } : {}),
    });
  return anchors;
}

export function buildInstance(input: {
  facilities: FacilityRow[];
  /** Distinct people held per facility and sex, everyone (from the projections). */
  heldBySex: Map<string, { male: number; female: number }>;
  rows: DetaineeRow[];
  weights: Weights;
  transferPenalty: number;
}): BuiltInstance {
  const { facilities, heldBySex, rows, weights } = input;
  const kindsOf = new Map(facilities.map((f) => [f.code, f.kinds]));
  const people = new Map<string, Placeable>();
  const skipped: Skipped[] = [];
  const assumed = { kind: 0, level: 0, medicalNeed: 0 };
  const instancePeople: Person[] = [];
  const inInstanceAt = new Map<string, { male: number; female: number }>();
  const seenPersons = new Set<string>();
  for (const row of rows) {
    const state = row.state as { custody?: string };
    if (state.custody !== "detained") {
      skipped.push({
        caseId: row.caseId,
        number: row.number,
        reason: "not detained: book the person in first",
      });
      continue;
    }
    if (seenPersons.has(row.personId)) {
      skipped.push({
        caseId: row.caseId,
        number: row.number,
        reason: "the person is already placed under another case",
      });
      continue;
    }
    const facts = placementFacts(row, row.facilityCode ? kindsOf.get(row.facilityCode) : undefined);
    if (!facts.sex) {
      skipped.push({
        caseId: row.caseId,
        number: row.number,
        reason: "sex not recorded (beds are assigned by sex): record it, or place by hand",
      });
      continue;
    }
    seenPersons.add(row.personId);
    for (const a of facts.assumed) assumed[a]++;
    people.set(row.caseId, { row, facts });
    const current = row.facilityCode && kindsOf.has(row.facilityCode) ? row.facilityCode : null;
    if (current) {
      const c = inInstanceAt.get(current) ?? { male: 0, female: 0 };
      c[facts.sex]++;
      inInstanceAt.set(current, c);
    }
    instancePeople.push({
      id: row.caseId,
      sex: facts.sex,
      kind: facts.kind,
      level: facts.level,
      medicalNeed: facts.medicalNeed,
      current,
      anchors: anchorsOf(row, facts, weights),
    });
  }
  const instance: Instance = {
    facilities: facilities.map((f) => {
      const held = heldBySex.get(f.code) ?? { male: 0, female: 0 };
      const mine = inInstanceAt.get(f.code) ?? { male: 0, female: 0 };
      return {
        id: f.code,
        name: f.name,
        lat: f.lat,
        lon: f.lon,
        beds: {
          male: Math.max(0, f.bedsMale - (held.male - mine.male)),
          female: Math.max(0, f.bedsFemale - (held.female - mine.female)),
        },
        kinds: f.kinds as FacilityKind[],
        levels: f.levels,
        medical: f.medical,
      };
    }),
    people: instancePeople,
    transferPenalty: input.transferPenalty,
  };
  return { instance, people, skipped, assumed };
}
