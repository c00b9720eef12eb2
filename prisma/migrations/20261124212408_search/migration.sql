-- AlterTable
ALTER TABLE "trial" ADD COLUMN     "search_doc" tsvector;

-- Hand-written (lib/search): the free-text document behind `q`, kept by a trigger so every writer
-- (the sync's bulk upserts, reclassify, tests) fills it without knowing about it. Weights: titles A,
-- conditions/keywords/interventions B, summary C (ts_rank_cd uses them for relevance).
CREATE FUNCTION trial_search_doc() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_doc :=
    setweight(to_tsvector('english', coalesce(NEW.brief_title, '') || ' ' || coalesce(NEW.official_title, '') || ' ' || coalesce(NEW.acronym, '')), 'A') ||
    setweight(to_tsvector('english',
      array_to_string(NEW.conditions, ' ') || ' ' || array_to_string(NEW.keywords, ' ') || ' ' ||
      coalesce((
        SELECT string_agg(coalesce(e->>'name', '') || ' ' || coalesce(e->>'description', '') || ' ' || coalesce(e->>'otherNames', ''), ' ')
        FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW.raw #> '{protocolSection,armsInterventionsModule,interventions}') = 'array'
                                       THEN NEW.raw #> '{protocolSection,armsInterventionsModule,interventions}' ELSE '[]'::jsonb END) AS e
      ), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW.brief_summary, '')), 'C');
  RETURN NEW;
END
$$;

CREATE TRIGGER trial_search_doc_trg BEFORE INSERT OR UPDATE OF brief_title, official_title, acronym, conditions, keywords, brief_summary, raw
  ON "trial" FOR EACH ROW EXECUTE FUNCTION trial_search_doc();

UPDATE "trial" SET raw = raw;

CREATE INDEX "trial_search_doc_idx" ON "trial" USING GIN ("search_doc");
-- Results leave out removed trials; most queries also filter on status.
CREATE INDEX "trial_live_status_idx" ON "trial" ("overall_status") WHERE "removed_at" IS NULL;
