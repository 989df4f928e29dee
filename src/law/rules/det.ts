/** DET-* rules of docs/law/RULES.md (detention). The rules live in ./det/ by topic. */
import type { Rule } from "../types.js";
import { det01, det02, det03 } from "./det/authority.js";
import { det07 } from "./det/bond-stay.js";
import { det04, det05, det06 } from "./det/post-order.js";
import { det08 } from "./det/vulnerable.js";

export const detRules: Rule[] = [det01, det02, det03, det04, det05, det06, det07, det08];
