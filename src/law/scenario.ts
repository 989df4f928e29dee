/**
 * Scenario files (docs/scenarios.md): a person, a dated history, one action,
 * and optionally the verdict the law requires. Parsing names the field at
 * fault; matching says exactly what differed.
 */
import { z } from "zod";
import { caseEventSchema, clockTime, isoDate } from "../domain/events.js";
import { personFactsSchema } from "../domain/person-facts.js";
import type { Action, LawConfig, Verdict } from "./types.js";

const outcome = z.enum(["BLOCK", "REVIEW", "WARN", "ALLOW"]);

export const lawConfigSchema = z.looseObject({
  circuit: z.string().optional(),
  tz: z.string().optional(),
  classes: z.array(z.string()).optional(),
  closures: z.array(isoDate).optional(),
  policy: z.record(z.string(), z.any()).optional(),
});

export const actionSchema = z.looseObject({
  type: z.string().min(1),
  on: isoDate,
  at: clockTime.optional(),
  tz: z.string().optional(),
});

export const scenarioSchema = z.object({
  id: z.string().min(1),
  title: z.string().optional(),
  config: lawConfigSchema.optional(),
  person: personFactsSchema.optional(),
  events: z.array(caseEventSchema),
  action: actionSchema,
  expect: z
    .object({
      outcome: z.union([outcome, z.array(outcome).min(1)]).optional(),
      rules: z.array(z.string()).optional(),
      deadlines: z.array(z.object({ kind: z.string(), due: z.string() })).optional(),
    })
    .optional(),
  note: z.string().optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export class ScenarioFormatError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
  }
}

export function parseScenario(raw: unknown, file: string): Scenario {
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScenarioFormatError(file, issue.path.join(".") || "(root)", issue.message);
  }
  const events = parsed.data.events;
  for (let i = 1; i < events.length; i++) {
    if (events[i].on < events[i - 1].on) {
      throw new ScenarioFormatError(
        file,
        `events.${i}.on`,
        `out of order: ${events[i].on} before ${events[i - 1].on}`,
      );
    }
  }
  return parsed.data;
}

export function scenarioAction(s: Scenario): Action {
  return s.action as Action;
}

export function scenarioConfig(s: Scenario): LawConfig {
  return (s.config ?? {}) as LawConfig;
}

/** The differences between a verdict and a scenario's `expect`; empty means PASS. */
export function compareVerdict(verdict: Verdict, expect: NonNullable<Scenario["expect"]>): string[] {
  const diffs: string[] = [];
  const wanted =
    expect.outcome === undefined ? [] : Array.isArray(expect.outcome) ? expect.outcome : [expect.outcome];
  if (wanted.length && !wanted.includes(verdict.outcome)) {
    diffs.push(`outcome ${verdict.outcome}, expected ${wanted.join(" or ")}`);
  }
  const rules = expect.rules ?? [];
  for (const rule of rules) {
    if (!verdict.findings.some((f) => f.rule === rule)) diffs.push(`rule ${rule} not cited`);
  }
  const strict =
    wanted.length === 1 && (wanted[0] === "BLOCK" || wanted[0] === "REVIEW") ? wanted[0] : undefined;
  if (
    strict &&
    rules.length &&
    !verdict.findings.some((f) => rules.includes(f.rule) && f.outcome === strict)
  ) {
    diffs.push(`none of ${rules.join(", ")} found ${strict}`);
  }
  for (const d of expect.deadlines ?? []) {
    if (!verdict.deadlines.some((v) => v.kind === d.kind && v.due === d.due)) {
      const got = verdict.deadlines.filter((v) => v.kind === d.kind).map((v) => v.due);
      diffs.push(`deadline ${d.kind} ${d.due} not computed${got.length ? ` (got ${got.join(", ")})` : ""}`);
    }
  }
  return diffs;
}
