/**
 * Linking an import's new source records to persons (docs/import.md, "Linking"). The model is
 * trained, unsupervised, over every existing person (each of its linked source records, or the
 * person row itself when it has none) plus the new records, blocked with the library's rules and
 * clustered by average linkage at the upper threshold. Then, per cluster holding new records:
 * one existing person in it -> the new records link to that person; several -> to the one with
 * the strongest pair, and the others meet it in the review queue; none -> one new person.
 * Every candidate pair of a new record that ends up across two persons with a probability at or
 * above the lower threshold becomes a review (one per pair of persons, ever: a rejected pair is
 * not asked again). The whole decision is written in one transaction: killed, it is redone.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { AppError } from "../../domain/errors.js";
import { type NameVariant, searchNames } from "../../domain/names.js";
import { linkRecords } from "../../linkage/link.js";
import { explain, probability, weightOf } from "../../linkage/score.js";
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
  takenANumbers,
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

export async function linkImport(ctx: AppContext, actor: Actor | "system", importId: string) {
  if (actor !== "system") authorize(actor, "data.import");
  const imp = await getImport(ctx.database.db, importId);
  if (!imp) throw new AppError("not_found", "import not found");
  if (imp.status === "done") return importStatus(imp);
  if (imp.status !== "linking") throw new AppError("conflict", `the import is ${imp.status}, not linking`);
  const { upper, lower } = linkThresholds.parse(imp.options ?? {});
  const started = performance.now();
  const summary = { linked: 0, createdPersons: 0, reviews: 0, records: 0, candidatePairs: 0 };
  const result = await writeWithAudit(
    ctx,
    actor,
    { action: "import.link", entity: "import", entityId: importId, detail: summary },
    async (tx) => {
      // One link phase at a time: two imports linking at once could both create the same person.
      await tx.execute(sql`select pg_advisory_xact_lock(7311002)`);
      const u = await loadUniverse(tx, importId);
      const now = ctx.now();
      const n = u.records.length;
      const isNew = (r: number) => u.owner[r] === null;
      const personOf: (string | null)[] = [...u.owner];
      const probabilityOf: (number | null)[] = new Array(n).fill(null);
      const reviews: Parameters<typeof insertLinkReviews>[1] = [];
      const newPersons: NewPerson[] = [];
      if (u.owner.some((o) => o === null)) {
        const linkage = n >= 2 ? linkRecords(u.records, { threshold: upper }) : null;
        // Pairs that involve a new record, with their probabilities.
        const pairs: { a: number; b: number; p: number }[] = [];
        if (linkage) {
          const { a, b, count } = linkage.candidates;
          for (let k = 0; k < count; k++) {
            if (!isNew(a[k]) && !isNew(b[k])) continue;
            pairs.push({
              a: a[k],
              b: b[k],
              p: probability(weightOf(linkage.model, linkage.data, a[k], b[k])),
            });
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
          clusters.set(c, [...(clusters.get(c) ?? []), r]);
        }
        const taken = await takenANumbers(
          tx,
          u.imported.flatMap((r, i) => (isNew(i) && r?.aNumber ? [r.aNumber] : [])),
        );
        for (const members of clusters.values()) {
          const fresh = members.filter(isNew);
          if (fresh.length === 0) continue;
          const owners = [...new Set(members.flatMap((m) => (u.owner[m] ? [u.owner[m] as string] : [])))];
          let target: string;
          if (owners.length > 0) {
            const strength = (o: string) => Math.max(...fresh.map((r) => best.get(`${r}|${o}`) ?? 0));
            target = owners.reduce((x, y) => (strength(y) > strength(x) ? y : x));
            for (const r of fresh) probabilityOf[r] = best.get(`${r}|${target}`) ?? null;
            summary.linked += fresh.length;
          } else {
            target = randomUUID();
            newPersons.push(
              personFrom(
                target,
                fresh.map((r) => u.imported[r] as ImportedPerson),
                taken,
                now,
              ),
            );
          }
          for (const r of fresh) personOf[r] = target;
        }
        // Reviews: pairs across two persons between the thresholds (or above, when average
        // linkage kept them apart), the strongest pair per pair of persons.
        const strongest = new Map<string, { a: number; b: number; p: number }>();
        for (const pair of pairs) {
          const pa = personOf[pair.a] as string;
          const pb = personOf[pair.b] as string;
          if (pa === pb || pair.p < lower) continue;
          const key = pairKey(pa, pb);
          if ((strongest.get(key)?.p ?? -1) < pair.p) strongest.set(key, pair);
        }
        for (const [key, { a, b, p }] of strongest) {
          const model = linkage?.model;
          if (!model || !linkage) continue;
          const contributions = explain(model, linkage.data, a, b);
          reviews.push({
            id: randomUUID(),
            pairKey: key,
            personA: personOf[a] as string,
            personB: personOf[b] as string,
            importId,
            probability: p,
            explanation: {
              priorBits: model.priorBits,
              weight: weightOf(model, linkage.data, a, b),
              contributions,
            },
            records: [displayRecord(u.labels[a], u.records[a]), displayRecord(u.labels[b], u.records[b])],
            status: "pending",
            createdAt: now,
          });
        }
      }
      await insertPersons(tx, newPersons);
      const links = u.records.flatMap((_, r) =>
        isNew(r)
          ? [
              {
                id: u.sourceRecordId[r] as string,
                personId: personOf[r] as string,
                probability: probabilityOf[r],
              },
            ]
          : [],
      );
      summary.records = links.length;
      await linkSourceRecords(tx, links, now);
      summary.createdPersons = newPersons.length;
      summary.reviews = await insertLinkReviews(tx, reviews);
      await updateImport(tx, importId, {
        status: "done",
        linked: imp.linked + summary.linked,
        createdPersons: imp.createdPersons + summary.createdPersons,
        reviews: imp.reviews + summary.reviews,
        updatedAt: ctx.now(),
        finishedAt: ctx.now(),
      });
      return getImport(tx, importId);
    },
  );
  ctx.log?.info({ importId, ...summary, ms: Math.round(performance.now() - started) }, "import linked");
  return importStatus(result as NonNullable<typeof result>);
}
