/** Zod validation of a placement instance; errors name the field at fault (e.g. `people[3].anchors[0].lat`). */
import { z } from "zod";
import { invalid } from "../domain/errors.js";
import { anchorKinds, facilityKinds, type Instance } from "./types.js";

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);
const count = z.number().int().min(0);
const level = z.number().int().min(0);

const anchorSchema = z.object({
  lat: latitude,
  lon: longitude,
  weight: z.number().min(0),
  kind: z.enum(anchorKinds).optional(),
  place: z.string().optional(),
});

const facilitySchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  lat: latitude,
  lon: longitude,
  beds: z.object({ male: count, female: count }),
  kinds: z.array(z.enum(facilityKinds)),
  levels: z.array(level),
  medical: level,
});

const personSchema = z.object({
  id: z.string().min(1),
  sex: z.enum(["male", "female"]),
  kind: z.enum(facilityKinds),
  level: level,
  medicalNeed: level,
  current: z.string().min(1).nullable(),
  anchors: z.array(anchorSchema),
});

export const instanceSchema = z.object({
  facilities: z.array(facilitySchema),
  people: z.array(personSchema),
  transferPenalty: z.number().min(0),
});

/** `["people", 3, "anchors", 0, "lat"]` → `people[3].anchors[0].lat`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "instance";
}

/** Parses and cross-checks an instance; throws AppError(invalid_input) naming the first bad field. */
export function parseInstance(input: unknown): Instance {
  const parsed = instanceSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(fieldPath(issue.path), issue.message);
  }
  const instance = parsed.data as Instance;
  const facilityIds = new Set<string>();
  instance.facilities.forEach((f, i) => {
    if (facilityIds.has(f.id)) throw invalid(`facilities[${i}].id`, `duplicate facility id "${f.id}"`);
    facilityIds.add(f.id);
  });
  const personIds = new Set<string>();
  instance.people.forEach((p, i) => {
    if (personIds.has(p.id)) throw invalid(`people[${i}].id`, `duplicate person id "${p.id}"`);
    personIds.add(p.id);
    if (p.current !== null && !facilityIds.has(p.current)) {
      throw invalid(`people[${i}].current`, `unknown facility "${p.current}"`);
    }
  });
  return instance;
}
