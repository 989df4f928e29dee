/** MIN-* rules of docs/law/RULES.md (minors: Flores, TVPRA, family unity). The rules live in ./min/ by topic. */
import type { Rule } from "../types.js";
import { min08 } from "./min/family.js";
import { min01, min02, min03 } from "./min/flores.js";
import { min04, min05, min06, min07 } from "./min/uac.js";

export const minRules: Rule[] = [min01, min02, min03, min04, min05, min06, min07, min08];
