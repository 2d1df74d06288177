-- A catalogue change (indicators, task lists, targets, settings, regions, seasonal profiles) is
-- announced at commit on the channel every API process listens to, whoever made it (the API, a
-- seed, psql): processes keep the catalogue's reads in memory until they hear this.
CREATE OR REPLACE FUNCTION "raise_catalogue_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = nextval('catalogue_version_numbers') WHERE "id" = 1;
  PERFORM pg_notify('jindu_changes', 'catalogue');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "province_profiles_catalogue_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "province_profiles" FOR EACH STATEMENT EXECUTE FUNCTION "raise_catalogue_version"();
