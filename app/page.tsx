import Link from "next/link";
import { isDatabaseDown } from "@/lib/db/health";
import { phaseText, STATUS_LABEL } from "@/lib/search/labels";
import { statusSlug } from "@/lib/search/schema";
import { lastSuccessfulSync, recentTrials, trialCounts } from "@/lib/trials/data";

export const dynamic = "force-dynamic";

async function load() {
  try {
    const [counts, last, trials] = await Promise.all([trialCounts(), lastSuccessfulSync(), recentTrials(50)]);
    return { ok: true as const, counts, last, trials };
  } catch (err) {
    if (isDatabaseDown(err)) return { ok: false as const };
    throw err;
  }
}

export default async function HomePage() {
  const data = await load();
  return (
    <>
      <h1>Clinical trials of cell therapy for disc and low back pain</h1>
      <p>
        Trials from ClinicalTrials.gov for degenerative disc disease, disc herniation and chronic low back pain, with
        plain-language labels for the cells used and where they are injected.{" "}
        <Link href="/learn">Learn what these treatments are</Link>.
      </p>
      <p>
        <Link href="/trials" className="button-link">
          Find open cell-therapy trials
        </Link>
      </p>
      {!data.ok ? (
        <p className="notice" role="status">
          The trial database is not reachable right now. Please try again in a minute.
        </p>
      ) : (
        <>
          <p>
            <strong>{data.counts.active}</strong> trials on file.{" "}
            {data.last?.finishedAt ? (
              <>
                Last updated from ClinicalTrials.gov on <time dateTime={data.last.finishedAt.toISOString()}>{data.last.finishedAt.toUTCString()}</time>.
              </>
            ) : (
              <>Not yet synced from ClinicalTrials.gov.</>
            )}
          </p>
          <h2>Most recently updated</h2>
          <ul className="trial-list">
            {data.trials.map((t) => (
              <li key={t.nctId}>
                <Link href={`/trials/${t.nctId}`}>{t.briefTitle}</Link>{" "}
                <span className="muted">
                  ({t.nctId} · {STATUS_LABEL[statusSlug(t.overallStatus)]}
                  {t.phase.length ? ` · ${phaseText(t.phase)}` : ""}
                  {t.sponsorName ? ` · ${t.sponsorName}` : ""})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
