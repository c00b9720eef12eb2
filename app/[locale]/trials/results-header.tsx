"use client";

import { useState } from "react";
import type { FollowText } from "@/lib/alerts/text";
import { serializeSearch, SORTS, type SearchFilters, type Sort } from "@/lib/search/schema";
import { FollowSearch } from "./follow-search";
import type { SearchWords } from "./search-words";
import { useGo } from "./navigate";

export function ResultsHeader({
  filters,
  total,
  fetching,
  place,
  sortLabels,
  previous = false,
  words: w,
  locale,
  base,
  follow,
}: {
  filters: SearchFilters;
  total: number;
  fetching: boolean;
  place: string | null;
  sortLabels: Record<string, string>;
  /** The figures are the previous search's (the one asked for failed). */
  previous?: boolean;
  /** The header's words in the page's language, its locale (numbers) and its links' start ("" or "/es"). */
  words: SearchWords["header"];
  locale: string;
  base: string;
  /** "Follow this search" in the page's language (followTextFor, lib/alerts/text.ts). */
  follow: FollowText;
}) {
  const go = useGo();
  const [copied, setCopied] = useState<string>("");
  const exportQs = serializeSearch({ ...filters, page: 1 }, { withPage: false, withView: false });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(w.copied);
    } catch {
      setCopied(w.copyThis.replace("{url}", window.location.href));
    }
  };
  return (
    <div className="results-header">
      <h2 id="results-heading" tabIndex={-1} data-testid="result-count">
        {previous ? `${w.previous} ` : ""}
        {(total === 1 ? w.count.one : w.count.other).replace("{count}", total.toLocaleString(locale))}
        {place ? <span className="muted"> {w.near.replace("{place}", place)}</span> : null}
        {fetching ? <span className="updating"> · {w.updating}</span> : null}
      </h2>
      <div className="toolbar">
        <label>
          {w.sortBy}{" "}
          <select
            name="sort"
            form="filters"
            value={filters.sort}
            onChange={(e) => go({ ...filters, sort: e.target.value as Sort, page: 1 })}
          >
            {SORTS.map((s) => (
              <option key={s} value={s} disabled={s === "distance" && !filters.near}>
                {sortLabels[s] ?? s}
              </option>
            ))}
          </select>
        </label>
        <div className="view-toggle" role="group" aria-label={w.showAs}>
          <button type="button" aria-pressed={filters.view === "list"} onClick={() => go({ ...filters, view: "list" })}>
            {w.list}
          </button>
          <button type="button" aria-pressed={filters.view === "map"} onClick={() => go({ ...filters, view: "map" })}>
            {w.map}
          </button>
        </div>
        <button type="button" onClick={() => void copy()}>
          {w.copyLink}
        </button>
        <a href={`/api/trials.csv${exportQs ? `?${exportQs}` : ""}`} download data-testid="csv-link">
          {w.csv}
        </a>
        <a href={`${base}/trials/print${exportQs ? `?${exportQs}` : ""}`} data-testid="print-link">
          {w.print}
        </a>
        <FollowSearch query={serializeSearch({ ...filters, sort: "relevance", page: 1 }, { withPage: false, withView: false })} text={follow} />
      </div>
      <p className="copied" role="status" aria-live="polite">
        {copied}
      </p>
    </div>
  );
}
