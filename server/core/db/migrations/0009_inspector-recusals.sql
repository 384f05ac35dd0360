CREATE TABLE "inspector_recusals" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"note" text,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	CONSTRAINT "inspector_recusals_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE INDEX "inspector_recusals_person_idx" ON "inspector_recusals" USING btree ("tenant_code","person_id");--> statement-breakpoint
CREATE INDEX "inspector_recusals_entity_idx" ON "inspector_recusals" USING btree ("tenant_code","credit_code");