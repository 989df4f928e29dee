import { linkRecords } from "../src/linkage/link.js";
import { explain, probability } from "../src/linkage/score.js";
import { generateRecords } from "./linkage-data.js";
const records = generateRecords(30000);
const result = linkRecords(records);
const m = result.model;
m.comparisons.forEach((c, i) => console.log(c.name.padEnd(12), c.levels.map((l, j) => `${l}:${m.bits[i][j].toFixed(1)}(m=${m.m[i][j].toFixed(3)})`).join(" ")));
console.log(JSON.stringify(m.report), m.priorBits);
let shown = 0;
for (const e of result.links) {
  if (records[e.a].entity !== records[e.b].entity && shown++ < 8) {
    console.log(e.weight.toFixed(1), JSON.stringify(records[e.a].fields), "\n   ", JSON.stringify(records[e.b].fields));
    console.log("   ", explain(m, result.data, e.a, e.b).map((c) => `${c.comparison}:${c.level}:${c.bits.toFixed(1)}`).join(" "));
  }
}
