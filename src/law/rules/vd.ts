/** VD-* rules of docs/law/RULES.md. */
import type { Rule } from "../types.js";

export const vdRules: Rule[] = [];
