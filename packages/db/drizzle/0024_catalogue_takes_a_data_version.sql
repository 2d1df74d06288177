-- A catalogue change also takes a data version and announces it (as a change that is not data
-- only), whoever made it. Until now a change made outside the API (psql, a seed) only said
-- 'catalogue': processes dropped the catalogue they kept, but dashboard answers and ETags made
-- from the old catalogue stayed current until the next data change, and an answer computed
-- before that signal arrived was kept under the new version. A version makes every process
-- (and every client's ETag) start again, as any change through the API does.
CREATE OR REPLACE FUNCTION "raise_catalogue_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "catalogue_version" SET "version" = nextval('catalogue_version_numbers') WHERE "id" = 1;
  PERFORM pg_notify('jindu_changes', 'catalogue');
  PERFORM pg_notify('jindu_changes', nextval('data_version')::text);
  RETURN NULL;
END $$;
