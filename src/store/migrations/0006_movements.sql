CREATE TABLE "manifest_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"movement_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"added_outcome" text NOT NULL,
	"added_verdict" jsonb NOT NULL,
	"acknowledged" boolean DEFAULT false NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	"last_gate" text NOT NULL,
	"last_outcome" text NOT NULL,
	"last_verdict" jsonb NOT NULL,
	"last_checked_at" timestamp with time zone NOT NULL,
	"struck_at" timestamp with time zone,
	"struck_reason" jsonb,
	"departure_seq" integer
);
--> statement-breakpoint
CREATE TABLE "movement_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"movement_id" uuid NOT NULL,
	"entry_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"officer_id" uuid NOT NULL,
	"gate" text NOT NULL,
	"message" text NOT NULL,
	"findings" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"kind" text NOT NULL,
	"country" text NOT NULL,
	"label" text,
	"depart_on" text NOT NULL,
	"depart_at" text NOT NULL,
	"tz" text NOT NULL,
	"staging_facility_code" text NOT NULL,
	"office_code" text NOT NULL,
	"seats" integer NOT NULL,
	"officer_in_charge" uuid NOT NULL,
	"status" text NOT NULL,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"boarding_completed_at" text,
	"boarded_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "movements_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "manifest_entries" ADD CONSTRAINT "manifest_entries_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manifest_entries" ADD CONSTRAINT "manifest_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manifest_entries" ADD CONSTRAINT "manifest_entries_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_alerts" ADD CONSTRAINT "movement_alerts_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_alerts" ADD CONSTRAINT "movement_alerts_entry_id_manifest_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."manifest_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_alerts" ADD CONSTRAINT "movement_alerts_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_alerts" ADD CONSTRAINT "movement_alerts_officer_id_users_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_alerts" ADD CONSTRAINT "movement_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_staging_facility_code_facilities_code_fk" FOREIGN KEY ("staging_facility_code") REFERENCES "public"."facilities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_office_code_offices_code_fk" FOREIGN KEY ("office_code") REFERENCES "public"."offices"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_officer_in_charge_users_id_fk" FOREIGN KEY ("officer_in_charge") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_boarded_by_users_id_fk" FOREIGN KEY ("boarded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "manifest_entries_movement_case_idx" ON "manifest_entries" USING btree ("movement_id","case_id");--> statement-breakpoint
CREATE INDEX "manifest_entries_case_status_idx" ON "manifest_entries" USING btree ("case_id","status");--> statement-breakpoint
CREATE INDEX "movement_alerts_officer_idx" ON "movement_alerts" USING btree ("officer_id","acknowledged_at");--> statement-breakpoint
CREATE INDEX "movement_alerts_movement_idx" ON "movement_alerts" USING btree ("movement_id");--> statement-breakpoint
CREATE INDEX "movements_office_status_idx" ON "movements" USING btree ("office_code","status","depart_on");