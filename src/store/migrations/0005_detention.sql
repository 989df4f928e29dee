CREATE TABLE "counsel_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"office_code" text NOT NULL,
	"transfer_seq" integer NOT NULL,
	"counsel_id" uuid,
	"facility_code" text,
	"transferred_at" text NOT NULL,
	"due_at" text NOT NULL,
	"notified_seq" integer,
	"notified_on" text,
	"method" text,
	"text" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_proposals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"office_code" text NOT NULL,
	"mode" text NOT NULL,
	"params" jsonb NOT NULL,
	"assumptions" jsonb NOT NULL,
	"objective" double precision NOT NULL,
	"bound" double precision NOT NULL,
	"stats" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "placement_recommendations" (
	"proposal_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"from_facility" text,
	"to_facility" text,
	"to_kind" text,
	"reason" text NOT NULL,
	"facts" jsonb NOT NULL,
	"status" text NOT NULL,
	"action" jsonb,
	"verdict" jsonb,
	"review_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "counsel_notices" ADD CONSTRAINT "counsel_notices_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counsel_notices" ADD CONSTRAINT "counsel_notices_counsel_id_counsel_id_fk" FOREIGN KEY ("counsel_id") REFERENCES "public"."counsel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_proposals" ADD CONSTRAINT "placement_proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_recommendations" ADD CONSTRAINT "placement_recommendations_proposal_id_placement_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."placement_proposals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_recommendations" ADD CONSTRAINT "placement_recommendations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_recommendations" ADD CONSTRAINT "placement_recommendations_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placement_recommendations" ADD CONSTRAINT "placement_recommendations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "counsel_notices_case_transfer_idx" ON "counsel_notices" USING btree ("case_id","transfer_seq");--> statement-breakpoint
CREATE INDEX "counsel_notices_office_idx" ON "counsel_notices" USING btree ("office_code","notified_seq");--> statement-breakpoint
CREATE INDEX "placement_proposals_office_idx" ON "placement_proposals" USING btree ("office_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "placement_recommendations_pk" ON "placement_recommendations" USING btree ("proposal_id","case_id");