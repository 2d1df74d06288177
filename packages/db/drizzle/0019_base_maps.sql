CREATE TABLE "base_maps" (
	"province_code" varchar(6) PRIMARY KEY NOT NULL,
	"approval_number" varchar(60) NOT NULL,
	"regions" jsonb NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "base_maps" ADD CONSTRAINT "base_maps_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;