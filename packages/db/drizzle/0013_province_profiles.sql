CREATE TABLE "province_profiles" (
	"region_code" varchar(6) NOT NULL,
	"indicator_code" text NOT NULL,
	"profile" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "province_profiles_region_code_indicator_code_pk" PRIMARY KEY("region_code","indicator_code"),
	CONSTRAINT "province_profiles_province" CHECK ("province_profiles"."region_code" ~ '^[0-9]{2}0000$')
);
--> statement-breakpoint
ALTER TABLE "targets" ADD COLUMN "linear" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "province_profiles" ADD CONSTRAINT "province_profiles_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "province_profiles" ADD CONSTRAINT "province_profiles_indicator_code_indicators_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicators"("code") ON DELETE cascade ON UPDATE no action;