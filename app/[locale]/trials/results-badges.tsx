import type { TrialSummary } from "@/lib/search/data";

// "Results posted" (on ClinicalTrials.gov) and "Results published" (a publication the record marks
// as reporting results): facts about the record, not about whether the treatment helped. Words and the
// links' start ("" or "/es") come from the page.

export function ResultsBadges({
  trial,
  words,
  base,
}: {
  trial: Pick<TrialSummary, "nctId" | "resultsPosted" | "resultsPublished">;
  words: { resultsPosted: string; resultsPublished: string };
  base: string;
}) {
  if (!trial.resultsPosted && !trial.resultsPublished) return null;
  const href = `${base}/trials/${trial.nctId}#evidence-h`;
  return (
    <p className="card-results" data-testid="results-badges">
      {trial.resultsPosted ? (
        <a className="badge badge-results" href={href}>
          {words.resultsPosted}
        </a>
      ) : null}
      {trial.resultsPublished ? (
        <a className="badge badge-results" href={href}>
          {words.resultsPublished}
        </a>
      ) : null}
    </p>
  );
}
