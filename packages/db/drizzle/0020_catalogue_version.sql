CREATE TABLE "catalogue_version" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "catalogue_version_one_row" CHECK ("catalogue_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO "catalogue_version" ("id", "version") VALUES (1, 0);
--> statement-breakpoint
-- Versions come from a sequence, which never hands out a number twice: a rolled-back change's
-- version (under which it may have read its own uncommitted rows) is never seen again.
CREATE SEQUENCE "catalogue_version_numbers";
--> statement-breakpoint
-- Raised in the changing transaction itself: a reader never sees new rows under an old version.
CREATE FUNCTION "raise_catalogue_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = nextval('catalogue_version_numbers') WHERE "id" = 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "indicators_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicators" FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
--> statement-breakpoint
CREATE TRIGGER "annual_tasks_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "annual_tasks" FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
--> statement-breakpoint
CREATE TRIGGER "targets_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "targets" FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
--> statement-breakpoint
CREATE TRIGGER "province_settings_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "province_settings" FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
--> statement-breakpoint
CREATE TRIGGER "regions_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "regions" FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
