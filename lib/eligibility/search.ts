import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { cached } from "../search/cache";
import { facetCounts, matchingIds, pageOfTrials, type SearchResult, type TrialSummary } from "../search/data";
import { indexedMatchingIds, indexedSearch } from "../search/index-run";
import { PAGE_SIZE } from "../search/schema";
import { matchKey, runSearch, type PreparedSearch } from "../search/run";
import { checkRules } from "./check";
import { eligibilityOf } from "./data";
import { fitTrial, summarizeFit } from "./fit";
import type { Profile, TrialFit } from "./schema";

export type TrialWithFit = TrialSummary & { fit: TrialFit | null };
export type SearchWithFit = Omit<SearchResult, "trials"> & { trials: TrialWithFit[] };

async function withFit(prisma: PrismaClient, trials: TrialSummary[], profile: Profile): Promise<TrialWithFit[]> {
  const rules = await eligibilityOf(
    prisma,
    trials.map((t) => t.nctId),
  );
  return trials.map((t) => {
    const stored = rules.get(t.nctId);
    return { ...t, fit: stored ? summarizeFit(fitTrial(t.nctId, stored, profile)) : null };
  });
}

/**
 * POST /api/trials (SPEC §9): a search with each result's fit. Without hideRuledOut the search itself
 * is the cached one (its key is the query alone). With it, every match is checked in memory and the
 * ruled-out ones are left out of the page, the total and the facet counts; that search is never
 * cached, since what it leaves out follows from the answers.
 */
export async function searchWithFit(prisma: PrismaClient, prepared: PreparedSearch, profile: Profile, hideRuledOut: boolean): Promise<SearchWithFit> {
  if (!hideRuledOut) {
    const res = await runSearch(prisma, prepared);
    return { ...res, trials: await withFit(prisma, res.trials, profile) };
  }
  const { filters, place } = prepared;
  // From the in-memory index when it is built for the current data version (lib/search/index-run.ts), else SQL.
  const ids =
    (await indexedMatchingIds(prisma, filters, place)) ?? (await cached(prisma, `ids:${matchKey(prepared)}`, () => matchingIds(prisma, filters, place), { staleWhileSyncing: true }));
  const rules = await eligibilityOf(prisma, ids);
  const exclude = ids.filter((id) => {
    const stored = rules.get(id);
    return stored !== undefined && checkRules(stored.rules, profile).verdict === "ruled-out";
  });
  const fromIndex = await indexedSearch(prisma, filters, place, { exclude });
  const [{ total, facets }, trials] = fromIndex
    ? [fromIndex, fromIndex.trials]
    : await Promise.all([facetCounts(prisma, filters, place, { exclude }), pageOfTrials(prisma, filters, place, { exclude })]);
  return { total, page: filters.page, pageSize: PAGE_SIZE, facets, trials: await withFit(prisma, trials, profile) };
}
