import Link from "next/link";
import { explainerPath, EXPLAINER_PAGES } from "@/lib/explainers/pages";
import type { Facets, TrialSummary } from "@/lib/search/data";
import { PHASE_LABEL, phaseText, ROUTE_LABEL, SOURCE_LABEL } from "@/lib/search/labels";
import { ANY_RADIUS, DEFAULT_FILTERS, serializeSearch, type SearchFilters } from "@/lib/search/schema";
import { ROUTES, SOURCES } from "@/lib/classify/slugs";

// What sits below the home page's search: open cell-therapy trials, counts by cell source and
// injection route (each a link to that search), the explainers.

const searchHref = (patch: Partial<SearchFilters>) => {
  const qs = serializeSearch({ ...DEFAULT_FILTERS, ...patch });
  return qs ? `/trials?${qs}` : "/trials";
};

export function OpenTrials({ trials, total, near, placeLabel }: { trials: TrialSummary[]; total: number; near: string | null; placeLabel: string | null }) {
  const all = searchHref(near ? { near, radius: { ...ANY_RADIUS }, sort: "distance" } : {});
  return (
    <section aria-labelledby="open-trials" className="home-section">
      <h2 id="open-trials">Open cell-therapy trials{placeLabel ? `, nearest to ${placeLabel} first` : ""}</h2>
      <p className="muted">
        {total} trial{total === 1 ? "" : "s"} {placeLabel ? "open to new patients with a site on the map" : "open to new patients"}.{" "}
        {placeLabel ? "Distances are to each trial's nearest site." : "Give your place above and choose “Order the list below by distance” to see the nearest first."}
      </p>
      {trials.length ? (
        <ul className="trial-list home-trials" data-testid="home-trials">
          {trials.map((t) => (
            <li key={t.nctId}>
              <Link href={`/trials/${t.nctId}${near ? `?near=${encodeURIComponent(near)}` : ""}`}>{t.title}</Link>{" "}
              <span className="muted">
                ({t.phase.length ? `${phaseText(t.phase, PHASE_LABEL)} · ` : ""}
                {t.nearestSite
                  ? `${t.nearestSite.distanceMiles !== null ? `${Math.round(t.nearestSite.distanceMiles)} mi · ` : ""}${[t.nearestSite.city, t.nearestSite.state, t.nearestSite.country].filter(Boolean).join(", ")}`
                  : "no site listed yet"}
                )
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">No open cell-therapy trial is listed {placeLabel ? "with a located site" : "right now"}.</p>
      )}
      <p>
        <a href={all}>See all {total} in the trial finder</a>
      </p>
    </section>
  );
}

function CountList({ id, title, slugs, labels, counts, param }: { id: string; title: string; slugs: readonly string[]; labels: Record<string, string>; counts: Record<string, number>; param: "source" | "route" }) {
  const shown = slugs.filter((s) => (counts[s] ?? 0) > 0);
  return (
    <div>
      <h3 id={id}>{title}</h3>
      {shown.length ? (
        <ul className="home-counts" aria-labelledby={id} data-testid={`home-counts-${param}`}>
          {shown.map((s) => (
            <li key={s}>
              <a href={searchHref({ [param]: [s] })}>
                {labels[s] ?? s} <span className="count">({counts[s]})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None right now.</p>
      )}
    </div>
  );
}

export function Counts({ facets }: { facets: Facets }) {
  return (
    <section aria-labelledby="counts-h" className="home-section">
      <h2 id="counts-h">Open cell-therapy trials by cell source and injection route</h2>
      <div className="home-count-grid">
        <CountList id="counts-source" title="Where the cells come from" slugs={SOURCES} labels={SOURCE_LABEL} counts={facets.source} param="source" />
        <CountList id="counts-route" title="Where they are injected" slugs={ROUTES} labels={ROUTE_LABEL} counts={facets.route} param="route" />
      </div>
    </section>
  );
}

export function Explainers() {
  return (
    <section aria-labelledby="learn-h" className="home-section">
      <h2 id="learn-h">Understand the words before you search</h2>
      <ul className="home-explainers">
        {EXPLAINER_PAGES.slice(0, 8).map((p) => (
          <li key={p.slug}>
            <Link href={explainerPath(p.slug)}>{p.title}</Link>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/learn">All guides</Link>
      </p>
    </section>
  );
}
