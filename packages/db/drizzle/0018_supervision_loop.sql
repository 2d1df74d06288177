ALTER TYPE "public"."supervision_kind" ADD VALUE 'reminder' BEFORE 'interview';--> statement-breakpoint
ALTER TABLE "province_settings" ADD COLUMN "supervision_ladder" jsonb;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "attendees" text;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "minutes" text;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "explanation" text;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "measures" text;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "answered_by" text;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "answered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "supervision_records" ADD COLUMN "close_proposed_at" timestamp with time zone;