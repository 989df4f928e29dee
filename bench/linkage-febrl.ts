/**
 * Accuracy of the linker on the FEBRL fixtures, with all fields and with fewer, plus blocking
 * recall and candidate pairs per record. Run: npx tsx bench/linkage-febrl.ts [dataset3]
 */
import { blockingRulesFor, candidatePairs } from "../src/linkage/blocking.js";
import { prepare } from "../src/linkage/dataset.js";
import { febrlEntity, pairMetrics } from "../src/linkage/evaluate.js";
import { linkRecords } from "../src/linkage/link.js";
import { type Mapping, readRecords } from "../src/linkage/mapping.js";

export const FEBRL_MAPPING: Mapping = {
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

const without = (mapping: Mapping, keep: string[]): Mapping => ({
  id: mapping.id,
  fields: Object.fromEntries(Object.entries(mapping.fields).filter(([k]) => keep.includes(k))),
});

const configs: [string, Mapping][] = [
  ["all fields", FEBRL_MAPPING],
  [
    "without aNumber",
    without(FEBRL_MAPPING, [
      "givenName",
      "familyName",
      "birthDate",
      "nationality",
      "addressLine",
      "locality",
      "postalCode",
    ]),
  ],
  ["names+birthDate+state", without(FEBRL_MAPPING, ["givenName", "familyName", "birthDate", "nationality"])],
];

const sets = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["dataset1", "dataset2", "dataset3"];
const clustering = (process.env.CLUSTERING as "average" | "connected" | undefined) ?? "average";
for (const set of sets) {
  for (const [label, mapping] of configs) {
    const records = await readRecords(`test/fixtures/febrl/${set}.csv`, mapping);
    const truth = records.map((r) => febrlEntity(r.id));
    const data = prepare(records);
    const cands = candidatePairs(data, blockingRulesFor(data));
    let found = 0;
    for (let p = 0; p < cands.count; p++) if (truth[cands.a[p]] === truth[cands.b[p]]) found++;
    const all = pairMetrics(truth, truth).truePairs;
    const t0 = performance.now();
    const result = linkRecords(records, { clustering });
    const ms = performance.now() - t0;
    const metrics = pairMetrics(truth, result.clusterOf);
    const r = result.model.report;
    console.log(
      `${set} ${label.padEnd(22)} P=${metrics.precision.toFixed(4)} R=${metrics.recall.toFixed(4)} F1=${metrics.f1.toFixed(4)}` +
        ` | blocking recall ${(found / all).toFixed(4)} pairs/rec ${(cands.count / records.length).toFixed(2)}` +
        ` | lambda=${result.model.lambda.toExponential(2)} det=${r.deterministicPairs} r=${r.deterministicRecall.toFixed(3)} E=${r.expectedMatches.toFixed(0)} ${ms.toFixed(0)}ms ${JSON.stringify(result.timings)}`,
    );
    if (process.env.VERBOSE) {
      result.model.comparisons.forEach((c, i) => {
        console.log(
          "  ",
          c.name.padEnd(12),
          c.levels
            .map((l, j) => `${l}:${result.model.bits[i][j].toFixed(1)}(m=${result.model.m[i][j].toFixed(3)})`)
            .join(" "),
        );
      });
      console.log(r.perRule);
    }
  }
}
