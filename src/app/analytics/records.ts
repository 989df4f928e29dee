/**
 * The records behind every dashboard figure, grouped by the figure's key. A
 * figure's value is the number of its records, and a drill-down returns those
 * same records, so a total always equals the sum of what it drills into.
 *
 * Keys: stage|OFFICE|STAGE, pop|FACILITY, popday|FACILITY|DATE (FACILITY "*" =
 * all), stagetime|STAGE, deadline|KIND|URGENCY, outcome|RULE|KIND,
 * placement|BUCKET|KIND. FACILITY "unknown" = booked without a facility code.
 */

import { addDays, daysBetween } from "../../law/calendar/calendar.js";
import { haversineKm } from "../../placement/geo.js";
import { dueItems } from "../deadlines/classify.js";
import { stayCovers } from "./facts.js";
import type { CaseFacts, Snapshot } from "./snapshot.js";

export type Detail = Record<string, string | number | null>;
export interface RecordRef {
  caseId: string;
  detail: Detail;
}
export type Groups = Map<string, RecordRef[]>;

export interface FigureParams {
  /** Offices whose cases count (the user's scope, narrowed by the office filter); null = all. */
  offices: string[] | null;
  from: string;
  to: string;
  asOf: string;
  withinDays: number;
  overdueDays: number;
}

export const families = ["stage", "pop", "popday", "stagetime", "deadline", "outcome", "placement"] as const;
export type Family = (typeof families)[number];

export const distanceBuckets = [
  "under 50 km",
  "50–100 km",
  "100–250 km",
  "250–500 km",
  "500–1000 km",
  "1000 km or more",
  "no counsel of record",
  "facility unknown",
] as const;

export function bucketOf(km: number): (typeof distanceBuckets)[number] {
  if (km < 50) return "under 50 km";
  if (km < 100) return "50–100 km";
  if (km < 250) return "100–250 km";
  if (km < 500) return "250–500 km";
  if (km < 1000) return "500–1000 km";
  return "1000 km or more";
}

export function scopedCases(s: Snapshot, p: FigureParams): CaseFacts[] {
  if (!p.offices) return s.cases;
  const allowed = new Set(p.offices);
  return s.cases.filter((c) => allowed.has(c.officeCode));
}

function push(groups: Groups, key: string, ref: RecordRef) {
  const list = groups.get(key);
  if (list) list.push(ref);
  else groups.set(key, [ref]);
}

const facilityKey = (code: string | null) => code ?? "unknown";

/** Records of one family; `only` narrows the per-day family to one facility (or "*") to keep it small. */
export function groupsOf(family: Family, s: Snapshot, p: FigureParams, only?: string): Groups {
  const groups: Groups = new Map();
  const inPeriod = (on: string) => on >= p.from && on <= p.to;
  for (const c of scopedCases(s, p)) {
    switch (family) {
      case "stage":
        push(groups, `stage|${c.officeCode}|${c.stage}`, { caseId: c.id, detail: {} });
        break;
      case "pop":
        for (const st of c.stays)
          if (stayCovers(st, p.to))
            push(groups, `pop|${facilityKey(st.facilityCode)}`, {
              caseId: c.id,
              detail: { facility: st.facilityCode, since: st.from },
            });
        break;
      case "popday":
        for (const st of c.stays) {
          const fac = facilityKey(st.facilityCode);
          if (only && only !== "*" && only !== fac) continue;
          if (st.from > p.to || (st.to !== null && st.to <= p.from)) continue;
          // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
          const start = st.from > p.from ? st.from : p.from;
          const end = st.to === null || st.to > p.to ? p.to : st.to;
          for (let d = start, i = 0; d <= end && i < 4000; i++) {
            if (stayCovers(st, d))
              push(groups, `popday|${only ?? fac}|${d}`, {
                caseId: c.id,
                detail: { date: d, facility: st.facilityCode, since: st.from },
              });
            d = addDays(d, 1);
          }
        }
        break;
      case "stagetime":
        for (const sp of c.spans)
          if (sp.to !== null && inPeriod(sp.to))
            push(groups, `stagetime|${sp.stage}`, {
              caseId: c.id,
              detail: { entered: sp.from, left: sp.to, days: daysBetween(sp.from, sp.to) },
            });
        break;
      case "deadline":
        for (const d of dueItems(c.deadlines, {
          asOf: p.asOf,
          withinDays: p.withinDays,
          overdueDays: p.overdueDays,
        }))
          push(groups, `deadline|${d.kind}|${d.urgency}`, {
            caseId: c.id,
            detail: { deadline: d.kind, due: d.due, rule: d.rule, daysLeft: d.daysLeft },
          });
        break;
      case "outcome":
        for (const o of c.outcomes) {
          if (!inPeriod(o.on)) continue;
          for (const rule of o.rules.length ? o.rules : ["(no rule recorded)"])
            push(groups, `outcome|${rule}|${o.kind}`, {
              caseId: c.id,
              detail: { date: o.on, seq: o.seq, outcome: o.kind, rule, action: o.action || null },
            });
        }
        break;
      case "placement":
        for (const pl of c.placements) {
          if (!inPeriod(pl.on)) continue;
          const fac = pl.facilityCode ? s.facilities.get(pl.facilityCode) : undefined;
          const cou = c.counselId ? s.counsel.get(c.counselId) : undefined;
          const km = fac && cou ? Math.round(haversineKm(fac.lat, fac.lon, cou.lat, cou.lon)) : null;
          const bucket = !fac ? "facility unknown" : km === null ? "no counsel of record" : bucketOf(km);
          push(groups, `placement|${bucket}|${pl.kind}`, {
            caseId: c.id,
            detail: {
              date: pl.on,
              seq: pl.seq,
              placement: pl.kind,
              facility: pl.facilityCode,
              fromFacility: pl.fromFacilityCode,
              counselCity: cou ? `${cou.city}, ${cou.state}` : null,
              distanceKm: km,
            },
          });
        }
        break;
    }
  }
  return groups;
}

export function familyOf(key: string): Family | null {
  const f = key.split("|")[0];
  return (families as readonly string[]).includes(f) ? (f as Family) : null;
}
