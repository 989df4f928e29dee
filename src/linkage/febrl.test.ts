/**
 * Accuracy on the FEBRL data sets (test/fixtures/febrl), at the threshold the linker chooses by
 * itself (p >= 0.5 under the trained model). Labels are used only here, to measure.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { febrlEntity, pairMetrics } from "./evaluate.js";
import { linkRecords } from "./link.js";
import { type Mapping, readRecords } from "./mapping.js";
import type { PersonField } from "./types.js";

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/fixtures/febrl/${name}.csv`, import.meta.url));

const ALL_FIELDS: Mapping = {
  id: "rec_id",
  fields: {
    givenName: "given_name",
    familyName: "surname",
    birthDate: { column: "date_of_birth", format: "YYYYMMDD" },
    aNumber: "soc_sec_id",
    nationality: "state",
    addressLine: ["street_number", "address_1", "address_2"],
    locality: "suburb",
    postalCode: "postcode",
  },
};

function only(fields: PersonField[]): Mapping {
  return { id: "rec_id", fields: Object.fromEntries(fields.map((f) => [f, ALL_FIELDS.fields[f]])) };
}

async function f1(dataset: string, mapping: Mapping) {
  const records = await readRecords(fixture(dataset), mapping);
  const result = linkRecords(records);
  return pairMetrics(
    records.map((r) => febrlEntity(r.id)),
    result.clusterOf,
  );
}

describe("FEBRL accuracy at the self-chosen threshold", () => {
  it("dataset3, all fields: F1 >= 0.995", { timeout: 180_000 }, async () => {
    expect((await f1("dataset3", ALL_FIELDS)).f1).toBeGreaterThanOrEqual(0.995);
  });

  it("dataset3, without A-number: F1 >= 0.98", { timeout: 180_000 }, async () => {
    const mapping = only([
      "givenName",
      "familyName",
      "birthDate",
      "nationality",
      "addressLine",
      "locality",
      "postalCode",
    ]);
    expect((await f1("dataset3", mapping)).f1).toBeGreaterThanOrEqual(0.98);
  });

  it("dataset3, names, birth date and state only: F1 >= 0.91", { timeout: 180_000 }, async () => {
    const metrics = await f1("dataset3", only(["givenName", "familyName", "birthDate", "nationality"]));
    expect(metrics.f1).toBeGreaterThanOrEqual(0.91);
  });

  it("dataset1 (one duplicate each), all fields: F1 >= 0.99", { timeout: 180_000 }, async () => {
    expect((await f1("dataset1", ALL_FIELDS)).f1).toBeGreaterThanOrEqual(0.99);
  });
});
