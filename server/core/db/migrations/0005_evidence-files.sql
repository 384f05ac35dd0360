CREATE TABLE "file_attachments" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"subject_type" varchar(64) NOT NULL,
	"subject_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"label" text NOT NULL,
	"note" text,
	"attached_by_user_id" uuid,
	"attached_by_name" text NOT NULL,
	"attached_at" timestamp with time zone NOT NULL,
	CONSTRAINT "file_attachments_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "stored_files" (
	"tenant_code" varchar(12) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"size" bigint NOT NULL,
	"media_type" varchar(128) NOT NULL,
	"original_name" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"capture" jsonb,
	CONSTRAINT "stored_files_tenant_code_sha256_pk" PRIMARY KEY("tenant_code","sha256")
);
--> statement-breakpoint
CREATE INDEX "file_attachments_subject_idx" ON "file_attachments" USING btree ("tenant_code","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "file_attachments_file_idx" ON "file_attachments" USING btree ("tenant_code","file_sha256");--> statement-breakpoint
CREATE INDEX "stored_files_organization_idx" ON "stored_files" USING btree ("tenant_code","organization_id");