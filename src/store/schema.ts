/**
 * The one schema, PostgreSQL dialect, for PGlite and a PostgreSQL server
 * alike. Migrations are generated from it by drizzle-kit into
 * src/store/migrations and never edited after they land.
 *
 * Case history is the truth: `case_events` is append-only (a correction is a
 * new event naming the one it supersedes); `cases` holds the projection,
 * rewritten in the same transaction as each append, with a version for
 * optimistic concurrency.
 */
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const offices = pgTable("offices", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  state: text("state").notNull(),
  tz: text("tz").notNull(),
});

export const courts = pgTable("courts", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  state: text("state").notNull(),
  circuit: text("circuit").notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
});

export const facilities = pgTable("facilities", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  officeCode: text("office_code")
    .notNull()
    .references(() => offices.code),
  city: text("city").notNull(),
  state: text("state").notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
  bedsMale: integer("beds_male").notNull(),
  bedsFemale: integer("beds_female").notNull(),
  kinds: text("kinds").array().notNull(),
  levels: integer("levels").array().notNull(),
  medical: integer("medical").notNull(),
  courtCode: text("court_code").references(() => courts.code),
});

export const counsel = pgTable("counsel", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  firm: text("firm"),
  eoirId: text("eoir_id"),
  city: text("city").notNull(),
  state: text("state").notNull(),
  lat: doublePrecision("lat").notNull(),
  lon: doublePrecision("lon").notNull(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  username: text("username").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  role: text("role").notNull(),
  offices: text("offices").array().notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Bearer tokens and web sessions: only a SHA-256 of the secret is stored. */
export const credentials = pgTable(
  "credentials",
  {
    hash: text("hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(), // "token" | "session"
    label: text("label"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [index("credentials_user_idx").on(t.userId)],
);

export const persons = pgTable(
  "persons",
  {
    id: uuid("id").primaryKey(),
    aNumber: text("a_number"),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    /** Aliases and names in other scripts: [{ given, family, script, kind }]. */
    aliases: jsonb("aliases").notNull().default([]),
    /** Every name and alias, accents removed and lower-cased, for fuzzy search. */
    searchNames: text("search_names").notNull(),
    birthDate: text("birth_date"),
    sex: text("sex"),
    birthCountry: text("birth_country"),
    citizenship: text("citizenship").array().notNull(),
    languages: text("languages").array().notNull(),
    counselId: uuid("counsel_id").references(() => counsel.id),
    /** Further facts the law reads (children, entry, competency, ...). */
    facts: jsonb("facts").notNull().default({}),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("persons_a_number_idx").on(t.aNumber)],
);

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey(),
    number: text("number").notNull().unique(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    kind: text("kind").notNull(),
    courtCode: text("court_code").references(() => courts.code),
    officeCode: text("office_code")
      .notNull()
      .references(() => offices.code),
    stage: text("stage").notNull(),
    /** The projection of the history (src/domain/case-state.ts). */
    state: jsonb("state").notNull(),
    facilityCode: text("facility_code").references(() => facilities.code),
    lastEventOn: text("last_event_on"),
    eventCount: integer("event_count").notNull().default(0),
    version: integer("version").notNull().default(0),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("cases_person_idx").on(t.personId),
    index("cases_office_stage_idx").on(t.officeCode, t.stage),
    index("cases_facility_idx").on(t.facilityCode),
  ],
);

export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    on: text("on").notNull(),
    at: text("at"),
    body: jsonb("body").notNull(),
    supersedes: integer("supersedes"),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("case_events_case_seq_idx").on(t.caseId, t.seq)],
);

/**
 * Append-only audit log, one row per write or confidential read, in the same
 * transaction as the change. Each row's hash covers the previous row's hash
 * and the row's canonical JSON (src/domain/audit-hash.ts).
 */
export const auditLog = pgTable("audit_log", {
  seq: bigserial("seq", { mode: "number" }).primaryKey(),
  at: text("at").notNull(), // ISO instant exactly as hashed
  actor: text("actor").notNull(),
  action: text("action").notNull(),
  entity: text("entity").notNull(),
  entityId: text("entity_id"),
  purpose: text("purpose"),
  detail: jsonb("detail").notNull(),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull(),
});

export const settings = pgTable(
  "settings",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/**
 * Requests for a supervisor's decision on an action whose verdict was REVIEW.
 * Only an approval by another supervisor, with a written reason, lets that
 * exact action (same fields) go ahead, once.
 */
export const reviews = pgTable(
  "reviews",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    officeCode: text("office_code").notNull(),
    actionType: text("action_type").notNull(),
    action: jsonb("action").notNull(),
    verdict: jsonb("verdict").notNull(),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    requestReason: text("request_reason"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull(),
    status: text("status").notNull(), // pending | approved | denied | used
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
  },
  (t) => [
    index("reviews_office_status_idx").on(t.officeCode, t.status),
    index("reviews_case_idx").on(t.caseId),
  ],
);

/**
 * Work queues: tasks that deadlines and reviews create, per office, assignable
 * to a user, with a timed hold that returns the task to its queue.
 */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey(),
    officeCode: text("office_code").notNull(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").notNull(), // deadline | review
    /** Stable key so a sweep updates rather than duplicates: "deadline:<kind>:<due>" or "review:<id>". */
    key: text("key").notNull(),
    title: text("title").notNull(),
    due: text("due"),
    assignee: uuid("assignee").references(() => users.id),
    holdUntil: timestamp("hold_until", { withTimezone: true }),
    status: text("status").notNull(), // open | done
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("tasks_case_key_idx").on(t.caseId, t.key),
    index("tasks_office_status_due_idx").on(t.officeCode, t.status, t.due),
  ],
);
