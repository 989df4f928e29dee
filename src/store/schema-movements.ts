/**
 * Removal logistics (docs/removal-logistics.md): movements (a flight or a
 * ground movement to one country), their manifests, and the alerts the final
 * gate raises for the officer in charge.
 *
 * A manifest entry keeps the verdict the law engine gave when the person was
 * added and the latest verdict of every later gate (lock, boarding, an event
 * recorded on the case). A struck entry is never deleted: it keeps the
 * reasons, and a struck person can be neither boarded nor recorded as removed.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases, facilities, offices, users } from "./schema.js";

export const movements = pgTable(
  "movements",
  {
    id: uuid("id").primaryKey(),
    number: text("number").notNull().unique(),
    kind: text("kind").notNull(), // flight | ground
    /** ISO 3166-1 alpha-2 destination. */
    country: text("country").notNull(),
    /** Carrier and flight number, or the ground route, as the officer names it. */
    label: text("label"),
    departOn: text("depart_on").notNull(), // YYYY-MM-DD
    departAt: text("depart_at").notNull(), // HH:MM local to tz
    tz: text("tz").notNull(),
    stagingFacilityCode: text("staging_facility_code")
      .notNull()
      .references(() => facilities.code),
    /** The staging facility's office: whose officers may see and work the movement. */
    officeCode: text("office_code")
      .notNull()
      .references(() => offices.code),
    seats: integer("seats").notNull(),
    officerInCharge: uuid("officer_in_charge")
      .notNull()
      .references(() => users.id),
    status: text("status").notNull(), // open | locked | boarded | departed | cancelled
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    lockedBy: uuid("locked_by").references(() => users.id),
    /** Local date-time (YYYY-MM-DDTHH:MM, in tz) when boarding was completed. */
    boardingCompletedAt: text("boarding_completed_at"),
    boardedBy: uuid("boarded_by").references(() => users.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("movements_office_status_idx").on(t.officeCode, t.status, t.departOn)],
);

export const manifestEntries = pgTable(
  "manifest_entries",
  {
    id: uuid("id").primaryKey(),
    movementId: uuid("movement_id")
      .notNull()
      .references(() => movements.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    role: text("role").notNull(), // primary | alternate
    /** listed | boarded | struck | left_behind | departed */
    status: text("status").notNull(),
    /** The verdict when added (manifest.add), and whether its warnings were acknowledged. */
    addedOutcome: text("added_outcome").notNull(),
    addedVerdict: jsonb("added_verdict").notNull(),
    acknowledged: boolean("acknowledged").notNull().default(false),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull(),
    /** The latest gate: add | lock | boarding | event:<type> | departure. */
    lastGate: text("last_gate").notNull(),
    lastOutcome: text("last_outcome").notNull(),
    lastVerdict: jsonb("last_verdict").notNull(),
    lastCheckedAt: timestamp("last_checked_at", { withTimezone: true }).notNull(),
    struckAt: timestamp("struck_at", { withTimezone: true }),
    /** Why the person was struck: { gate, by, message, findings }. */
    struckReason: jsonb("struck_reason"),
    /** The departure.verified event this removal recorded on the case. */
    departureSeq: integer("departure_seq"),
    /**
     * Supervisors' approvals of REVIEW findings that let this person on (or off the aircraft):
     * [{ reviewId, action, rules, reason, decidedBy, decidedAt }]. Later gates let a REVIEW finding of
     * an approved rule pass; anything else still strikes. Null when no review was approved.
     */
    reviewApproval: jsonb("review_approval"),
  },
  (t) => [
    uniqueIndex("manifest_entries_movement_case_idx").on(t.movementId, t.caseId),
    index("manifest_entries_case_status_idx").on(t.caseId, t.status),
  ],
);

/** What the officer in charge must see: a person struck from a manifest, and why. */
export const movementAlerts = pgTable(
  "movement_alerts",
  {
    id: uuid("id").primaryKey(),
    movementId: uuid("movement_id")
      .notNull()
      .references(() => movements.id),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => manifestEntries.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    officerId: uuid("officer_id")
      .notNull()
      .references(() => users.id),
    gate: text("gate").notNull(),
    message: text("message").notNull(),
    findings: jsonb("findings").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by").references(() => users.id),
  },
  (t) => [
    index("movement_alerts_officer_idx").on(t.officerId, t.acknowledgedAt),
    index("movement_alerts_movement_idx").on(t.movementId),
  ],
);
