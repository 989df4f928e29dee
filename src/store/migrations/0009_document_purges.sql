CREATE TABLE "document_purges" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"pdf_sha256" text NOT NULL,
	"pdf_bytes" integer NOT NULL,
	"data_hash" text NOT NULL,
	"purged_by" text NOT NULL,
	"purged_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "document_purges" ADD CONSTRAINT "document_purges_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_purges" ADD CONSTRAINT "document_purges_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;