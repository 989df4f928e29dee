/**
 * What placement needs to know about a person, read from the person's facts
 * (`facts.detention = { level, medicalNeed, kind }`, `facts.family = { lat, lon, place }`)
 * and the case. When a fact is not recorded we default it and say so:
 * kind adult (licensed juvenile for an unaccompanied child, family
 * residential when held in a family-only facility), security level 1,
 * medical need 0. Sex must be recorded (M or F): beds are by sex, and we do not
 * guess it; such a person is left out of the proposal with that reason.
 */
import { z } from "zod";
import type { FacilityKind, Sex } from "../../placement/types.js";

export const detentionFactsSchema = z.object({
  level: z.number().int().min(1).max(4).optional(),
  medicalNeed: z.number().int().min(0).max(5).optional(),
  kind: z.enum(["adult", "family_residential", "juvenile_licensed"]).optional(),
});
export const familyAnchorSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  place: z.string().optional(),
});
export type DetentionFacts = z.infer<typeof detentionFactsSchema>;

export interface PlacementFacts {
  sex: Sex | null;
  kind: FacilityKind;
  level: number;
  medicalNeed: number;
  /** Which of kind, level, medicalNeed were defaulted. */
  assumed: ("kind" | "level" | "medicalNeed")[];
  family: z.infer<typeof familyAnchorSchema> | null;
}

const sexOf = (s: string | null): Sex | null => (s === "M" ? "male" : s === "F" ? "female" : null);

export function placementFacts(
  person: { sex: string | null; facts: unknown },
  currentFacilityKinds: readonly string[] | undefined,
): PlacementFacts {
  const facts = (person.facts ?? {}) as Record<string, unknown>;
  const parsed = detentionFactsSchema.safeParse(facts.detention ?? {});
  const d: DetentionFacts = parsed.success ? parsed.data : {};
  const family = familyAnchorSchema.safeParse(facts.family);
  const assumed: PlacementFacts["assumed"] = [];
  let kind = d.kind;
  if (!kind) {
    if (facts.unaccompaniedChild === true) kind = "juvenile_licensed";
    else if (currentFacilityKinds?.length === 1 && currentFacilityKinds[0] === "family_residential")
      kind = "family_residential";
    else {
      kind = "adult";
      assumed.push("kind");
    }
  }
  if (d.level === undefined) assumed.push("level");
  if (d.medicalNeed === undefined) assumed.push("medicalNeed");
  return {
    sex: sexOf(person.sex),
    kind,
    level: d.level ?? 1,
    medicalNeed: d.medicalNeed ?? 0,
    assumed,
    family: family.success ? family.data : null,
  };
}
