CREATE TABLE "role_assignments" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" varchar(32) NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "security_settings" (
	"tenant_code" varchar(12) NOT NULL,
	"key" varchar(64) NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "security_settings_tenant_code_key_pk" PRIMARY KEY("tenant_code","key")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"tenant_code" varchar(12) NOT NULL,
	"id" varchar(64) NOT NULL,
	"user_id" uuid NOT NULL,
	"active_organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" varchar(24),
	"ip" varchar(64),
	"user_agent" text,
	CONSTRAINT "sessions_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"person_id" uuid,
	"password_hash" text NOT NULL,
	"password_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"tenant_code" varchar(12) NOT NULL,
	"seq" bigint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"action" varchar(64) NOT NULL,
	"entity_type" varchar(64) NOT NULL,
	"entity_id" text NOT NULL,
	"organization_id" uuid,
	"change" jsonb NOT NULL,
	"change_digest" varchar(64) NOT NULL,
	"algorithm" varchar(8) NOT NULL,
	"leaf_hash" varchar(64) NOT NULL,
	"chain_hash" varchar(64) NOT NULL,
	"ip" varchar(64),
	CONSTRAINT "audit_events_tenant_code_seq_pk" PRIMARY KEY("tenant_code","seq")
);
--> statement-breakpoint
CREATE TABLE "audit_signing_keys" (
	"tenant_code" varchar(12) NOT NULL,
	"key_id" varchar(64) NOT NULL,
	"algorithm" varchar(16) NOT NULL,
	"public_key_pem" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "audit_signing_keys_tenant_code_key_id_pk" PRIMARY KEY("tenant_code","key_id")
);
--> statement-breakpoint
CREATE TABLE "audit_tree_heads" (
	"tenant_code" varchar(12) NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" varchar(64) NOT NULL,
	"algorithm" varchar(8) NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"key_id" varchar(64) NOT NULL,
	"signature" text NOT NULL,
	CONSTRAINT "audit_tree_heads_tenant_code_tree_size_pk" PRIMARY KEY("tenant_code","tree_size")
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" varchar(8) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"source" varchar(24) NOT NULL,
	"notice_title" text,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadlines" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"key" varchar(64) NOT NULL,
	"label" text NOT NULL,
	"citation" text NOT NULL,
	"start_date" date NOT NULL,
	"length" integer NOT NULL,
	"unit" varchar(16) NOT NULL,
	"due_date" date NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"extensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"met_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deadlines_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "procedure_instances" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"procedure_key" varchar(64) NOT NULL,
	"procedure_version" integer NOT NULL,
	"subject_type" varchar(64) NOT NULL,
	"subject_id" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" varchar(64) NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_instances_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "procedure_steps" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"instance_id" uuid NOT NULL,
	"action" varchar(64) NOT NULL,
	"from_state" varchar(64) NOT NULL,
	"to_state" varchar(64) NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"performed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "procedure_steps_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_certificates" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"number" varchar(32) NOT NULL,
	"field" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"status" varchar(16) DEFAULT 'valid' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enforcement_certificates_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" varchar(16) NOT NULL,
	"parent_code" varchar(12)
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	"jurisdiction_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" varchar(24) NOT NULL,
	"authority_type" varchar(16),
	"credit_code" varchar(18),
	"enforcement_field" text,
	"address" text,
	"phone" varchar(32),
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"gender" varchar(8),
	"id_number_encrypted" text,
	"id_number_masked" varchar(24),
	"phone" varchar(32),
	"position" text,
	"duties" text[] DEFAULT '{}' NOT NULL,
	"has_legal_qualification" boolean DEFAULT false NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
ALTER TABLE "enforcement_certificates" ADD CONSTRAINT "enforcement_certificates_tenant_code_person_id_people_tenant_code_id_fk" FOREIGN KEY ("tenant_code","person_id") REFERENCES "public"."people"("tenant_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_code_organization_id_organizations_tenant_code_id_fk" FOREIGN KEY ("tenant_code","organization_id") REFERENCES "public"."organizations"("tenant_code","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_assignments_user_idx" ON "role_assignments" USING btree ("tenant_code","user_id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("tenant_code","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("tenant_code","username");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("tenant_code","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("tenant_code","actor_user_id");--> statement-breakpoint
CREATE INDEX "deadlines_due_idx" ON "deadlines" USING btree ("tenant_code","status","due_date");--> statement-breakpoint
CREATE INDEX "deadlines_instance_idx" ON "deadlines" USING btree ("tenant_code","instance_id");--> statement-breakpoint
CREATE INDEX "procedure_instances_subject_idx" ON "procedure_instances" USING btree ("tenant_code","subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "procedure_instances_org_idx" ON "procedure_instances" USING btree ("tenant_code","organization_id");--> statement-breakpoint
CREATE INDEX "procedure_steps_instance_idx" ON "procedure_steps" USING btree ("tenant_code","instance_id");--> statement-breakpoint
CREATE INDEX "certificates_person_idx" ON "enforcement_certificates" USING btree ("tenant_code","person_id");--> statement-breakpoint
CREATE INDEX "certificates_number_idx" ON "enforcement_certificates" USING btree ("tenant_code","number");--> statement-breakpoint
CREATE INDEX "jurisdictions_parent_idx" ON "jurisdictions" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "organizations_path_idx" ON "organizations" USING btree ("tenant_code","path");--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("tenant_code","parent_id");--> statement-breakpoint
CREATE INDEX "people_organization_idx" ON "people" USING btree ("tenant_code","organization_id");