CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"channel_id" integer NOT NULL,
	"event_key" varchar(200) NOT NULL,
	"recipient" varchar(254) DEFAULT '' NOT NULL,
	"message" jsonb NOT NULL,
	"attachment" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" varchar(1000),
	"response_status" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notification_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" varchar(100) NOT NULL,
	"province_code" varchar(6),
	"kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"config" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"channel" text NOT NULL,
	"enabled" boolean NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_channel_pk" PRIMARY KEY("user_id","kind","channel")
);
--> statement-breakpoint
CREATE TABLE "scheduled_runs" (
	"job" varchar(50) NOT NULL,
	"slot" varchar(20) NOT NULL,
	"run_by" varchar(100) NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" varchar(1000),
	CONSTRAINT "scheduled_runs_job_slot_pk" PRIMARY KEY("job","slot")
);
--> statement-breakpoint
ALTER TABLE "province_settings" ADD COLUMN "reminder_days_before" smallint DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "province_settings" ADD COLUMN "escalate_after_days" smallint DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "province_settings" ADD COLUMN "bulletin_day" smallint;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_channel_id_notification_channels_id_fk" FOREIGN KEY ("channel_id") REFERENCES "public"."notification_channels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_province_code_regions_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_once" ON "deliveries" USING btree ("channel_id","recipient","event_key");--> statement-breakpoint
CREATE INDEX "deliveries_due" ON "deliveries" USING btree ("next_attempt_at") WHERE "deliveries"."status" in ('pending', 'sending');--> statement-breakpoint
ALTER TABLE "province_settings" ADD CONSTRAINT "province_settings_reminder_days" CHECK ("province_settings"."reminder_days_before" between 0 and 10);--> statement-breakpoint
ALTER TABLE "province_settings" ADD CONSTRAINT "province_settings_escalate_days" CHECK ("province_settings"."escalate_after_days" between 1 and 30);--> statement-breakpoint
ALTER TABLE "province_settings" ADD CONSTRAINT "province_settings_bulletin_day" CHECK ("province_settings"."bulletin_day" between 1 and 28);