import { candidatePairs, blockingRulesFor } from "../src/linkage/blocking.js";
import { prepare } from "../src/linkage/dataset.js";
import { febrlEntity } from "../src/linkage/evaluate.js";
import { readRecords, type Mapping } from "../src/linkage/mapping.js";
const M: Mapping = { id: "rec_id", fields: { givenName: "given_name", familyName: "surname", birthDate: "date_of_birth", nationality: "state", addressLine: ["street_number", "address_1", "address_2"], locality: "suburb", postalCode: "postcode" } };
const records = await readRecords("test/fixtures/febrl/dataset3.csv", M);
const data = prepare(records);
const c = candidatePairs(data, blockingRulesFor(data));
const found = new Set<string>();
for (let p = 0; p < c.count; p++) found.add(`${c.a[p]},${c.b[p]}`);
const byE = new Map<string, number[]>();
records.forEach((r, i) => { const e = febrlEntity(r.id); byE.set(e, [...(byE.get(e) ?? []), i]); });
let shown = 0;
for (const idx of byE.values()) for (let i = 0; i < idx.length; i++) for (let j = i + 1; j < idx.length; j++) {
  if (!found.has(`${idx[i]},${idx[j]}`) && shown++ < 25) { const f = (k: number) => JSON.stringify(records[k].fields); console.log(f(idx[i]), "\n   ", f(idx[j])); }
}
console.log(c.perRule);
