/**
 * The dashboard's working set: every case with the facts derived from its
 * history and its deadlines from the law engine (`evaluate` with the action
 * `none`), computed in one sweep and kept until the data changes (a cheap
 * fingerprint query per request), so a dashboard request costs a lookup, not
 * thousands of law evaluations. Scope and filters are applied afterwards, per
 * request, by dashboard.ts.
 */
import type { StoredEvent } from "../../domain/case-state.js";
import type { CaseEvent } from "../../domain/events.js";
import { evaluate } from "../../law/engine.js";
import type { Deadline, PolicySetting } from "../../law/types.js";
import {
  counselPlaces,
  dataFingerprint,
  type FacilityInfo,
  facilitiesWithCapacity,
  loadCaseBatch,
  reviewRules,
} from "../../store/repositories/analytics.js";
import { listCourts, listOffices } from "../../store/repositories/reference.js";
import { getSetting } from "../../store/repositories/settings.js";
import type { AppContext } from "../context.js";
import { lawInputsFrom } from "../law-inputs.js";
import { type HistoryFacts, historyFacts } from "./facts.js";

export interface CaseFacts extends HistoryFacts {
  id: string;
  number: string;
  officeCode: string;
  personId: string;
  counselId: string | null;
  stage: string;
  deadlines: Deadline[];
}

export interface Snapshot {
  asOf: string;
  fingerprint: string;
  cases: CaseFacts[];
  facilities: Map<string, FacilityInfo>;
  counsel: Map<string, { city: string; state: string; lat: number; lon: number }>;
  offices: { code: string; name: string }[];
  builtInSeconds: number;
}

const BATCH = 500;
const cache = new WeakMap<AppContext, { key: string; snapshot: Promise<Snapshot> }>();

export async function loadSnapshot(ctx: AppContext, asOf: string): Promise<Snapshot> {
  const fingerprint = await dataFingerprint(ctx.database.db);
  const key = `${asOf}|${fingerprint}`;
  const hit = cache.get(ctx);
  if (hit?.key === key) return hit.snapshot;
  const snapshot = buildSnapshot(ctx, asOf, fingerprint);
  cache.set(ctx, { key, snapshot });
  snapshot.catch(() => {
    if (cache.get(ctx)?.snapshot === snapshot) cache.delete(ctx);
  });
  return snapshot;
}

async function buildSnapshot(ctx: AppContext, asOf: string, fingerprint: string): Promise<Snapshot> {
  const started = performance.now();
  const db = ctx.database.db;
  const [courtRows, officeRows, closures, policy, facilityRows, counselRows, rulesOfReview] =
    await Promise.all([
      listCourts(db),
      listOffices(db),
      getSetting<string[]>(db, "law", "closures"),
      getSetting<Record<string, PolicySetting>>(db, "law", "policy"),
      facilitiesWithCapacity(db),
      counselPlaces(db),
      reviewRules(db),
    ]);
  const courts = new Map(courtRows.map((c) => [c.code, c]));
  const officeByCode = new Map(officeRows.map((o) => [o.code, o]));
  const out: CaseFacts[] = [];
  let after: string | null = null;
  for (;;) {
    const batch = await loadCaseBatch(db, null, after, BATCH);
    if (!batch.cases.length) break;
    after = batch.cases[batch.cases.length - 1].id;
    for (const row of batch.cases) {
      const stored: StoredEvent[] = (batch.events.get(row.id) ?? []).map((e) => ({
        seq: e.seq,
        event: e.body as CaseEvent,
      }));
      const person = batch.persons.get(row.personId);
      const { history, config } = lawInputsFrom({
        person,
        stored,
        court: row.courtCode ? courts.get(row.courtCode) : undefined,
        office: officeByCode.get(row.officeCode),
        closures,
        policy,
      });
      const facts = historyFacts(stored);
      for (const o of facts.outcomes)
        if (o.reviewId && !o.rules.length) o.rules = rulesOfReview.get(o.reviewId) ?? [];
      out.push({
        id: row.id,
        number: row.number,
        officeCode: row.officeCode,
        personId: row.personId,
        counselId: person?.counselId ?? null,
        stage: row.stage,
        deadlines: evaluate(history, { type: "none", on: asOf }, config, asOf).deadlines,
        ...facts,
      });
    }
  }
  return {
    asOf,
    fingerprint,
    cases: out,
    facilities: new Map(facilityRows.map((f) => [f.code, f])),
    counsel: new Map(counselRows.map((c) => [c.id, c])),
    offices: officeRows.map((o) => ({ code: o.code, name: o.name })),
    builtInSeconds: (performance.now() - started) / 1000,
  };
}
