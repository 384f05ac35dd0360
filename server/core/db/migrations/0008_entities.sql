CREATE TABLE "import_jobs" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"kind" varchar(32) NOT NULL,
	"file_name" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"organization_id" uuid,
	"created_by_user_id" uuid,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "entities" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"industry" varchar(100),
	"jurisdiction_code" varchar(12),
	"licences" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risk_grade" varchar(1) NOT NULL,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entities_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE INDEX "import_jobs_kind_idx" ON "import_jobs" USING btree ("tenant_code","kind","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "entities_credit_code_idx" ON "entities" USING btree ("tenant_code","credit_code");--> statement-breakpoint
CREATE INDEX "entities_grade_idx" ON "entities" USING btree ("tenant_code","risk_grade");--> statement-breakpoint
CREATE INDEX "entities_jurisdiction_idx" ON "entities" USING btree ("tenant_code","jurisdiction_code");--> statement-breakpoint
CREATE INDEX "entities_search_idx" ON "entities" USING gin ("search_vector");