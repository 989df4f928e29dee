import { comparisonsFor } from "/work/main/src/linkage/comparisons.js";
import { prepare } from "/work/main/src/linkage/dataset.js";
import { readRecords } from "/work/main/src/linkage/mapping.js";
import { seededRandom } from "/work/main/src/linkage/model.js";
import { FEBRL_MAPPING } from "/work/main/bench/linkage-febrl.js";
const records = await readRecords("/work/main/test/fixtures/febrl/dataset3.csv", FEBRL_MAPPING);
const data = prepare(records);
const comps = comparisonsFor(data);
for (const c of comps) {
  const rnd = seededRandom(1);
  const t = performance.now();
  let s = 0;
  for (let i = 0; i < 200000; i++) { const x = Math.floor(rnd()*data.n); const y = Math.floor(rnd()*data.n); s += c.compare(data, x, y); }
  console.log(c.name, ((performance.now() - t) / 200).toFixed(3), "us/pair", s);
}
