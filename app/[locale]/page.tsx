import { redirect } from "next/navigation";
import { HomeSearchForm } from "./_home/search-form";
import { Counts, Explainers, OpenTrials } from "./_home/home-sections";
import { db } from "@/lib/db/client";
import { isDatabaseDown } from "@/lib/db/health";
import { DATABASE_UNREACHABLE } from "@/lib/http/errors";
import { prepareSearch, runSearch } from "@/lib/search/run";
import { DEFAULT_FILTERS, serializeSearch } from "@/lib/search/schema";
import { lastSuccessfulRun, trialCounts } from "@/lib/sync/data";
import "./_home/home.css";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The open cell-therapy trials (the default search), nearest first at any distance when the home page's URL names a place. */
async function load(near: string | null) {
  const prepared = prepareSearch(near ? { near, radius: "any", sort: "distance" } : {});
  try {
    const [counts, last, open] = await Promise.all([trialCounts(db()), lastSuccessfulRun(db()), runSearch(db(), prepared)]);
    return { ok: true as const, counts, last, open, prepared };
  } catch (err) {
    if (isDatabaseDown(err)) return { ok: false as const };
    throw err;
  }
}

/**
 * The home page's one address per place: `/?near=<place>` (spelled as /trials spells it) or `/`. The
 * form's "order the list below by distance" button sends every field (radius, therapy, status): the
 * list below uses only the place, so anything else is dropped with a redirect.
 */
function canonicalHome(params: Awaited<SearchParams>): { near: string | null; redirectTo: string | null } {
  const raw = params.near;
  const near = typeof raw === "string" && raw.trim() ? raw.trim().slice(0, 100) : null;
  const canonical = raw === undefined || (near !== null && raw === near);
  const extra = Object.keys(params).some((k) => k !== "near");
  if (canonical && !extra) return { near, redirectTo: null };
  return { near, redirectTo: near ? `/?${serializeSearch({ ...DEFAULT_FILTERS, near })}` : "/" };
}

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { near, redirectTo } = canonicalHome(await searchParams);
  if (redirectTo) redirect(redirectTo);
  const data = await load(near);
  const nearError = data.ok ? data.prepared.errors.find((e) => e.param === "near") : undefined;
  const place = data.ok ? data.prepared.place : null;
  return (
    <>
      <h1>Clinical trials of cell therapy for disc and low back pain</h1>
      <p className="lead">
        Trials from ClinicalTrials.gov for degenerative disc disease, disc herniation and chronic low back pain, with
        plain-language labels for the cells used and where they are injected.
      </p>
      <HomeSearchForm near={near ?? ""} />
      {nearError ? (
        <p className="notice" role="alert" data-testid="home-near-error">
          {nearError.message.replace(/^near: /, "")}
        </p>
      ) : null}
      {!data.ok ? (
        <p className="notice" role="status">
          {DATABASE_UNREACHABLE}
        </p>
      ) : (
        <>
          <OpenTrials trials={data.open.trials.slice(0, 10)} total={data.open.total} near={place ? near : null} placeLabel={place?.label ?? null} />
          <Counts facets={data.open.facets} />
          <Explainers />
          <section aria-labelledby="about-h" className="home-section">
            <h2 id="about-h">About this information</h2>
            <p className="notice" role="note" data-testid="home-notice">
              <strong>This site gives information, not medical advice.</strong> A listing is not a recommendation, and
              being listed does not mean a treatment is safe or that it helps. Talk with your own doctor before you decide
              anything about a treatment or a trial.
            </p>
            <p>
              <strong data-testid="home-total">{data.counts.active}</strong> trials on file.{" "}
              {data.last?.finishedAt ? (
                <>
                  Last updated from ClinicalTrials.gov on{" "}
                  <time dateTime={data.last.finishedAt.toISOString()}>{data.last.finishedAt.toUTCString()}</time>.
                </>
              ) : (
                <>Not yet synced from ClinicalTrials.gov.</>
              )}
            </p>
          </section>
        </>
      )}
    </>
  );
}
