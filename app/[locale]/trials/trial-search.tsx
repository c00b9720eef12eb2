"use client";

import { useSearchParams } from "next/navigation";
import type { FollowText } from "@/lib/alerts/text";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { parseSearch, serializeSearch, type SearchFilters } from "@/lib/search/schema";
import { answeredCount, useAnswers } from "./answers";
import { ChunkBoundary } from "./chunk-boundary";
import { CouldIJoin } from "./could-i-join";
import type { CouldIJoinText } from "./eligibility-words";
import { fetchTrials, type TrialsPage, UNREACHABLE } from "./fetch-trials";
import { FilterForm } from "./filter-form";
import { FilterPanel } from "./filter-panel";
import type { UiHelp } from "./help";
import { type Go, GoContext, isPlainClick, useGo } from "./navigate";
import type { QueryDriverProps, QueryView } from "./query-driver";
import { ResultsHeader } from "./results-header";

// The client island of /trials. The URL is the state: filters are parsed from it, every change
// pushes a new canonical URL (so back/forward and shared links work), and react-query fetches
// /api/trials for it: cached per search, aborted when superseded, and the previous results stay on
// screen (dimmed) until the new ones arrive. react-query itself loads with the first interaction
// (./query-driver.tsx, docs/decisions/031-query-on-interaction.md): until then the server's page is
// the whole answer, and a search that is not the server's shows it dimmed while the library loads.

const ResultsMap = lazy(() => import("./results-map"));
// Only searches with a bad parameter need this; keep it out of the first load.
const ParamErrors = lazy(() => import("./param-errors"));
// The first page's cards come rendered from the server (initialList). The card code is not part of the
// first load: it starts loading when the visitor first touches, clicks or tabs into the search, and
// every search waits for it as well as for its data, so new results never show with old cards.
let cardModule: typeof import("./trial-card") | undefined;
const loadCards = () => import("./trial-card").then((m) => (cardModule = m));
const LazyCardList = lazy(loadCards);
const loadDriver = () => import("./query-driver");
// If the library cannot load (a dropped connection), the search says so instead of failing the page.
const QueryDriver = lazy(async (): Promise<{ default: (props: QueryDriverProps) => ReactNode }> => loadDriver().catch(() => ({ default: DriverUnavailable })));

export type TrialSearchProps = {
  initialKey: string;
  initial: TrialsPage;
  /** The server-rendered cards of `initial`. */
  initialList: ReactNode;
  help: UiHelp;
  tiles: { url: string; attribution: string };
  /** The "Could I join?" box's explanation, server-rendered. */
  eligibilityIntro: ReactNode;
  /** The "Could I join?" wording in the page's language (./eligibility-text.ts). */
  eligibilityText: CouldIJoinText;
  /** "Follow this search" in the page's language (followTextFor, lib/alerts/text.ts). */
  follow: FollowText;
};

export function TrialSearch({ initialKey, initial, initialList, help, tiles, eligibilityIntro, eligibilityText, follow }: TrialSearchProps) {
  const { base, words } = help;
  // data-hydrated="true" once interactive (tests wait for it): set on the element after hydration,
  // not through state, so marking it costs no second render of the whole search.
  const layout = useRef<HTMLDivElement>(null);
  useEffect(() => {
    layout.current?.setAttribute("data-hydrated", "true");
  }, []);
  const params = useSearchParams();
  const urlQs = params.toString();
  // The router updates useSearchParams after the click event; until then the search just chosen is
  // shown, so a ticked box stays ticked. Any other URL change (back/forward) wins.
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
  // Once the URL has moved on (the router caught up, or back/forward), forget it.
  if (pending && pending.from !== urlQs) setPending(null);
  const qs = pending && pending.from === urlQs ? pending.to : urlQs;
  const go = useCallback<Go>(
    (next) => {
      const to = serializeSearch(next);
      setPending({ from: urlQs, to });
      window.history.pushState(null, "", to ? `${base}/trials?${to}` : `${base}/trials`);
    },
    [urlQs, base],
  );
  const { filters, errors: parseErrors } = useMemo(() => parseSearch(new URLSearchParams(qs)), [qs]);
  // The header's language switch was written for the URL the page was loaded at: it follows the search.
  useEffect(() => {
    const other = document.querySelector<HTMLAnchorElement>(".site-header a[hreflang]");
    if (other) other.search = serializeSearch(filters);
  }, [filters]);
  const apiQs = serializeSearch(filters, { withView: false });
  // With answers, the search is a POST carrying them; the query key holds only a counter of answer
  // changes, never the answers themselves.
  const a = useAnswers();
  const withAnswers = answeredCount(a.profile) > 0 ? { profile: a.profile, hideRuledOut: a.hideRuledOut } : undefined;
  const hasAnswers = withAnswers !== undefined;
  const queryKey = useMemo(() => (hasAnswers ? ["trials", apiQs, "answers", a.revision] : ["trials", apiQs]), [hasAnswers, apiQs, a.revision]);
  const isServerSearch = apiQs === initialKey && !withAnswers;
  // The query library joins on the first touch, click or tab into the search, or as soon as the search
  // shown is not the server's; it then reports each key's state here.
  const [wanted, setWanted] = useState(false);
  const warm = useCallback(() => {
    void loadCards();
    void loadDriver();
    setWanted(true);
  }, []);
  const [view, setView] = useState<QueryView | null>(null);
  const query = queryView(view, JSON.stringify(queryKey), isServerSearch, initial);
  const fresh = query.data;
  // The results last shown. When a new search fails they stay on screen, dimmed, under the message
  // (their counts beside the filters do not: those would describe the old search).
  const [lastShown, setLastShown] = useState<TrialsPage | undefined>(fresh);
  if (fresh && fresh !== lastShown) setLastShown(fresh);
  const failed = query.isError && !fresh;
  const data = fresh ?? (failed ? lastShown : undefined);
  const stale = query.isPlaceholderData || failed;
  const CardList = cardModule?.default ?? LazyCardList;
  const listHref = useCallback((where: { country?: string; state?: string; city?: string }) => `${base}/trials?${serializeSearch({ ...filters, ...where, page: 1, view: "list" })}`, [filters, base]);
  // Errors, place and distances belong to the search asked for: none of the previous one's.
  const errors = [...parseErrors, ...(fresh?.errors ?? [])];
  const near = fresh?.place ? filters.near : undefined;

  return (
    <GoContext value={go}>
      <div className="search-layout" ref={layout} onPointerDownCapture={warm} onFocusCapture={warm}>
        {wanted || !isServerSearch ? (
          <Suspense fallback={null}>
            <QueryDriver
              queryKey={queryKey}
              fetchPage={async (signal) => (await Promise.all([fetchTrials(apiQs, signal, withAnswers), loadCards().catch(() => undefined)]))[0]}
              initialData={isServerSearch ? initial : undefined}
              placeholder={apiQs === initialKey ? initial : undefined}
              onView={setView}
            />
          </Suspense>
        ) : null}
        <FilterPanel filters={filters} words={words.panel} base={base}>
          <FilterForm filters={filters} facets={fresh?.facets} help={help} placeLabel={fresh?.place?.label ?? null} />
        </FilterPanel>
        <section className="results" aria-labelledby="results-heading" aria-busy={query.isFetching}>
          <CouldIJoin intro={eligibilityIntro} text={eligibilityText} />
          {errors.length > 0 && (
            <ChunkBoundary>
              <Suspense fallback={null}>
                <ParamErrors errors={errors} words={words.paramErrors} onPick={(near) => go({ ...filters, near, page: 1 })} />
              </Suspense>
            </ChunkBoundary>
          )}
          {failed ? (
            <p className="notice" role="alert">
              {/* The English page says what went wrong as the API put it; another language says it in its own words. */}
              {help.locale === "en" ? (query.error as Error | undefined)?.message : words.state.failed}
              {data ? ` ${words.state.showingPrevious}` : ""}{" "}
              <button type="button" onClick={() => query.refetch()}>
                {words.state.tryAgain}
              </button>
            </p>
          ) : null}
          {data ? (
            <>
              <ResultsHeader
                filters={filters}
                total={data.total}
                fetching={query.isFetching}
                place={data.place?.label ?? null}
                sortLabels={help.labels.sort}
                previous={failed}
                words={words.header}
                locale={help.locale}
                base={base}
                follow={follow}
              />
              {filters.view === "map" ? (
                <ChunkBoundary>
                  <Suspense fallback={<p>{words.state.loadingMap}</p>}>
                    <ResultsMap apiQs={apiQs} listHref={listHref} place={data.place} tiles={tiles} words={words.map} base={base} recordLang={help.locale === "en" ? undefined : "en"} />
                  </Suspense>
                </ChunkBoundary>
              ) : null}
              {data === initial && !stale ? (
                initialList
              ) : (
                <ChunkBoundary>
                  <Suspense fallback={<div className="cards-loading">{initialList}</div>}>
                    <CardList trials={data.trials} help={help} near={near} start={(data.page - 1) * data.pageSize + 1} stale={stale} ruledOutHidden={withAnswers?.hideRuledOut} />
                  </Suspense>
                </ChunkBoundary>
              )}
              {failed ? null : <Pager filters={filters} total={data.total} pageSize={data.pageSize} words={words.pager} base={base} />}
            </>
          ) : query.isPending ? (
            <p role="status">{words.state.loading}</p>
          ) : null}
        </section>
      </div>
    </GoContext>
  );
}

/** Stands in for the driver when its code failed to load: the server's page stays; any other search reports the failure. */
function DriverUnavailable({ queryKey, initialData, onView }: QueryDriverProps) {
  const key = JSON.stringify(queryKey);
  useLayoutEffect(() => {
    const base = { key, isFetching: false, isPlaceholderData: false, isPending: false, refetch: () => window.location.reload() };
    if (initialData) onView({ ...base, data: initialData, isError: false, error: undefined });
    else onView({ ...base, data: undefined, isError: true, error: new Error(UNREACHABLE) });
  }, [key, initialData, onView]);
  return null;
}

/**
 * The query state to show for `key`: the driver's once it has reported on this key; before that, the
 * server's page when this is the server's search, or else the last page shown (or the server's),
 * dimmed and marked as fetching while the library loads.
 */
function queryView(view: QueryView | null, key: string, isServerSearch: boolean, initial: TrialsPage): QueryView {
  if (view && view.key === key) return view;
  const none = { key, isError: false, error: undefined, isPending: false, refetch: () => undefined };
  if (isServerSearch) return { ...none, data: initial, isFetching: false, isPlaceholderData: false };
  return { ...none, data: view?.data ?? initial, isFetching: true, isPlaceholderData: true };
}

function Pager({ filters, total, pageSize, words: w, base }: { filters: SearchFilters; total: number; pageSize: number; words: UiHelp["words"]["pager"]; base: string }) {
  const go = useGo();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const link = (page: number, text: string, rel: string) => {
    const next = { ...filters, page };
    const qs = serializeSearch(next);
    return (
      <a
        href={qs ? `${base}/trials?${qs}` : `${base}/trials`}
        rel={rel}
        onClick={(e) => {
          if (!isPlainClick(e)) return;
          e.preventDefault();
          go(next);
          document.getElementById("results-heading")?.focus();
        }}
      >
        {text}
      </a>
    );
  };
  return (
    <nav className="pager" aria-label={w.label}>
      {filters.page > 1 ? link(filters.page - 1, w.previous, "prev") : <span />}
      <span>{w.page.replace("{page}", String(Math.min(filters.page, pages))).replace("{pages}", String(pages))}</span>
      {filters.page < pages ? link(filters.page + 1, w.next, "next") : <span />}
    </nav>
  );
}
