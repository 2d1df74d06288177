CREATE TYPE "public"."supervision_kind" AS ENUM('interview', 'listed');--> statement-breakpoint
CREATE TABLE "supervision_records" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" "supervision_kind" NOT NULL,
	"held_on" text NOT NULL,
	"indicator_codes" jsonb NOT NULL,
	"actions" text NOT NULL,
	"deadline" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" text,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "target_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"from_year" smallint NOT NULL,
	"to_year" smallint NOT NULL,
	"total" numeric NOT NULL,
	"year_values" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_plans_years" CHECK ("target_plans"."to_year" >= "target_plans"."from_year"),
	CONSTRAINT "target_plans_total_nonneg" CHECK ("target_plans"."total" >= 0)
);
--> statement-breakpoint
ALTER TABLE "supervision_records" ADD CONSTRAINT "supervision_records_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plans" ADD CONSTRAINT "target_plans_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_plans" ADD CONSTRAINT "target_plans_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_records_region" ON "supervision_records" USING btree ("region_code","closed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "target_plans_key" ON "target_plans" USING btree ("indicator_code","region_code","from_year");