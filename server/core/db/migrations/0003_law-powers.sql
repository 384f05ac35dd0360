CREATE TABLE "law_articles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"law_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"number" integer NOT NULL,
	"sub_number" integer DEFAULT 0 NOT NULL,
	"label" text NOT NULL,
	"part" text,
	"chapter" text,
	"section" text,
	"text" text NOT NULL,
	"paragraphs" jsonb NOT NULL,
	"search" "tsvector"
);
--> statement-breakpoint
CREATE TABLE "law_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"status" varchar(16) NOT NULL,
	"total_files" integer DEFAULT 0 NOT NULL,
	"processed_files" integer DEFAULT 0 NOT NULL,
	"imported_versions" integer DEFAULT 0 NOT NULL,
	"unchanged_versions" integer DEFAULT 0 NOT NULL,
	"imported_articles" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_by" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "laws" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"short_title" text NOT NULL,
	"level" varchar(24) NOT NULL,
	"category" text,
	"issuer" text,
	"version_date" date NOT NULL,
	"promulgated_on" date,
	"effective_on" date,
	"history" text[] DEFAULT '{}' NOT NULL,
	"superseded_by_id" uuid,
	"superseded_on" date,
	"repealed_on" date,
	"article_count" integer DEFAULT 0 NOT NULL,
	"content_hash" varchar(64) NOT NULL,
	"source_name" text,
	"import_id" uuid,
	"title_search" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "power_change_sets" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"list_kind" varchar(16) NOT NULL,
	"title" text NOT NULL,
	"reason" text NOT NULL,
	"basis" text,
	"effective_on" date NOT NULL,
	"procedure_instance_id" uuid,
	"state" varchar(16) NOT NULL,
	"list_version" integer,
	"change_count" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_at" timestamp with time zone,
	CONSTRAINT "power_change_sets_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "power_changes" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"change_set_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"change_type" varchar(8) NOT NULL,
	"item_id" uuid,
	"code" varchar(64) NOT NULL,
	"proposed" jsonb,
	"reason" text,
	CONSTRAINT "power_changes_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "power_item_versions" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"list_kind" varchar(16) NOT NULL,
	"version" integer NOT NULL,
	"list_version" integer NOT NULL,
	"change_set_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"is_cancelled" boolean DEFAULT false NOT NULL,
	"code" varchar(64) NOT NULL,
	"name" text NOT NULL,
	"kind" varchar(24),
	"legal_basis_text" text NOT NULL,
	"legal_basis" jsonb NOT NULL,
	"details" jsonb NOT NULL,
	"search" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_item_versions_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "power_items" (
	"tenant_code" varchar(12) NOT NULL,
	"id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"list_kind" varchar(16) NOT NULL,
	"code" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "power_items_tenant_code_id_pk" PRIMARY KEY("tenant_code","id")
);
--> statement-breakpoint
CREATE TABLE "power_list_versions" (
	"tenant_code" varchar(12) NOT NULL,
	"organization_id" uuid NOT NULL,
	"list_kind" varchar(16) NOT NULL,
	"version" integer NOT NULL,
	"change_set_id" uuid NOT NULL,
	"effective_on" date NOT NULL,
	"item_count" integer NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "power_list_versions_tenant_code_organization_id_list_kind_version_pk" PRIMARY KEY("tenant_code","organization_id","list_kind","version")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "law_articles_number_idx" ON "law_articles" USING btree ("law_id","number","sub_number");--> statement-breakpoint
CREATE INDEX "law_articles_search_idx" ON "law_articles" USING gin ("search");--> statement-breakpoint
CREATE UNIQUE INDEX "laws_title_version_idx" ON "laws" USING btree ("title","version_date");--> statement-breakpoint
CREATE INDEX "laws_short_title_idx" ON "laws" USING btree ("short_title");--> statement-breakpoint
CREATE INDEX "laws_title_search_idx" ON "laws" USING gin ("title_search");--> statement-breakpoint
CREATE INDEX "laws_title_trgm_idx" ON "laws" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "power_change_sets_org_idx" ON "power_change_sets" USING btree ("tenant_code","organization_id","list_kind");--> statement-breakpoint
CREATE INDEX "power_changes_set_idx" ON "power_changes" USING btree ("tenant_code","change_set_id","ordinal");--> statement-breakpoint
CREATE INDEX "power_item_versions_item_idx" ON "power_item_versions" USING btree ("tenant_code","item_id","version");--> statement-breakpoint
CREATE INDEX "power_item_versions_list_idx" ON "power_item_versions" USING btree ("tenant_code","organization_id","list_kind","effective_from");--> statement-breakpoint
CREATE INDEX "power_item_versions_kind_idx" ON "power_item_versions" USING btree ("tenant_code","list_kind","kind");--> statement-breakpoint
CREATE INDEX "power_item_versions_search_idx" ON "power_item_versions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "power_item_versions_name_trgm_idx" ON "power_item_versions" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "power_items_org_idx" ON "power_items" USING btree ("tenant_code","organization_id","list_kind","code");