CREATE TABLE "publications" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"subject_type" varchar(64) NOT NULL,
	"subject_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" varchar(32) NOT NULL,
	"field" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"decided_on" date NOT NULL,
	"due_on" date NOT NULL,
	"citation" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"published_on" date,
	"published_at" timestamp with time zone,
	"published_by_name" text,
	"public_until" date,
	"withdraw_reason" text,
	"withdraw_event_on" date,
	"withdraw_due_on" date,
	"withdrawn_on" date,
	"taken_down_reason" text,
	"taken_down_on" date,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "document_number_series" (
	"tenant_code" varchar(12) NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"series" varchar(32) NOT NULL,
	"last_number" integer NOT NULL,
	CONSTRAINT "document_number_series_tenant_code_organization_id_year_series_pk" PRIMARY KEY("tenant_code","organization_id","year","series")
);
--> statement-breakpoint
CREATE TABLE "generated_documents" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"subject_type" varchar(64) NOT NULL,
	"subject_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"number" varchar(64),
	"file_sha256" varchar(64) NOT NULL,
	"generated_by_name" text NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "generated_documents_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "case_review_checklists" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"excellent_at" numeric(6, 2) NOT NULL,
	"pass_at" numeric(6, 2) NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_review_checklists_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"campaign" text NOT NULL,
	"year" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"status" varchar(16) NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_score" numeric(6, 2),
	"max_score" numeric(6, 2) NOT NULL,
	"grade" varchar(16),
	"comment" text,
	"sampled_by_name" text NOT NULL,
	"reviewer_name" text,
	"sampled_at" timestamp with time zone NOT NULL,
	"scored_at" timestamp with time zone,
	CONSTRAINT "case_reviews_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "discretion_benchmarks" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"power_item_id" uuid NOT NULL,
	"basis" text,
	"circumstances" jsonb NOT NULL,
	"updated_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discretion_benchmarks_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_records" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"content" text,
	"file_sha256" varchar(64),
	"recorded_at" timestamp with time zone NOT NULL,
	"location" text,
	"recorded_by_user_id" uuid,
	"recorded_by_name" text NOT NULL,
	"state" varchar(32) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_case_records_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"procedure" varchar(16) NOT NULL,
	"case_number" varchar(64) NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"source" varchar(16) NOT NULL,
	"source_detail" text,
	"power_item_id" uuid NOT NULL,
	"power_item_version_id" uuid NOT NULL,
	"power_item_code" varchar(64) NOT NULL,
	"power_item_name" text NOT NULL,
	"field" text,
	"party_id" uuid NOT NULL,
	"party_kind" varchar(16) NOT NULL,
	"party_name" text NOT NULL,
	"state" varchar(32) NOT NULL,
	"is_major" boolean DEFAULT false NOT NULL,
	"major_reasons" text[] DEFAULT '{}' NOT NULL,
	"requires_deliberation" boolean DEFAULT false NOT NULL,
	"hearing_eligible" boolean DEFAULT false NOT NULL,
	"officer_person_ids" uuid[] NOT NULL,
	"facts" text,
	"occurred_on" date,
	"proposed_penalty" jsonb,
	"discretion" jsonb,
	"decision_outcome" varchar(16),
	"decided_penalty" jsonb,
	"fine_fen" bigint DEFAULT 0 NOT NULL,
	"surcharge_fen" bigint DEFAULT 0 NOT NULL,
	"decision_number" varchar(64),
	"legal_review_conclusion" varchar(16),
	"legal_reviewed_on" date,
	"deliberated_on" date,
	"registered_on" date NOT NULL,
	"decided_on" date,
	"served_on" date,
	"paid_on" date,
	"closed_on" date,
	"archived_on" date,
	"next_due_date" date,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_cases_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_parties" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"name" text NOT NULL,
	"credit_code" varchar(18),
	"id_number_encrypted" text,
	"id_number_masked" varchar(24),
	"id_number_digest" varchar(64),
	"legal_representative" text,
	"address" text,
	"phone" varchar(32),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_parties_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "major_decision_rules" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"title" text NOT NULL,
	"fine_at_least_fen" bigint,
	"penalty_kinds" text[] DEFAULT '{}' NOT NULL,
	"requires_deliberation" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "major_decision_rules_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE INDEX "publications_subject_idx" ON "publications" USING btree ("tenant_code","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "publications_status_idx" ON "publications" USING btree ("tenant_code","status","published_on");--> statement-breakpoint
CREATE INDEX "publications_due_idx" ON "publications" USING btree ("tenant_code","status","due_on");--> statement-breakpoint
CREATE INDEX "publications_search_idx" ON "publications" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "generated_documents_subject_idx" ON "generated_documents" USING btree ("tenant_code","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "case_reviews_case_idx" ON "case_reviews" USING btree ("tenant_code","case_id");--> statement-breakpoint
CREATE INDEX "case_reviews_org_idx" ON "case_reviews" USING btree ("tenant_code","organization_id","year");--> statement-breakpoint
CREATE INDEX "discretion_benchmarks_item_idx" ON "discretion_benchmarks" USING btree ("tenant_code","organization_id","power_item_id");--> statement-breakpoint
CREATE INDEX "enforcement_case_records_case_idx" ON "enforcement_case_records" USING btree ("tenant_code","case_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_org_idx" ON "enforcement_cases" USING btree ("tenant_code","organization_id","registered_on");--> statement-breakpoint
CREATE INDEX "enforcement_cases_state_idx" ON "enforcement_cases" USING btree ("tenant_code","state");--> statement-breakpoint
CREATE INDEX "enforcement_cases_number_idx" ON "enforcement_cases" USING btree ("tenant_code","case_number");--> statement-breakpoint
CREATE INDEX "enforcement_cases_party_idx" ON "enforcement_cases" USING btree ("tenant_code","party_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_instance_idx" ON "enforcement_cases" USING btree ("tenant_code","instance_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_due_idx" ON "enforcement_cases" USING btree ("tenant_code","next_due_date");--> statement-breakpoint
CREATE INDEX "enforcement_cases_search_idx" ON "enforcement_cases" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "enforcement_parties_credit_idx" ON "enforcement_parties" USING btree ("tenant_code","credit_code");--> statement-breakpoint
CREATE INDEX "enforcement_parties_id_digest_idx" ON "enforcement_parties" USING btree ("tenant_code","id_number_digest");--> statement-breakpoint
CREATE INDEX "major_decision_rules_org_idx" ON "major_decision_rules" USING btree ("tenant_code","organization_id");