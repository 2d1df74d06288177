ALTER TABLE "indicators" ADD COLUMN "owner_code" varchar(6);--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "whole_number" boolean;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "first_year" smallint;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "last_year" smallint;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_code_regions_code_fk" FOREIGN KEY ("owner_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;