/**
 * Linking an import's new source records to persons (docs/import.md, "Linking"). The model is
 * trained, unsupervised, over every existing person (each of its linked source records, or the
 * person row itself when it has none) plus the new records, blocked with the library's rules and
 * clustered by average linkage at the upper threshold. Then, per cluster holding new records:
 * one existing person in it -> the new records link to that person; several -> to the one with
 * the strongest pair, and the others meet it in the review queue; none -> one new person.
 * Every candidate pair of a new record that ends up across two persons with a probability at or
 * above the lower threshold becomes a review (one per pair of persons, ever: a rejected pair is
 * not asked again). At most `reviewCap` of an import's reviews join the pending queue, the
 * strongest; the others are stored as "deferred". The decision is written in batches of clusters
 * (`LINK_BATCH` new records each), one transaction per batch: killed mid-way, the next run
 * plans again over the records still unlinked, the persons already created being existing ones.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { AppError } from "../../domain/errors.js";
import { type NameVariant, searchNames } from "../../domain/names.js";
import { linkRecordsParallel } from "../../linkage/link.js";
import { explain, probability, weightOf, weightOfLevels } from "../../linkage/score.js";
import type { PersonRecord } from "../../linkage/types.js";
import type { Tx } from "../../store/db.js";
import {
  activePersons,
  getImport,
  insertLinkReviews,
  insertPersons,
  linkedSourceRecords,
  linkSourceRecords,
  pendingSourceRecords,
  reviewCountsOf,
  takenANumbers,
  unlinkedSourceRecordIds,
  updateImport,
} from "../../store/repositories/integration.js";
import type { persons } from "../../store/schema.js";
import { type Actor, authorize } from "../access.js";
import { type AppContext, writeWithAudit } from "../context.js";
import { importStatus, linkThresholds } from "./import-file.js";
import { displayRecord, importedRecord, personRecord } from "./linkage-records.js";
import type { ImportedPerson } from "./rows.js";

export const pairKey = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);

interface Universe {
  records: PersonRecord[];
  /** Person id of each existing record; null for a new record. */
  owner: (string | null)[];
  /** Source record id of each record (null for a person row). */
  sourceRecordId: (string | null)[];
  imported: (ImportedPerson | null)[];
  labels: string[];
  createdAt: Map<string, number>;
}

async function loadUniverse(tx: Tx, importId: string): Promise<Universe> {
  const people = await activePersons(tx);
  const linked = await linkedSourceRecords(tx);
  const pending = await pendingSourceRecords(tx, importId);
  const u: Universe = {
    records: [],
    owner: [],
    sourceRecordId: [],
    imported: [],
    labels: [],
    createdAt: new Map(),
  };
  const withRecords = new Set(linked.map((r) => r.personId));
  for (const p of people) {
    u.createdAt.set(p.id, p.createdAt.getTime());
    if (withRecords.has(p.id)) continue;
    u.records.push(personRecord(p.id, p));
    u.owner.push(p.id);
    u.sourceRecordId.push(null);
    u.imported.push(null);
    u.labels.push(`person ${p.id.slice(0, 8)}`);
  }
  const active = new Set(people.map((p) => p.id));
  for (const r of linked) {
    if (!r.personId || !active.has(r.personId)) continue;
    const rec = r.record as ImportedPerson;
    u.records.push(importedRecord(r.id, r.source, rec));
    u.owner.push(r.personId);
    u.sourceRecordId.push(r.id);
    u.imported.push(rec);
    u.labels.push(`${r.source} ${rec.sourceId}`);
  }
  for (const r of pending) {
    const rec = r.record as ImportedPerson;
    u.records.push(importedRecord(r.id, r.source, rec));
    u.owner.push(null);
    u.sourceRecordId.push(r.id);
    u.imported.push(rec);
    u.labels.push(`${r.source} ${rec.sourceId}`);
  }
  return u;
}

type NewPerson = typeof persons.$inferInsert;

/** A person made from the source records of one cluster: the first is the primary name. */
function personFrom(id: string, records: ImportedPerson[], taken: Set<string>, at: Date): NewPerson {
  const [first] = records;
  const names: NameVariant[] = [];
  const seen = new Set<string>([`${first.givenName}|${first.familyName}`.toLowerCase()]);
  for (const r of records)
    for (const n of [{ given: r.givenName, family: r.familyName }, ...r.aliases]) {
      const key = `${n.given}|${n.family}`.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      names.push({ given: n.given, family: n.family, kind: "alias" });
    }
  // The A-number index is unique: a number another person holds stays on the source record only.
  const aNumber = records.map((r) => r.aNumber).find((a) => a && !taken.has(a)) ?? null;
  if (aNumber) taken.add(aNumber);
  const address = records.find((r) => r.address)?.address;
  return {
    id,
    aNumber,
    givenName: first.givenName,
    familyName: first.familyName,
    aliases: names,
    searchNames: searchNames([{ given: first.givenName, family: first.familyName }, ...names]),
    birthDate: records.find((r) => r.birthDate)?.birthDate ?? null,
    sex: records.find((r) => r.sex)?.sex ?? null,
    citizenship: [...new Set(records.flatMap((r) => r.citizenship))],
    languages: [...new Set(records.flatMap((r) => r.languages))],
    facts: address
      ? { address: { line1: address.line, city: address.locality, postalCode: address.postalCode } }
      : {},
    createdAt: at,
  };
}

/** New records per linking transaction. */
export const LINK_BATCH = 5000;

type ReviewRow = Parameters<typeof insertLinkReviews>[1][number];

/** One transaction's worth of the link decision. */
interface LinkBatch {
  /** New persons with the source record ids they are made from. */
  persons: { person: NewPerson; recordIds: string[] }[];
  links: { id: string; personId: string; probability: number | null }[];
  reviews: ReviewRow[];
  linked: number;
}

export async function linkImport(ctx: AppContext, actor: Actor | "system", importId: string) {
  if (actor !== "system") authorize(actor, "data.import");
  const imp = await getImport(ctx.database.db, importId);
  if (!imp) throw new AppError("not_found", "import not found");
  if (imp.status === "done") return importView(ctx, imp);
  if (imp.status !== "linking") throw new AppError("conflict", `the import is ${imp.status}, not linking`);
  const thresholds = linkThresholds.parse(imp.options ?? {});
  const started = performance.now();
  const { batches, summary } = await planLinks(ctx, importId, thresholds);
  for (const [i, batch] of batches.entries())
    await writeBatch(ctx, actor, importId, batch, i, batches.length);
  const done = await writeWithAudit(
    ctx,
    actor,
    { action: "import.link", entity: "import", entityId: importId, detail: summary },
    async (tx) => {
      await updateImport(tx, importId, { status: "done", updatedAt: ctx.now(), finishedAt: ctx.now() });
      return getImport(tx, importId);
    },
  );
  ctx.log?.info({ importId, ...summary, ms: Math.round(performance.now() - started) }, "import linked");
  return importView(ctx, done as NonNullable<typeof done>);
}

/** The import's status with its deferred reviews counted. */
export async function importView(ctx: AppContext, row: Parameters<typeof importStatus>[0]) {
  const counts = await reviewCountsOf(ctx.database.db, row.id);
  return { ...importStatus(row), deferredReviews: counts.deferred ?? 0 };
}

/** Reads everything known, links, and cuts the decision into batches (no writes). */
async function planLinks(
  ctx: AppContext,
  importId: string,
  { upper, lower, reviewCap }: { upper: number; lower: number; reviewCap: number },
) {
  const db = ctx.database.db as Tx;
  const u = await loadUniverse(db, importId);
  const now = ctx.now();
  const n = u.records.length;
  const isNew = (r: number) => u.owner[r] === null;
  const personOf: (string | null)[] = [...u.owner];
  const probabilityOf: (number | null)[] = new Array(n).fill(null);
  const summary = {
    linked: 0,
    createdPersons: 0,
    reviews: 0,
    deferredReviews: 0,
    records: 0,
    candidatePairs: 0,
  };
  if (!u.owner.some((o) => o === null)) return { batches: [] as LinkBatch[], summary };
  const linkage = n >= 2 ? await linkRecordsParallel(u.records, { threshold: upper }) : null;
  // Pairs that involve a new record, with their probabilities (from the levels already computed).
  const pairs: { a: number; b: number; p: number }[] = [];
  if (linkage) {
    const { a, b, count } = linkage.candidates;
    const C = linkage.model.comparisons.length;
    for (let k = 0; k < count; k++) {
      if (!isNew(a[k]) && !isNew(b[k])) continue;
      const weight = weightOfLevels(linkage.model, linkage.data, a[k], linkage.levels, k * C);
      pairs.push({ a: a[k], b: b[k], p: probability(weight) });
    }
  }
  summary.candidatePairs = pairs.length;
  const best = new Map<string, number>(); // "record|person" -> best probability
  for (const { a, b, p } of pairs)
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const owner = u.owner[y];
      if (!isNew(x) || !owner) continue;
      const key = `${x}|${owner}`;
      best.set(key, Math.max(best.get(key) ?? 0, p));
    }
  // Clusters holding new records.
  const clusters = new Map<number, number[]>();
  for (let r = 0; r < n; r++) {
    const c = linkage ? linkage.clusterOf[r] : r + 1;
    const members = clusters.get(c);
    if (members) members.push(r);
    else clusters.set(c, [r]);
  }
  const taken = await takenANumbers(
    db,
    u.imported.flatMap((r, i) => (isNew(i) && r?.aNumber ? [r.aNumber] : [])),
  );
  const batches: LinkBatch[] = [];
  const batchOfPerson = new Map<string, number>(); // new persons only
  let current: LinkBatch = { persons: [], links: [], reviews: [], linked: 0 };
  let inCurrent = 0;
  for (const members of clusters.values()) {
    const fresh = members.filter(isNew);
    if (fresh.length === 0) continue;
    const owners = [...new Set(members.flatMap((m) => (u.owner[m] ? [u.owner[m] as string] : [])))];
    let target: string;
    if (owners.length > 0) {
      const strength = (o: string) => Math.max(...fresh.map((r) => best.get(`${r}|${o}`) ?? 0));
      target = owners.reduce((x, y) => (strength(y) > strength(x) ? y : x));
      for (const r of fresh) probabilityOf[r] = best.get(`${r}|${target}`) ?? null;
      current.linked += fresh.length;
      summary.linked += fresh.length;
    } else {
      target = randomUUID();
      const records = fresh.map((r) => u.imported[r] as ImportedPerson);
      current.persons.push({
        person: personFrom(target, records, taken, now),
        recordIds: fresh.map((r) => u.sourceRecordId[r] as string),
      });
      batchOfPerson.set(target, batches.length);
      summary.createdPersons++;
    }
    for (const r of fresh) {
      personOf[r] = target;
      current.links.push({
        id: u.sourceRecordId[r] as string,
        personId: target,
        probability: probabilityOf[r],
      });
    }
    inCurrent += fresh.length;
    if (inCurrent >= LINK_BATCH) {
      batches.push(current);
      current = { persons: [], links: [], reviews: [], linked: 0 };
      inCurrent = 0;
    }
  }
  if (inCurrent > 0 || batches.length === 0) batches.push(current);
  summary.records = batches.reduce((s, b) => s + b.links.length, 0);
  if (!linkage) return { batches, summary };

  // Reviews: pairs across two persons between the thresholds (or above, when average linkage kept
  // them apart), the strongest pair per pair of persons; the strongest `reviewCap` (less what
  // earlier runs of this import queued) pending, the rest deferred.
  const strongest = new Map<string, { a: number; b: number; p: number }>();
  for (const pair of pairs) {
    const pa = personOf[pair.a] as string;
    const pb = personOf[pair.b] as string;
    if (pa === pb || pair.p < lower) continue;
    const key = pairKey(pa, pb);
    if ((strongest.get(key)?.p ?? -1) < pair.p) strongest.set(key, pair);
  }
  const counts = await reviewCountsOf(db, importId);
  let room = Math.max(0, reviewCap - (counts.pending ?? 0) - (counts.accepted ?? 0) - (counts.rejected ?? 0));
  const ordered = [...strongest].sort((x, y) => y[1].p - x[1].p);
  const { model, data } = linkage;
  for (const [key, { a, b, p }] of ordered) {
    const personA = personOf[a] as string;
    const personB = personOf[b] as string;
    const status = room > 0 ? "pending" : "deferred";
    if (room > 0) room--;
    // Written with the later of the two persons' batches, so both exist by then.
    const batch = Math.max(batchOfPerson.get(personA) ?? 0, batchOfPerson.get(personB) ?? 0);
    batches[batch].reviews.push({
      id: randomUUID(),
      pairKey: key,
      personA,
      personB,
      importId,
      probability: p,
      explanation: {
        priorBits: model.priorBits,
        weight: weightOf(model, data, a, b),
        contributions: explain(model, data, a, b),
      },
      records: [displayRecord(u.labels[a], u.records[a]), displayRecord(u.labels[b], u.records[b])],
      status,
      createdAt: now,
    });
    if (status === "pending") summary.reviews++;
    else summary.deferredReviews++;
  }
  return { batches, summary };
}

/**
 * One batch in one transaction. Persons are created only for clusters whose records are all
 * still unlinked: a second process that planned the same records at the same time adds nothing.
 */
async function writeBatch(
  ctx: AppContext,
  actor: Actor | "system",
  importId: string,
  batch: LinkBatch,
  index: number,
  of: number,
) {
  await writeWithAudit(
    ctx,
    actor,
    {
      action: "import.link-batch",
      entity: "import",
      entityId: importId,
      detail: { batch: index + 1, of, records: batch.links.length, persons: batch.persons.length },
    },
    async (tx) => {
      // One link phase at a time: two imports linking at once could both create the same person.
      await tx.execute(sql`select pg_advisory_xact_lock(7311002)`);
      const unlinked = await unlinkedSourceRecordIds(
        tx,
        batch.links.map((l) => l.id),
      );
      const skipped = new Set<string>();
      const persons = batch.persons.filter(({ person, recordIds }) => {
        const ok = recordIds.every((id) => unlinked.has(id));
        if (!ok) skipped.add(person.id as string);
        return ok;
      });
      await insertPersons(
        tx,
        persons.map((p) => p.person),
      );
      await linkSourceRecords(
        tx,
        batch.links.filter((l) => !skipped.has(l.personId)),
        ctx.now(),
      );
      const reviews = batch.reviews.filter((r) => !skipped.has(r.personA) && !skipped.has(r.personB));
      const inserted = await insertLinkReviews(tx, reviews);
      const pendingShare = reviews.filter((r) => r.status === "pending").length;
      const imp = await getImport(tx, importId);
      if (!imp) throw new AppError("not_found", "import not found");
      await updateImport(tx, importId, {
        linked: imp.linked + batch.linked,
        createdPersons: imp.createdPersons + persons.length,
        // Pending reviews only (deferred ones are counted from the reviews table).
        reviews: imp.reviews + Math.min(inserted, pendingShare),
        updatedAt: ctx.now(),
      });
    },
  );
}
