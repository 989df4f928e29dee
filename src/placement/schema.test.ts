import { describe, expect, it } from "vitest";
import { AppError } from "../domain/errors.js";
import { parseInstance } from "./schema.js";

const valid = () => ({
  facilities: [
    {
      id: "F1",
      lat: 30,
      lon: -95,
      beds: { male: 2, female: 1 },
      kinds: ["adult"],
      levels: [1, 2],
      medical: 1,
    },
  ],
  people: [
    {
      id: "P1",
      sex: "male",
      kind: "adult",
      level: 1,
      medicalNeed: 0,
      current: null,
      anchors: [{ lat: 29.7, lon: -95.3, weight: 1 }],
    },
  ],
  transferPenalty: 100,
});

const fieldOf = (input: unknown) => {
  try {
    parseInstance(input);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).field;
  }
  return undefined;
};

describe("parseInstance", () => {
  it("accepts a valid instance", () => {
    expect(parseInstance(valid()).people[0].id).toBe("P1");
  });
  it("names the field at fault", () => {
    const a = valid();
    (a.people[0].anchors[0] as { lat: unknown }).lat = 123;
    expect(fieldOf(a)).toBe("people[0].anchors[0].lat");
    const b = valid();
    (b.facilities[0].beds as { female: unknown }).female = -1;
    expect(fieldOf(b)).toBe("facilities[0].beds.female");
    const c = valid();
    (c.people[0] as { current: unknown }).current = "NOPE";
    expect(fieldOf(c)).toBe("people[0].current");
    const d = valid();
    d.people.push({ ...d.people[0] });
    expect(fieldOf(d)).toBe("people[1].id");
    expect(fieldOf({ ...valid(), transferPenalty: "x" })).toBe("transferPenalty");
  });
});
