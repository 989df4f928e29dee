import { evaluate } from "../src/law/engine.js";
const events: any[] = [
  { on: "2026-01-05", type: "encounter", location: "jail" },
  { on: "2026-01-06", type: "nta.served", hearing: { date: "2026-03-02", time: "09:00", place: "Houston" }, servedTo: "person", method: "personal" },
  { on: "2026-10-20", type: "order.issued", by: "IJ", kind: "removal", delivery: "oral", countries: ["MX"] },
];
console.log(evaluate({ person: { citizenship: ["MX"] } as any, events }, { type: "none", on: "2026-11-27" }, {}, "2026-11-27").deadlines);
const ev2: any[] = [
  { on: "2026-10-01", type: "arrest", basis: "i200", location: "residence" },
  { on: "2026-10-01", type: "custody.booked", facility: { code: "HOU-CDF", kind: "adult" }, authority: "236a" },
];
console.log(evaluate({ person: { citizenship: ["MX"] } as any, events: ev2 }, { type: "none", on: "2026-11-27" }, {}, "2026-11-27").deadlines);
