/**
 * `immos check`: walks every case the user may list, in batches, and reports
 * stuck cases, stored projections that disagree with their history, overdue
 * deadlines nobody acted on, and a person detained in two facilities at once.
 */
import { z } from "zod";
import { projectCase, type StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import { isoDate } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import type { PolicySetting } from "../../law/types.js";
import { doneTaskKeys, loadCaseBatch } from "../../store/repositories/analytics.js";
import { listCourts, listOffices } from "../../store/repositories/reference.js";
import { getSetting } from "../../store/repositories/settings.js";
import { type Actor, authorize, officeScope } from "../access.js";
import { historyFacts } from "../analytics/facts.js";
import { type AppContext, today } from "../context.js";
import { lawInputsFrom } from "../law-inputs.js";
import {
  type CheckKind,
  checkDeadlines,
  checkKinds,
  checkProjection,
  checkStuck,
  checkTwoFacilities,
  type Finding,
  type PersonStay,
} from "./findings.js";

export const checkInput = z.object({
  only: z
    .union([z.array(z.enum(checkKinds)), z.string().transform((s) => s.split(",").map((x) => x.trim()))])
    .pipe(z.array(z.enum(checkKinds)))
    .optional(),
  office: z.string().min(1).optional(),
  asOf: isoDate.optional(),
  /** Override every stage's stuck threshold with this many days. */
  stuckDays: z.coerce.number().int().min(1).max(3650).optional(),
  overdueDays: z.coerce.number().int().min(0).max(3660).default(30),
});
export type CheckInput = z.input<typeof checkInput>;

export interface CheckReport {
  asOf: string;
  cases: number;
  checks: CheckKind[];
  counts: Record<CheckKind, number>;
  findings: Finding[];
  seconds: number;
}

const BATCH = 500;

export async function runChecks(ctx: AppContext, actor: Actor, raw: CheckInput): Promise<CheckReport> {
  const started = performance.now();
  const input = checkInput.parse(raw);
  authorize(actor, "case.read", input.office ? { officeCode: input.office } : undefined);
  const offices = input.office ? [input.office] : officeScope(actor);
  const asOf = input.asOf ?? today(ctx);
  const run = new Set<CheckKind>(input.only?.length ? input.only : checkKinds);
  const db = ctx.database.db;
  const [courtRows, officeRows, closures, policy] = await Promise.all([
    listCourts(db),
    listOffices(db),
    getSetting<string[]>(db, "law", "closures"),
    getSetting<Record<string, PolicySetting>>(db, "law", "policy"),
  ]);
  const courts = new Map(courtRows.map((c) => [c.code, c]));
  const officeByCode = new Map(officeRows.map((o) => [o.code, o]));
  const findings: Finding[] = [];
  const staysByPerson = new Map<string, PersonStay[]>();
  let cases = 0;
  let after: string | null = null;
  for (;;) {
    const batch = await loadCaseBatch(db, offices, after, BATCH);
    if (!batch.cases.length) break;
    after = batch.cases[batch.cases.length - 1].id;
    const done = run.has("deadline")
      ? await doneTaskKeys(
          db,
          batch.cases.map((c) => c.id),
        )
      : new Map();
    for (const row of batch.cases) {
      cases++;
      const ref = { id: row.id, number: row.number, officeCode: row.officeCode };
      const stored: StoredEvent[] = (batch.events.get(row.id) ?? []).map((e) => ({
        seq: e.seq,
        event: e.body as CaseEvent,
      }));
      if (run.has("projection")) {
        const f = checkProjection(ref, row, stored);
        if (f) findings.push(f);
      }
      if (run.has("stuck")) {
        const f = checkStuck(ref, projectCase(stored), asOf, input.stuckDays);
        if (f) findings.push(f);
      }
      if (run.has("deadline")) {
        const { history, config } = lawInputsFrom({
          person: batch.persons.get(row.personId),
          stored,
          court: row.courtCode ? courts.get(row.courtCode) : undefined,
          office: officeByCode.get(row.officeCode),
          closures,
          policy,
        });
        const { deadlines } = evaluate(history, { type: "none", on: asOf }, config, asOf);
        findings.push(
          ...checkDeadlines(ref, deadlines, stored, done.get(row.id) ?? new Set(), asOf, input.overdueDays),
        );
      }
      if (run.has("two-facilities")) {
        const stays = historyFacts(stored).stays.map((s) => ({ ...s, case: ref }));
        if (stays.length)
          staysByPerson.set(row.personId, [...(staysByPerson.get(row.personId) ?? []), ...stays]);
      }
    }
  }
  if (run.has("two-facilities"))
    for (const stays of staysByPerson.values())
      if (stays.length > 1) findings.push(...checkTwoFacilities(stays, asOf));
  const counts = Object.fromEntries(
    checkKinds.map((k) => [k, findings.filter((f) => f.check === k).length]),
  ) as Record<CheckKind, number>;
  findings.sort((a, b) => a.check.localeCompare(b.check) || a.caseNumber.localeCompare(b.caseNumber));
  return {
    asOf,
    cases,
    checks: checkKinds.filter((k) => run.has(k)),
    counts,
    findings,
    seconds: (performance.now() - started) / 1000,
  };
}
