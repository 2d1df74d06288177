CREATE TABLE "chases" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"day" varchar(10) NOT NULL,
	"message" varchar(500),
	"chased_by" text NOT NULL,
	"chased_at" timestamp with time zone DEFAULT now() NOT NULL,
	"event_key" varchar(200) NOT NULL,
	CONSTRAINT "chases_month" CHECK ("chases"."month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "chases" ADD CONSTRAINT "chases_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "chases_day" ON "chases" USING btree ("region_code","year","month","day");