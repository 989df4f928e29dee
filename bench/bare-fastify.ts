/**
 * The limit of this stack: a bare Fastify with a `pg` pool that answers the four load-tested routes
 * (same paths as immos) with the very SQL statements immos sends for them, in the same order and
 * the same number of round trips (the statement texts below are drizzle's output, captured by
 * `npx tsx bench/api-load.ts --capture`). No Zod, no helmet/cookie/CSRF/rate-limit hooks, no
 * drizzle, no access or redaction code. The write keeps the pure domain work that keeps the data
 * valid (projectCase, the audit hash), so immos's data stays sound after a bare run.
 *
 *   npx tsx bench/bare-fastify.ts [db=immos_scale] [port=3990]   (serves until stopped)
 */
import { pathToFileURL } from "node:url";
import Fastify from "fastify";
import pg from "pg";
import { canonicalJson, chainHash, GENESIS_HASH, sha256 } from "../src/domain/audit-hash.js";
import { projectCase, type StoredEvent } from "../src/domain/case-state.js";
import type { CaseEvent } from "../src/domain/events.js";
import { normalizeName } from "../src/domain/names.js";

const Q = {
  auth: `select "users"."id", "users"."username", "users"."display_name", "users"."password_hash", "users"."role", "users"."offices", "users"."active", "users"."created_at" from "credentials" inner join "users" on "users"."id" = "credentials"."user_id" where ("credentials"."hash" = $1 and "users"."active" = $2 and ("credentials"."expires_at" is null or "credentials"."expires_at" > $3))`,
  search: (offices: number) =>
    `select "cases"."id", "cases"."number", "cases"."stage", "cases"."kind", "cases"."office_code", "cases"."court_code", "cases"."facility_code", "cases"."last_event_on", "cases"."version", "persons"."id" as person_id, "persons"."given_name", "persons"."family_name", "persons"."a_number", "persons"."birth_date", "persons"."citizenship", word_similarity($1, "persons"."search_names") from "cases" inner join "persons" on "persons"."id" = "cases"."person_id" where ("cases"."office_code" in (${Array.from({ length: offices }, (_, i) => `$${i + 2}`).join(", ")}) and ($${offices + 2} <% "persons"."search_names" or "persons"."search_names" like $${offices + 3})) order by word_similarity($${offices + 4}, "persons"."search_names") desc, "cases"."number" asc limit $${offices + 5}`,
  personNames: (n: number) =>
    `select "id", "given_name", "family_name", "aliases" from "persons" where "persons"."id" in (${Array.from({ length: n }, (_, i) => `$${i + 1}`).join(", ")})`,
  caseById: `select "id", "number", "person_id", "kind", "court_code", "office_code", "stage", "state", "facility_code", "last_event_on", "event_count", "version", "opened_at", "updated_at" from "cases" where "cases"."id" = $1`,
  person: `select "id", "a_number", "given_name", "family_name", "aliases", "search_names", "birth_date", "sex", "birth_country", "citizenship", "languages", "counsel_id", "facts", "version", "created_at" from "persons" where "persons"."id" = $1`,
  events: `select "id", "case_id", "seq", "type", "on", "at", "body", "supersedes", "recorded_by", "recorded_at" from "case_events" where "case_events"."case_id" = $1 order by "case_events"."seq" asc`,
  office: `select "code", "name", "city", "state", "tz" from "offices" where "offices"."code" = $1`,
  court: `select "code", "name", "city", "state", "circuit", "lat", "lon" from "courts" where "courts"."code" = $1`,
  facility: `select "code", "name", "office_code", "city", "state", "lat", "lon", "beds_male", "beds_female", "kinds", "levels", "medical", "court_code" from "facilities" where "facilities"."code" = $1`,
  counsel: `select "id", "name", "firm", "eoir_id", "city", "state", "lat", "lon" from "counsel" where "counsel"."id" = $1`,
  projection: `select "state", "version" from "cases" where "cases"."id" = $1`,
  update: `update "cases" set "stage" = $1, "state" = $2, "facility_code" = $3, "last_event_on" = $4, "event_count" = $5, "version" = $6, "updated_at" = $7 where ("cases"."id" = $8 and "cases"."version" = $9) returning "id"`,
  insertEvent: `insert into "case_events" ("id", "case_id", "seq", "type", "on", "at", "body", "supersedes", "recorded_by", "recorded_at") values (default, $1, $2, $3, $4, $5, $6, default, $7, default)`,
  auditLock: "select pg_advisory_xact_lock($1)",
  auditLast: `select "seq", "hash" from "audit_log" order by "audit_log"."seq" desc limit $1`,
  auditInsert: `insert into "audit_log" ("seq", "at", "actor", "action", "entity", "entity_id", "purpose", "detail", "prev_hash", "hash") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
};

export interface BareServer {
  url: string;
  close(): Promise<void>;
}

export async function startBare(databaseUrl: string, port = 0, poolMax = 10, now = () => new Date()) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolMax });
  const app = Fastify({ logger: false });
  const user = async (auth: string | undefined) => {
    const token = auth?.startsWith("Bearer ") ? auth.slice(7) : "";
    const { rows } = await pool.query(Q.auth, [sha256(token), true, now().toISOString()]);
    if (!rows[0]) throw Object.assign(new Error("unauthenticated"), { statusCode: 401 });
    return rows[0] as { id: string; username: string; offices: string[] };
  };
  const caseView = async (id: string) => {
    const c = (await pool.query(Q.caseById, [id])).rows[0];
    if (!c) throw Object.assign(new Error("not found"), { statusCode: 404 });
    const person = (await pool.query(Q.person, [c.person_id])).rows[0];
    const [events, office, court, facility] = await Promise.all([
      pool.query(Q.events, [c.id]),
      pool.query(Q.office, [c.office_code]),
      c.court_code ? pool.query(Q.court, [c.court_code]) : undefined,
      c.facility_code ? pool.query(Q.facility, [c.facility_code]) : undefined,
    ]);
    const counsel = person?.counsel_id ? (await pool.query(Q.counsel, [person.counsel_id])).rows[0] : null;
    return {
      case: {
        ...c,
        office: office.rows[0],
        court: court?.rows[0] ?? null,
        facility: facility?.rows[0] ?? null,
      },
      person: person && { ...person, counsel },
      history: events.rows.map((e) => ({ seq: e.seq, event: e.body, recordedBy: e.recorded_by })),
    };
  };

  app.get("/api/v1/cases", async (req) => {
    const u = await user(req.headers.authorization);
    const q = normalizeName(String((req.query as { q?: string }).q ?? ""));
    const { rows } = await pool.query(Q.search(u.offices.length), [q, ...u.offices, q, `%${q}%`, q, 50]);
    if (rows.length)
      await pool.query(
        Q.personNames(rows.length),
        rows.map((r) => r.person_id),
      );
    return { items: rows };
  });
  app.get("/api/v1/cases/:id", async (req) => {
    await user(req.headers.authorization);
    return caseView((req.params as { id: string }).id);
  });
  app.get("/api/v1/cases/:id/history", async (req) => {
    await user(req.headers.authorization);
    const v = await caseView((req.params as { id: string }).id);
    return { caseId: v.case.id, number: v.case.number, version: v.case.version, events: v.history };
  });
  app.post("/api/v1/cases/:id/events", async (req, reply) => {
    const u = await user(req.headers.authorization);
    const id = (req.params as { id: string }).id;
    const { expectedVersion, event } = req.body as { expectedVersion: number; event: CaseEvent };
    const client = await pool.connect();
    try {
      await client.query("begin");
      const before = (await client.query(Q.projection, [id])).rows[0];
      const c = (await client.query(Q.caseById, [id])).rows[0];
      if (!c || c.version !== expectedVersion) {
        await client.query("rollback");
        return reply.status(409).send({ error: { code: "conflict", field: "expectedVersion" } });
      }
      const history: StoredEvent[] = (await client.query(Q.events, [id])).rows.map((r) => ({
        seq: r.seq,
        event: r.body,
      }));
      const seq = history.length + 1;
      const state = projectCase([...history, { seq, event }]);
      const at = now();
      const ok = await client.query(Q.update, [
        state.stage,
        JSON.stringify(state),
        state.facilityCode,
        state.lastEventOn,
        state.eventCount,
        expectedVersion + 1,
        at,
        id,
        expectedVersion,
      ]);
      if (ok.rowCount !== 1) {
        await client.query("rollback");
        return reply.status(409).send({ error: { code: "conflict", field: "expectedVersion" } });
      }
      await client.query(Q.insertEvent, [id, seq, event.type, event.on, event.at ?? null, event, u.id]);
      const after = (await client.query(Q.projection, [id])).rows[0];
      await client.query(Q.auditLock, [7_311_001]);
      const last = (await client.query(Q.auditLast, [1])).rows[0];
      const body = {
        seq: Number(last?.seq ?? 0) + 1,
        at: at.toISOString(),
        actor: u.username,
        action: `event.${event.type}`,
        entity: "case",
        entityId: id,
        purpose: null,
        detail: {
          on: event.on,
          beforeHash: sha256(canonicalJson(before)),
          afterHash: sha256(canonicalJson(after)),
        },
      };
      const prev = last?.hash ?? GENESIS_HASH;
      await client.query(Q.auditInsert, [
        body.seq,
        body.at,
        body.actor,
        body.action,
        body.entity,
        body.entityId,
        null,
        body.detail,
        prev,
        chainHash(prev, body),
      ]);
      await client.query("commit");
      return reply
        .status(201)
        .send({ caseId: id, number: c.number, seq, version: expectedVersion + 1, state });
    } catch (err) {
      await client.query("rollback").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
  const address = await app.listen({ port, host: "127.0.0.1" });
  return {
    url: address,
    close: async () => {
      await app.close();
      await pool.end();
    },
  } satisfies BareServer;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { PG_URL } = await import("./support.js");
  const db = process.argv[2] ?? "immos_scale";
  const s = await startBare(PG_URL.replace(/\/[^/]*$/, `/${db}`), Number(process.argv[3] ?? 3990));
  console.log(`bare Fastify + pg on ${db} at ${s.url}`);
}
