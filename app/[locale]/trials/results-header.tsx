"use client";

import { useState } from "react";
import { serializeSearch, SORTS, type SearchFilters, type Sort } from "@/lib/search/schema";
import { FollowSearch } from "./follow-search";
import { useGo } from "./navigate";

export function ResultsHeader({
  filters,
  total,
  fetching,
  place,
  sortLabels,
  previous = false,
}: {
  filters: SearchFilters;
  total: number;
  fetching: boolean;
  place: string | null;
  sortLabels: Record<string, string>;
  /** The figures are the previous search's (the one asked for failed). */
  previous?: boolean;
}) {
  const go = useGo();
  const [copied, setCopied] = useState<string>("");
  const exportQs = serializeSearch({ ...filters, page: 1 }, { withPage: false, withView: false });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied("Link copied. Anyone who opens it sees this same search.");
    } catch {
      setCopied(`Copy this link: ${window.location.href}`);
    }
  };
  return (
    <div className="results-header">
      <h2 id="results-heading" tabIndex={-1} data-testid="result-count">
        {previous ? "Previous results: " : ""}
        {total.toLocaleString("en-US")} {total === 1 ? "trial" : "trials"}
        {place ? <span className="muted"> near {place}</span> : null}
        {fetching ? <span className="updating"> · updating…</span> : null}
      </h2>
      <div className="toolbar">
        <label>
          Sort by{" "}
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
        <div className="view-toggle" role="group" aria-label="Show results as">
          <button type="button" aria-pressed={filters.view === "list"} onClick={() => go({ ...filters, view: "list" })}>
            List
          </button>
          <button type="button" aria-pressed={filters.view === "map"} onClick={() => go({ ...filters, view: "map" })}>
            Map
          </button>
        </div>
        <button type="button" onClick={() => void copy()}>
          Copy link
        </button>
        <a href={`/api/trials.csv${exportQs ? `?${exportQs}` : ""}`} download data-testid="csv-link">
          Download CSV
        </a>
        <a href={`/trials/print${exportQs ? `?${exportQs}` : ""}`}>Print view</a>
        <FollowSearch query={serializeSearch({ ...filters, sort: "relevance", page: 1 }, { withPage: false, withView: false })} />
      </div>
      <p className="copied" role="status" aria-live="polite">
        {copied}
      </p>
    </div>
  );
}
