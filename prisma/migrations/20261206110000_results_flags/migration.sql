-- Hand-written. The `results=posted` search (SPEC §6): results posted on ClinicalTrials.gov
-- (trial.has_results) or a publication the record marks as reporting results (trial.results_published,
-- written by the sync from referencesModule). trial_search carries the combined flag so the search
-- and its facet count read the narrow table only.
ALTER TABLE "trial" ADD COLUMN "results_published" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "trial_search" ADD COLUMN "results" BOOLEAN NOT NULL DEFAULT false;

-- The complete definition (it replaces the one in cheaper_search_triggers): trial_search follows
-- trial once per statement.
CREATE OR REPLACE FUNCTION trial_search_sync_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "trial_search" (nct_id, live, overall_status, therapy, source, donor, route, phase, countries, last_update_post_date, start_date, results)
  SELECT c.nct_id, c.removed_at IS NULL, c.overall_status, c.therapy, c.source, c.donor, c.route, c.phase,
         coalesce(c.countries, ARRAY[]::text[]), c.last_update_post_date, c.start_date,
         coalesce(c.has_results, false) OR coalesce(c.results_published, false)
  FROM changed c
  ON CONFLICT (nct_id) DO UPDATE SET live = EXCLUDED.live, overall_status = EXCLUDED.overall_status, therapy = EXCLUDED.therapy,
    source = EXCLUDED.source, donor = EXCLUDED.donor, route = EXCLUDED.route, phase = EXCLUDED.phase, countries = EXCLUDED.countries,
    last_update_post_date = EXCLUDED.last_update_post_date, start_date = EXCLUDED.start_date, results = EXCLUDED.results;
  RETURN NULL;
END
$$;

-- Existing rows: read the stored records once. Only trials that gain the flag are rewritten (the
-- trigger then refreshes their trial_search row); trials with posted results are set directly.
UPDATE "trial" t SET results_published = true
WHERE jsonb_typeof(t.raw #> '{protocolSection,referencesModule,references}') = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(t.raw #> '{protocolSection,referencesModule,references}') r WHERE r->>'type' = 'RESULT');
UPDATE "trial_search" s SET results = true FROM "trial" t WHERE t.nct_id = s.nct_id AND t.has_results AND NOT s.results;
