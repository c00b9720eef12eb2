-- Hand-written. Keep trial.countries and trial_search right for every writer, at less cost per page.
--
-- 1. The sync now writes trial.countries itself with each trial (it has the page's sites in hand), so
--    the site triggers only touch a trial whose stored set differs from its sites (compared as sets).
--    For the sync that is none; before, every written trial got a second row version and a second
--    trial_search upsert, which doubled the cost of a page.
CREATE OR REPLACE FUNCTION site_countries_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "trial" t SET countries = x.countries
  FROM (
    SELECT c.nct_id,
           coalesce((SELECT array_agg(DISTINCT s.country ORDER BY s.country) FROM "site" s WHERE s.nct_id = c.nct_id AND s.country IS NOT NULL),
                    ARRAY[]::text[]) AS countries
    FROM (SELECT DISTINCT nct_id FROM changed) c
  ) x
  WHERE t.nct_id = x.nct_id AND NOT (coalesce(t.countries, ARRAY[]::text[]) @> x.countries AND coalesce(t.countries, ARRAY[]::text[]) <@ x.countries);
  RETURN NULL;
END
$$;

-- 2. trial_search follows trial once per statement (one INSERT … SELECT per page), not once per row.
DROP TRIGGER IF EXISTS trial_search_sync_trg ON "trial";
DROP FUNCTION IF EXISTS trial_search_sync();

CREATE FUNCTION trial_search_sync_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "trial_search" (nct_id, live, overall_status, therapy, source, donor, route, phase, countries, last_update_post_date, start_date)
  SELECT c.nct_id, c.removed_at IS NULL, c.overall_status, c.therapy, c.source, c.donor, c.route, c.phase,
         coalesce(c.countries, ARRAY[]::text[]), c.last_update_post_date, c.start_date
  FROM changed c
  ON CONFLICT (nct_id) DO UPDATE SET live = EXCLUDED.live, overall_status = EXCLUDED.overall_status, therapy = EXCLUDED.therapy,
    source = EXCLUDED.source, donor = EXCLUDED.donor, route = EXCLUDED.route, phase = EXCLUDED.phase, countries = EXCLUDED.countries,
    last_update_post_date = EXCLUDED.last_update_post_date, start_date = EXCLUDED.start_date;
  RETURN NULL;
END
$$;

-- A trigger with transition tables may have one event only: one for inserts, one for updates.
CREATE TRIGGER trial_search_sync_ins AFTER INSERT ON "trial" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trial_search_sync_rows();
CREATE TRIGGER trial_search_sync_upd AFTER UPDATE ON "trial" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION trial_search_sync_rows();
