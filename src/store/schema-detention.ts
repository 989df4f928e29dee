/**
 * Detention operations (docs/detention.md): placement proposals computed by the
 * optimizer, one row per recommendation, and the notices to counsel of record
 * that a completed transfer owes within 24 hours.
 *
 * Who is where is not stored here: occupancy is derived from the cases'
 * projections (cases.facility_code) and the population over time from the
 * custody events, so these tables can never disagree with the history.
 */
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases, counsel, persons, users } from "./schema.js";

/** One run of the optimizer: what it was asked (mode, weights, assumptions) and its totals. */
export const placementProposals = pgTable(
  "placement_proposals",
  {
    id: uuid("id").primaryKey(),
    officeCode: text("office_code").notNull(),
    mode: text("mode").notNull(), // arrivals | rebalance | cases
    /** Weights, transfer penalty, facility scope: everything needed to rebuild the instance. */
    params: jsonb("params").notNull(),
    /** Facts defaulted for want of a record ({ level: 12, medicalNeed: 12, ... } people counts) and people left out. */
    assumptions: jsonb("assumptions").notNull(),
    objective: doublePrecision("objective").notNull(),
    bound: doublePrecision("bound").notNull(),
    stats: jsonb("stats").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("placement_proposals_office_idx").on(t.officeCode, t.createdAt)],
);

/**
 * One person's recommendation in a proposal. `status`: proposed (a move to
 * accept), stay (already where the plan puts them), unplaced (no bed; reason
 * says why), review_requested, accepted, blocked.
 */
export const placementRecommendations = pgTable(
  "placement_recommendations",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => placementProposals.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    caseNumber: text("case_number").notNull(),
    personId: uuid("person_id")
      .notNull()
      .references(() => persons.id),
    fromFacility: text("from_facility"),
    toFacility: text("to_facility"),
    toKind: text("to_kind"),
    reason: text("reason").notNull(),
    /** The person's placement facts as used (sex, kind, level, medicalNeed) and which were assumed. */
    facts: jsonb("facts").notNull(),
    status: text("status").notNull(),
    /** The exact action sent to the law engine, kept so an approved review can be used with it. */
    action: jsonb("action"),
    verdict: jsonb("verdict"),
    reviewId: uuid("review_id"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("placement_recommendations_pk").on(t.proposalId, t.caseId)],
);

/**
 * A transfer's notice to counsel of record, due 24 hours after the transfer.
 * Created when the transfer completes (pending) or when a sweep finds a
 * transfer nobody noticed; `notified_seq` is the `counsel.notified` event.
 */
export const counselNotices = pgTable(
  "counsel_notices",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    officeCode: text("office_code").notNull(),
    transferSeq: integer("transfer_seq").notNull(),
    counselId: uuid("counsel_id").references(() => counsel.id),
    facilityCode: text("facility_code"),
    /** Local date-time (custody time zone) of the transfer and of the 24-hour deadline. */
    transferredAt: text("transferred_at").notNull(),
    dueAt: text("due_at").notNull(),
    notifiedSeq: integer("notified_seq"),
    notifiedOn: text("notified_on"),
    method: text("method"),
    text: text("text"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("counsel_notices_case_transfer_idx").on(t.caseId, t.transferSeq),
    index("counsel_notices_office_idx").on(t.officeCode, t.notifiedSeq),
  ],
);
