/** NTA-* rules of docs/law/RULES.md (section E: Notice to Appear and notices). */
import type { Rule } from "../types.js";
import { nta06, nta07, nta08 } from "./nta/advisals.js";
import { nta01, nta02 } from "./nta/contents.js";
import { nta03, nta04, nta05 } from "./nta/service.js";

export const ntaRules: Rule[] = [nta01, nta02, nta03, nta04, nta05, nta06, nta07, nta08];
