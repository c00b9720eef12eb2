import { getTranslations } from "next-intl/server";
import { explainerPagesFor } from "@/lib/explainers/locales";
import { explainerPath } from "@/lib/explainers/pages";
import { labelsFor } from "@/lib/i18n/labels";
import { localePath, type Locale } from "@/lib/i18n/paths";
import type { Facets, TrialSummary } from "@/lib/search/data";
import { phaseText } from "@/lib/search/labels";
import { ANY_RADIUS, DEFAULT_FILTERS, serializeSearch, type SearchFilters } from "@/lib/search/schema";
import { ROUTES, SOURCES } from "@/lib/classify/slugs";
import { formatCount } from "./format";

// What sits below the home page's search: open cell-therapy trials, counts by cell source and
// injection route (each a link to that search), the explainers. Record text (trial titles) stays
// English: on other languages' pages it is marked lang="en".

const searchHref = (locale: Locale, patch: Partial<SearchFilters>) => {
  const qs = serializeSearch({ ...DEFAULT_FILTERS, ...patch });
  return localePath(locale, qs ? `/trials?${qs}` : "/trials");
};

/** Text from the record (a site's place): marked English on other languages' pages, left bare on English ones. */
function RecordText({ lang, children }: { lang: string | undefined; children: string }) {
  return lang ? <span lang={lang}>{children}</span> : children;
}

export async function OpenTrials({ trials, total, near, placeLabel, locale }: { trials: TrialSummary[]; total: number; near: string | null; placeLabel: string | null; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "home" });
  const labels = labelsFor(locale);
  const all = searchHref(locale, near ? { near, radius: { ...ANY_RADIUS }, sort: "distance" } : {});
  const n = formatCount(total, locale);
  const recordLang = locale === "en" ? undefined : "en";
  return (
    <section aria-labelledby="open-trials" className="home-section">
      <h2 id="open-trials">{placeLabel ? t("openHeadingNear", { place: placeLabel }) : t("openHeading")}</h2>
      <p className="muted">
        {placeLabel ? t("openCountNear", { count: total, n }) : t("openCount", { count: total, n })} {placeLabel ? t("distancesNote") : t("orderHint")}
      </p>
      {trials.length ? (
        <ul className="trial-list home-trials" data-testid="home-trials">
          {trials.map((trial) => (
            <li key={trial.nctId}>
              <a href={localePath(locale, `/trials/${trial.nctId}${near ? `?near=${encodeURIComponent(near)}` : ""}`)} lang={recordLang}>
                {trial.title}
              </a>{" "}
              <span className="muted">
                ({trial.phase.length ? `${phaseText(trial.phase, labels.phase, labels.phaseWords)} · ` : ""}
                {trial.nearestSite ? (
                  <>
                    {trial.nearestSite.distanceMiles !== null ? `${t("miles", { n: formatCount(Math.round(trial.nearestSite.distanceMiles), locale) })} · ` : ""}
                    <RecordText lang={recordLang}>{[trial.nearestSite.city, trial.nearestSite.state, trial.nearestSite.country].filter(Boolean).join(", ")}</RecordText>
                  </>
                ) : (
                  t("noSite")
                )}
                )
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{placeLabel ? t("emptyNear") : t("emptyNow")}</p>
      )}
      <p>
        <a href={all}>{t("seeAll", { n })}</a>
      </p>
    </section>
  );
}

function CountList({ id, title, slugs, labels, counts, param, none, locale }: { id: string; title: string; slugs: readonly string[]; labels: Record<string, string>; counts: Record<string, number>; param: "source" | "route"; none: string; locale: Locale }) {
  const shown = slugs.filter((s) => (counts[s] ?? 0) > 0);
  return (
    <div>
      <h3 id={id}>{title}</h3>
      {shown.length ? (
        <ul className="home-counts" aria-labelledby={id} data-testid={`home-counts-${param}`}>
          {shown.map((s) => (
            <li key={s}>
              <a href={searchHref(locale, { [param]: [s] })}>
                {labels[s] ?? s} <span className="count">({formatCount(counts[s] ?? 0, locale)})</span>
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{none}</p>
      )}
    </div>
  );
}

export async function Counts({ facets, locale }: { facets: Facets; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "home" });
  const labels = labelsFor(locale);
  return (
    <section aria-labelledby="counts-h" className="home-section">
      <h2 id="counts-h">{t("countsHeading")}</h2>
      <div className="home-count-grid">
        <CountList id="counts-source" title={t("countsSource")} slugs={SOURCES} labels={labels.source} counts={facets.source} param="source" none={t("countsNone")} locale={locale} />
        <CountList id="counts-route" title={t("countsRoute")} slugs={ROUTES} labels={labels.route} counts={facets.route} param="route" none={t("countsNone")} locale={locale} />
      </div>
    </section>
  );
}

export async function Explainers({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "home" });
  return (
    <section aria-labelledby="learn-h" className="home-section">
      <h2 id="learn-h">{t("explainersHeading")}</h2>
      <ul className="home-explainers">
        {explainerPagesFor(locale)
          .slice(0, 8)
          .map((p) => (
            <li key={p.slug}>
              <a href={localePath(locale, explainerPath(p.slug))}>{p.title}</a>
            </li>
          ))}
      </ul>
      <p>
        <a href={localePath(locale, "/learn")}>{t("allGuides")}</a>
      </p>
    </section>
  );
}
