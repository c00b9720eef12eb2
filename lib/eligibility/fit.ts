import { checkRules, type Check } from "./check";
import type { Profile, StoredEligibility, TrialFit, Verdict } from "./schema";

/** One trial's answer to POST /api/fit (SPEC §9). */
export type FitResult = { nctId: string; verdict: Verdict; checks: Check[]; otherCriteria: number };

export function fitTrial(nctId: string, stored: StoredEligibility, profile: Profile): FitResult {
  const { verdict, checks } = checkRules(stored.rules, profile, stored.quotes);
  return { nctId, verdict, checks, otherCriteria: stored.uncovered.length };
}

/**
 * The short form a search result carries: the questions that rule the patient out, and the things
 * to ask the study team (questions the answers leave open plus the criteria no rule covers).
 */
export function summarizeFit(r: FitResult): TrialFit {
  return {
    verdict: r.verdict,
    fails: r.checks.filter((c) => c.result === "fails").map((c) => c.question),
    ask: r.checks.filter((c) => c.result === "ask").length + r.otherCriteria,
  };
}
