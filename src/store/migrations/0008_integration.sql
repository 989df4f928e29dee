CREATE TABLE "import_quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"source" text NOT NULL,
	"row_number" integer NOT NULL,
	"content_hash" text NOT NULL,
	"field" text NOT NULL,
	"reason" text NOT NULL,
	"raw" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"format" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text NOT NULL,
	"offset" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"accepted" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"quarantined" integer DEFAULT 0 NOT NULL,
	"linked" integer DEFAULT 0 NOT NULL,
	"created_persons" integer DEFAULT 0 NOT NULL,
	"reviews" integer DEFAULT 0 NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "link_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"pair_key" text NOT NULL,
	"person_a" uuid NOT NULL,
	"person_b" uuid NOT NULL,
	"import_id" uuid,
	"probability" double precision NOT NULL,
	"explanation" jsonb NOT NULL,
	"records" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"merge_id" uuid
);
--> statement-breakpoint
CREATE TABLE "person_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_id" uuid NOT NULL,
	"survivor_before" jsonb NOT NULL,
	"merged_before" jsonb NOT NULL,
	"survivor_version_after" integer NOT NULL,
	"moved_cases" uuid[] NOT NULL,
	"moved_records" uuid[] NOT NULL,
	"review_id" uuid,
	"reason" text,
	"merged_by" uuid,
	"merged_at" timestamp with time zone NOT NULL,
	"split_by" uuid,
	"split_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "person_redirects" (
	"from_id" uuid PRIMARY KEY NOT NULL,
	"to_id" uuid NOT NULL,
	"merge_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"source" text NOT NULL,
	"source_id" text NOT NULL,
	"content_hash" text NOT NULL,
	"row_number" integer NOT NULL,
	"record" jsonb NOT NULL,
	"raw" jsonb NOT NULL,
	"person_id" uuid,
	"link_probability" double precision,
	"linked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "import_quarantine" ADD CONSTRAINT "import_quarantine_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_person_a_persons_id_fk" FOREIGN KEY ("person_a") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_person_b_persons_id_fk" FOREIGN KEY ("person_b") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "link_reviews" ADD CONSTRAINT "link_reviews_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_survivor_id_persons_id_fk" FOREIGN KEY ("survivor_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_id_persons_id_fk" FOREIGN KEY ("merged_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_by_users_id_fk" FOREIGN KEY ("merged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_split_by_users_id_fk" FOREIGN KEY ("split_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_redirects" ADD CONSTRAINT "person_redirects_from_id_persons_id_fk" FOREIGN KEY ("from_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_redirects" ADD CONSTRAINT "person_redirects_to_id_persons_id_fk" FOREIGN KEY ("to_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_redirects" ADD CONSTRAINT "person_redirects_merge_id_person_merges_id_fk" FOREIGN KEY ("merge_id") REFERENCES "public"."person_merges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "source_records" ADD CONSTRAINT "source_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "import_quarantine_key_idx" ON "import_quarantine" USING btree ("source","content_hash");--> statement-breakpoint
CREATE INDEX "import_quarantine_import_idx" ON "import_quarantine" USING btree ("import_id");--> statement-breakpoint
CREATE UNIQUE INDEX "imports_source_file_idx" ON "imports" USING btree ("source","file_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "link_reviews_pair_idx" ON "link_reviews" USING btree ("pair_key");--> statement-breakpoint
CREATE INDEX "link_reviews_status_idx" ON "link_reviews" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "person_merges_merged_idx" ON "person_merges" USING btree ("merged_id");--> statement-breakpoint
CREATE INDEX "person_merges_survivor_idx" ON "person_merges" USING btree ("survivor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_records_key_idx" ON "source_records" USING btree ("source","source_id","content_hash");--> statement-breakpoint
CREATE INDEX "source_records_person_idx" ON "source_records" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "source_records_import_idx" ON "source_records" USING btree ("import_id");