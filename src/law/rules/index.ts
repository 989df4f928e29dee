/** Every rule of docs/law/RULES.md, by family. */
import type { Rule } from "../types.js";
import { arrRules } from "./arr.js";
import { citRules } from "./cit.js";
import { confRules } from "./conf.js";
import { detRules } from "./det.js";
import { dpRules } from "./dp.js";
import { exeRules } from "./exe.js";
import { finRules } from "./fin.js";
import { locRules } from "./loc.js";
import { minRules } from "./min.js";
import { ntaRules } from "./nta.js";
import { protRules } from "./prot.js";
import { statRules } from "./stat.js";
import { stayRules } from "./stay.js";
import { timeRules } from "./time.js";
import { vdRules } from "./vd.js";

export const allRules: readonly Rule[] = [
  ...finRules,
  ...stayRules,
  ...protRules,
  ...citRules,
  ...ntaRules,
  ...vdRules,
  ...detRules,
  ...minRules,
  ...confRules,
  ...locRules,
  ...statRules,
  ...arrRules,
  ...exeRules,
  ...timeRules,
  ...dpRules,
];
