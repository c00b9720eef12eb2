import type { TrialSummary } from "@/lib/search/data";

// "Results posted" (on ClinicalTrials.gov) and "Results published" (a publication the record marks
// as reporting results): facts about the record, not about whether the treatment helped.

export function ResultsBadges({ trial }: { trial: Pick<TrialSummary, "nctId" | "resultsPosted" | "resultsPublished"> }) {
  if (!trial.resultsPosted && !trial.resultsPublished) return null;
  return (
    <p className="card-results" data-testid="results-badges">
      {trial.resultsPosted ? (
        <a className="badge badge-results" href={`/trials/${trial.nctId}#evidence-h`}>
          Results posted
        </a>
      ) : null}
      {trial.resultsPublished ? (
        <a className="badge badge-results" href={`/trials/${trial.nctId}#evidence-h`}>
          Results published
        </a>
      ) : null}
    </p>
  );
}
