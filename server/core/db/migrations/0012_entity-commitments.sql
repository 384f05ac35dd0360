CREATE TABLE "entity_commitments" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"credit_code" varchar(18) NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"committed_on" date NOT NULL,
	"due_on" date,
	"status" varchar(16) NOT NULL,
	"settled_on" date,
	"breach_note" text,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entity_commitments_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE INDEX "entity_commitments_entity_idx" ON "entity_commitments" USING btree ("tenant_code","credit_code");