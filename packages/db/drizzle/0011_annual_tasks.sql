CREATE TABLE "annual_tasks" (
	"province_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"indicator_code" text NOT NULL,
	"region_codes" jsonb,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "annual_tasks_province_code_year_indicator_code_pk" PRIMARY KEY("province_code","year","indicator_code")
);
--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD CONSTRAINT "annual_tasks_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_tasks" ADD CONSTRAINT "annual_tasks_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE no action ON UPDATE no action;