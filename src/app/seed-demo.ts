import { demoUsers, generateCases, referenceData } from "../seed/index.js";
import { type BulkBatch, insertBatch } from "../store/repositories/bulk.js";
import { counselIdsOfUser, linkUserCounsel } from "../store/repositories/oversight.js";
import { insertReference } from "../store/repositories/reference.js";
import { getSetting, putSetting } from "../store/repositories/settings.js";
import { getUserByName } from "../store/repositories/users.js";
import { type Actor, authorize } from "./access.js";
import { type AppContext, today, writeWithAudit } from "./context.js";
import { createUser } from "./create-user.js";
import { rowsFor } from "./seed-rows.js";

export interface SeedOptions {
  persons: number;
  seed: number;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The demo `counsel` user represents the first generated person who has counsel, so it sees that client's case. */
async function linkDemoCounsel(ctx: AppContext, counselId: string | undefined): Promise<void> {
  const user = await getUserByName(ctx.database.db, "counsel");
  if (!user || !counselId) return;
  if ((await counselIdsOfUser(ctx.database.db, user.id)).length) return;
  await writeWithAudit(
    ctx,
    "system",
    { action: "user.link_counsel", entity: "user", entityId: user.username, detail: { counselId } },
    (tx) => linkUserCounsel(tx, user.id, counselId),
  );
}

export async function isSeeded(ctx: AppContext): Promise<boolean> {
  return (await getSetting(ctx.database.db, "system", "seed")) !== undefined;
}

export async function seedDemo(ctx: AppContext, actor: Actor | "system", opts: SeedOptions) {
  if (actor !== "system") authorize(actor, "data.seed");
  const ref = referenceData();
  const batchSize = opts.batchSize ?? 250;
  await writeWithAudit(
    ctx,
    actor,
    { action: "seed.reference", entity: "reference", detail: { facilities: ref.facilities.length } },
    (tx) => insertReference(tx, ref),
  );
  for (const u of demoUsers()) {
    if (!(await getUserByName(ctx.database.db, u.username))) await createUser(ctx, "system", u);
  }
  const date = today(ctx);
  const year = date.slice(0, 4);
  let batch: BulkBatch = { persons: [], cases: [], events: [] };
  let done = 0;
  const flush = async () => {
    if (!batch.persons.length) return;
    const b = batch;
    batch = { persons: [], cases: [], events: [] };
    await writeWithAudit(
      ctx,
      actor,
      { action: "seed.cases", entity: "case", detail: { cases: b.cases.length, events: b.events.length } },
      (tx) => insertBatch(tx, b),
    );
    opts.onProgress?.(done, opts.persons);
  };
  let demoCounselId: string | undefined;
  for (const c of generateCases(opts.persons, opts.seed, date, ref)) {
    // Always build the rows; only the first counsel id is kept (`??=` alone would skip the call).
    const counselId = rowsFor(c, year, batch);
    demoCounselId ??= counselId;
    done++;
    if (batch.persons.length >= batchSize) await flush();
  }
  await flush();
  await linkDemoCounsel(ctx, demoCounselId);
  await putSetting(ctx.database.db, "system", "seed", { persons: opts.persons, seed: opts.seed, on: date });
  return { persons: done, facilities: ref.facilities.length, offices: ref.offices.length };
}
