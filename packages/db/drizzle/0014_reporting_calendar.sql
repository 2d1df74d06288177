ALTER TABLE "province_settings" ADD COLUMN "deadline_day" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "province_settings" ADD COLUMN "grace_days" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "province_settings" ADD COLUMN "no_report_months" smallint[] DEFAULT '{}'::smallint[] NOT NULL;--> statement-breakpoint
ALTER TABLE "province_settings" ADD CONSTRAINT "province_settings_deadline_day" CHECK ("province_settings"."deadline_day" between 1 and 28);--> statement-breakpoint
ALTER TABLE "province_settings" ADD CONSTRAINT "province_settings_grace_days" CHECK ("province_settings"."grace_days" between 0 and 15);