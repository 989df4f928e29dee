/** ARR-* rules of docs/law/RULES.md (arrest, warrants, detainers). The rules live in ./arr/ by topic. */
import type { Rule } from "../types.js";
import { arr02, arr03, arr05 } from "./arr/arrest.js";
import { arr04 } from "./arr/detainer.js";
import { arr01, arr06 } from "./arr/warrants.js";

export const arrRules: Rule[] = [arr01, arr02, arr03, arr04, arr05, arr06];
