/**
 * The population board: each facility's occupancy against its capacity, by
 * sex and security level, now (from the cases' projections) and over time
 * (from custody events), and the people behind each number for those whose
 * offices hold them.
 *
 * Counts are not personal data and anyone who may read reference data sees
 * them; names need `case.read` and an office in the reader's scope: people held
 * for other offices are counted as "held for other offices", never listed.
 */
import { z } from "zod";
import { AppError } from "../../domain/errors.js";
import { isoDate } from "../../domain/events.js";
import { custodyEvents, detainees, occupancyCounts } from "../../store/repositories/detention.js";
import { type FacilityRow, getFacility, listFacilities } from "../../store/repositories/reference.js";
import { type Actor, authorize, can, officeScope } from "../access.js";
import { type AppContext, today } from "../context.js";
import { placementFacts } from "./placement-facts.js";
import { dailyPopulation, groupByCase } from "./population.js";

export const boardQuery = z.object({
  office: z.string().min(1).optional(),
  asOf: isoDate.optional(),
  days: z.coerce.number().int().min(2).max(366).default(30),
});
export type BoardQuery = z.input<typeof boardQuery>;

type BySex = { male: number; female: number; unknown: number };
const zero = (): BySex => ({ male: 0, female: 0, unknown: 0 });
const sexKey = (s: string | null): keyof BySex => (s === "M" ? "male" : s === "F" ? "female" : "unknown");

export interface FacilityOccupancy {
  code: string;
  name: string;
  officeCode: string;
  city: string;
  state: string;
  kinds: string[];
  levels: number[];
  medical: number;
  capacity: { male: number; female: number; total: number };
  held: BySex & { total: number };
  /** Held by recorded security level; "unrecorded" when no level is on file. */
  byLevel: Record<string, BySex>;
}

export interface Board {
  asOf: string;
  office: string | null;
  facilities: FacilityOccupancy[];
  totals: { capacity: number; held: number; male: number; female: number; unknown: number };
  history: { days: string[]; total: number[]; capacity: number; byFacility: Record<string, number[]> };
}

function facilityList(all: FacilityRow[], office: string | undefined) {
  return office ? all.filter((f) => f.officeCode === office) : all;
}

export async function populationBoard(ctx: AppContext, actor: Actor, raw: BoardQuery): Promise<Board> {
  const q = boardQuery.parse(raw);
  authorize(actor, "reference.read");
  const db = ctx.database.db;
  const asOf = q.asOf ?? today(ctx);
  const [all, counts, events] = await Promise.all([
    listFacilities(db),
    occupancyCounts(db),
    custodyEvents(db),
  ]);
  const facilities = facilityList(all, q.office);
  if (q.office && !all.some((f) => f.officeCode === q.office))
    throw new AppError("not_found", `no facilities for office ${q.office}`, "office");
  const byCode = new Map<string, FacilityOccupancy>();
  for (const f of facilities) {
    byCode.set(f.code, {
      code: f.code,
      name: f.name,
      officeCode: f.officeCode,
      city: f.city,
      state: f.state,
      kinds: f.kinds,
      levels: f.levels,
      medical: f.medical,
      capacity: { male: f.bedsMale, female: f.bedsFemale, total: f.bedsMale + f.bedsFemale },
      held: { ...zero(), total: 0 },
      byLevel: {},
    });
  }
  for (const c of counts) {
    const f = c.facilityCode ? byCode.get(c.facilityCode) : undefined;
    if (!f) continue;
    const key = sexKey(c.sex);
    f.held[key] += c.people;
    f.held.total += c.people;
    const level = c.level ?? "unrecorded";
    f.byLevel[level] ??= zero();
    f.byLevel[level][key] += c.people;
  }
  const series = dailyPopulation(groupByCase(events), asOf, q.days);
  const history: Board["history"] = {
    days: series.days,
    total: series.days.map(() => 0),
    capacity: 0,
    byFacility: {},
  };
  for (const f of byCode.values()) {
    const s = series.byFacility.get(f.code) ?? series.days.map(() => 0);
    history.byFacility[f.code] = s;
    s.forEach((n, i) => {
      history.total[i] += n;
    });
    history.capacity += f.capacity.total;
  }
  const list = [...byCode.values()];
  return {
    asOf,
    office: q.office ?? null,
    facilities: list,
    totals: {
      capacity: history.capacity,
      held: list.reduce((n, f) => n + f.held.total, 0),
      male: list.reduce((n, f) => n + f.held.male, 0),
      female: list.reduce((n, f) => n + f.held.female, 0),
      unknown: list.reduce((n, f) => n + f.held.unknown, 0),
    },
    history,
  };
}

export interface HeldPerson {
  caseId: string;
  caseNumber: string;
  officeCode: string;
  name: string;
  sex: "male" | "female" | "unknown";
  level: number;
  medicalNeed: number;
  kind: string;
  assumed: string[];
  detainedSince: string | null;
}

/** The people held at a facility whom the reader may see, and how many others there are. */
export async function facilityPeople(ctx: AppContext, actor: Actor, code: string) {
  authorize(actor, "case.read");
  const db = ctx.database.db;
  const facility = await getFacility(db, code);
  if (!facility) throw new AppError("not_found", `facility ${code} not found`, "code");
  const rows = await detainees(db, { facilities: [code] });
  const scope = officeScope(actor);
  const visible = rows.filter((r) => can(actor, "case.read") && (!scope || scope.includes(r.officeCode)));
  const seen = new Set<string>();
  const people: HeldPerson[] = [];
  for (const r of visible) {
    if (seen.has(r.personId)) continue;
    seen.add(r.personId);
    const facts = placementFacts(r, facility.kinds);
    people.push({
      caseId: r.caseId,
      caseNumber: r.number,
      officeCode: r.officeCode,
      name: `${r.familyName}, ${r.givenName}`,
      sex: facts.sex ?? "unknown",
      level: facts.level,
      medicalNeed: facts.medicalNeed,
      kind: facts.kind,
      assumed: facts.assumed,
      detainedSince: (r.state as { detainedSince?: string | null }).detainedSince ?? null,
    });
  }
  const everyone = new Set(rows.map((r) => r.personId)).size;
  return { facility: { code, name: facility.name }, people, heldForOtherOffices: everyone - people.length };
}
