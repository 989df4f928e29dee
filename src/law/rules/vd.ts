/** VD-* rules of docs/law/RULES.md (section F: voluntary departure). */
import type { Rule } from "../types.js";
import { vd04, vd05, vd06 } from "./vd/consequences.js";
import { vd01, vd02, vd03 } from "./vd/grant.js";

export const vdRules: Rule[] = [vd01, vd02, vd03, vd04, vd05, vd06];
