/** TIME-* rules of docs/law/RULES.md (section N: time computation); the calendar itself is src/law/calendar/. */
import type { Rule } from "../types.js";
import { time04, time05, time06, time07 } from "./time/clock.js";
import { time01, time02, time03, time08 } from "./time/filing.js";

export const timeRules: Rule[] = [time01, time02, time03, time04, time05, time06, time07, time08];
