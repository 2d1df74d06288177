CREATE TYPE "public"."direction" AS ENUM('higher_is_better', 'lower_is_better');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('cumulative', 'ratio', 'level');--> statement-breakpoint
CREATE TYPE "public"."region_level" AS ENUM('province', 'city', 'county');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TABLE "indicators" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"unit_zh" text NOT NULL,
	"unit_en" text NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"direction" "direction" NOT NULL,
	"category" text NOT NULL,
	"parts" text,
	"source" text,
	"seasonal_profile" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"level" "region_level" NOT NULL,
	"parent_code" varchar(6),
	CONSTRAINT "regions_code_format" CHECK ("regions"."code" ~ '^[0-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"value" numeric,
	"numerator" numeric,
	"denominator" numeric,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reports_month" CHECK ("reports"."month" between 1 and 12),
	CONSTRAINT "reports_nonneg" CHECK (coalesce("reports"."value", 0) >= 0 and coalesce("reports"."numerator", 0) >= 0 and coalesce("reports"."denominator", 0) >= 0),
	CONSTRAINT "reports_shape" CHECK (("reports"."value" is not null and "reports"."numerator" is null and "reports"."denominator" is null) or ("reports"."value" is null and "reports"."numerator" is not null and "reports"."denominator" is not null))
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"value" numeric NOT NULL,
	"due_month" smallint DEFAULT 12 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_due_month" CHECK ("targets"."due_month" between 1 and 12),
	CONSTRAINT "targets_value_nonneg" CHECK ("targets"."value" >= 0)
);
--> statement-breakpoint
ALTER TABLE "regions" ADD CONSTRAINT "regions_parent_code_regions_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_key" ON "reports" USING btree ("indicator_code","year","region_code","month");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_key" ON "targets" USING btree ("indicator_code","year","region_code");