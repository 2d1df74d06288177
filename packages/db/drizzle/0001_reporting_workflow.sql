CREATE TABLE "idempotency_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"scope" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"indicator_code" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"old_value" numeric,
	"new_value" numeric,
	"old_numerator" numeric,
	"new_numerator" numeric,
	"old_denominator" numeric,
	"new_denominator" numeric,
	"old_status" "report_status",
	"new_status" "report_status" NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"status" "report_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reason" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_month" CHECK ("submissions"."month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "explanation" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_revisions_key" ON "report_revisions" USING btree ("indicator_code","region_code","year","month","id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_key" ON "submissions" USING btree ("year","month","region_code");--> statement-breakpoint
CREATE FUNCTION jindu_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER report_revisions_append_only BEFORE UPDATE OR DELETE ON report_revisions
  FOR EACH ROW EXECUTE FUNCTION jindu_refuse_change();--> statement-breakpoint
CREATE TRIGGER report_revisions_no_truncate BEFORE TRUNCATE ON report_revisions
  FOR EACH STATEMENT EXECUTE FUNCTION jindu_refuse_change();
