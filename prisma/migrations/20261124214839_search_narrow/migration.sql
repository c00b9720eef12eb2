-- AlterTable
ALTER TABLE "trial" ADD COLUMN     "countries" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "trial_search" (
    "nct_id" TEXT NOT NULL,
    "live" BOOLEAN NOT NULL,
    "overall_status" TEXT NOT NULL,
    "therapy" TEXT[],
    "source" TEXT[],
    "donor" TEXT,
    "route" TEXT[],
    "phase" TEXT[],
    "countries" TEXT[],
    "last_update_post_date" DATE,
    "start_date" DATE,

    CONSTRAINT "trial_search_pkey" PRIMARY KEY ("nct_id")
);

-- CreateIndex
CREATE INDEX "trial_countries_idx" ON "trial" USING GIN ("countries");

-- AddForeignKey
ALTER TABLE "trial_search" ADD CONSTRAINT "trial_search_nct_id_fkey" FOREIGN KEY ("nct_id") REFERENCES "trial"("nct_id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Hand-written (lib/search): keep trial.countries equal to the distinct countries of its sites.
-- Statement-level triggers with transition tables: the sync replaces a page's sites with one DELETE
-- and one INSERT, so each page costs one UPDATE of the affected trials, not one per site row.
CREATE FUNCTION site_countries_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "trial" t SET countries = coalesce(
      (SELECT array_agg(DISTINCT s.country ORDER BY s.country) FROM "site" s WHERE s.nct_id = t.nct_id AND s.country IS NOT NULL),
      ARRAY[]::text[])
    WHERE t.nct_id IN (SELECT DISTINCT nct_id FROM changed);
  RETURN NULL;
END
$$;

CREATE TRIGGER site_countries_ins AFTER INSERT ON "site" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION site_countries_sync();
CREATE TRIGGER site_countries_upd AFTER UPDATE ON "site" REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION site_countries_sync();
CREATE TRIGGER site_countries_del AFTER DELETE ON "site" REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION site_countries_sync();

UPDATE "trial" t SET countries = coalesce(
  (SELECT array_agg(DISTINCT s.country ORDER BY s.country) FROM "site" s WHERE s.nct_id = t.nct_id AND s.country IS NOT NULL),
  ARRAY[]::text[]);

-- Hand-written (lib/search): keep trial_search equal to its trial row. AFTER the trial row is final
-- (countries come from the site triggers above, which update trial and so land here too).
CREATE FUNCTION trial_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "trial_search" (nct_id, live, overall_status, therapy, source, donor, route, phase, countries, last_update_post_date, start_date)
  VALUES (NEW.nct_id, NEW.removed_at IS NULL, NEW.overall_status, NEW.therapy, NEW.source, NEW.donor, NEW.route, NEW.phase,
          coalesce(NEW.countries, ARRAY[]::text[]), NEW.last_update_post_date, NEW.start_date)
  ON CONFLICT (nct_id) DO UPDATE SET live = EXCLUDED.live, overall_status = EXCLUDED.overall_status, therapy = EXCLUDED.therapy,
    source = EXCLUDED.source, donor = EXCLUDED.donor, route = EXCLUDED.route, phase = EXCLUDED.phase, countries = EXCLUDED.countries,
    last_update_post_date = EXCLUDED.last_update_post_date, start_date = EXCLUDED.start_date;
  RETURN NULL;
END
$$;

CREATE TRIGGER trial_search_sync_trg AFTER INSERT OR UPDATE ON "trial" FOR EACH ROW EXECUTE FUNCTION trial_search_sync();

INSERT INTO "trial_search" (nct_id, live, overall_status, therapy, source, donor, route, phase, countries, last_update_post_date, start_date)
SELECT nct_id, removed_at IS NULL, overall_status, therapy, source, donor, route, phase, coalesce(countries, ARRAY[]::text[]), last_update_post_date, start_date
FROM "trial";
