"use client";

import { PHASES, ROUTES, SOURCES, STATUSES, THERAPIES } from "@/lib/classify/slugs";
import type { Facets } from "@/lib/search/data";
import { DEFAULT_FILTERS, OPEN_STATUSES, parseRadius, RESULTS, SEARCH_DONORS, type SearchFilters, type Status } from "@/lib/search/schema";
import { useState } from "react";
import type { UiHelp } from "./help";
import { isPlainClick, useGo } from "./navigate";

// The filter form. It is a real GET form (it works without JavaScript: repeated names such as
// phase=1&phase=2 parse as one list); with JavaScript, ticking a box applies at once and the text
// fields apply on Enter or "Search" (which, without JavaScript, submits every filter). Labels are
// looked up inline rather than through lib/search/labels: sharing that module with the lazily
// loaded cards would put it in a chunk of its own on the first load (~0.4 KB).

type ListKey = "therapy" | "source" | "route" | "phase";
const RADII = ["10mi", "25mi", "50mi", "100mi", "250mi", "500mi", "any"];
const RESULTS_LABELS = { posted: "Only trials with results posted or published" };

function toggle<T extends string>(all: readonly T[], current: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : current.includes(v)));
}

function Help({ kind, help }: { kind: keyof UiHelp["filter"]; help: UiHelp }) {
  const h = help.filter[kind];
  return (
    <p className="help">
      {h.text}{" "}
      <a href={h.href} data-filter-help-link={kind}>
        Learn more
      </a>
    </p>
  );
}

function CheckGroup<T extends string>({
  name,
  legend,
  all,
  selected,
  labels,
  counts,
  onChange,
  help,
  kind,
}: {
  name: string;
  legend: string;
  all: readonly T[];
  selected: readonly T[];
  labels: Record<string, string>;
  counts?: Record<string, number>;
  onChange: (next: T[]) => void;
  help: UiHelp;
  /** The group's help text; none for the results filter. */
  kind?: keyof UiHelp["filter"];
}) {
  return (
    <fieldset className="filter-group">
      <legend>{legend}</legend>
      {kind ? <Help kind={kind} help={help} /> : null}
      {all.map((v) => {
        const n = counts ? (counts[v] ?? 0) : undefined;
        const checked = selected.includes(v);
        return (
          <label key={v} className={n === 0 && !checked ? "zero" : undefined}>
            <input type="checkbox" name={name} value={v} checked={checked} onChange={(e) => onChange(toggle(all, selected, v, e.target.checked))} />{" "}
            {labels[v] ?? v}
            {n !== undefined ? <span className="count"> ({n})</span> : null}
          </label>
        );
      })}
    </fieldset>
  );
}

export function FilterForm({ filters, facets, help, placeLabel }: { filters: SearchFilters; facets?: Facets; help: UiHelp; placeLabel: string | null }) {
  const go = useGo();
  const [locating, setLocating] = useState("");
  const set = (patch: Partial<SearchFilters>) => go({ ...filters, ...patch, page: 1 });
  const setList = (key: ListKey) => (next: string[]) => set({ [key]: next } as Partial<SearchFilters>);
  const statuses: readonly Status[] = filters.status === "any" ? STATUSES : filters.status;
  const textKey = [filters.q, filters.near, filters.state, filters.city, filters.radius.value, filters.radius.unit].join("|");
  const countries = Object.entries(facets?.country ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (filters.country && !countries.some(([c]) => c === filters.country)) countries.unshift([filters.country, 0]);

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const text = (k: string) => (String(fd.get(k) ?? "").trim() || undefined);
    set({ q: text("q"), near: text("near"), state: text("state"), city: text("city"), radius: parseRadius(String(fd.get("radius") ?? "")) ?? DEFAULT_FILTERS.radius });
  };

  // Loaded on click: most visits never ask for the browser's location.
  const useMyLocation = () => void import("./locate").then((m) => m.locate(setLocating, (near) => set({ near, sort: "distance" })));

  return (
    <form id="filters" className="filters" method="get" action="/trials" onSubmit={onSubmit} aria-label="Filter trials">
      <div key={textKey} className="filter-group">
        <label htmlFor="f-q">Search words</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="e.g. mesenchymal, discogenic" />
        <fieldset className="near">
          <legend>Near a place</legend>
          <Help kind="location" help={help} />
          <label htmlFor="f-near">City, US ZIP code, or latitude,longitude</label>
          <input id="f-near" name="near" type="text" defaultValue={filters.near ?? ""} autoComplete="postal-code" placeholder="e.g. 02115 or Denver, CO" />
          <label htmlFor="f-radius">Within</label>
          <select id="f-radius" name="radius" defaultValue={`${filters.radius.value}${filters.radius.unit}`}>
            {[...new Set([...RADII, `${filters.radius.value}${filters.radius.unit}`])].map((r) => (
              <option key={r} value={r}>
                {r === "any" ? "Any distance" : r.replace("mi", " miles").replace("km", " km")}
              </option>
            ))}
          </select>
          {placeLabel ? <p className="muted">Using: {placeLabel}</p> : null}
          <button type="button" onClick={useMyLocation}>
            Use my location
          </button>
          <p role="status" className="muted">
            {locating}
          </p>
        </fieldset>
        <label htmlFor="f-country">Country</label>
        <select id="f-country" name="country" value={filters.country ?? ""} onChange={(e) => set({ country: e.target.value || undefined, state: undefined, city: undefined })}>
          <option value="">Any country</option>
          {countries.map(([c, n]) => (
            <option key={c} value={c}>
              {c} ({n})
            </option>
          ))}
        </select>
        <label htmlFor="f-state">State or region</label>
        <input id="f-state" name="state" type="text" defaultValue={filters.state ?? ""} />
        <label htmlFor="f-city">City</label>
        <input id="f-city" name="city" type="text" defaultValue={filters.city ?? ""} />
        <button type="submit" className="primary">
          Search
        </button>
      </div>

      <CheckGroup name="therapy" legend="Treatment" kind="therapy" all={THERAPIES} selected={filters.therapy} labels={help.labels.therapy} counts={facets?.therapy} onChange={(next) => set({ therapy: next.length ? next : [...THERAPIES] })} help={help} />
      <CheckGroup name="source" legend="Cell source" kind="source" all={SOURCES} selected={filters.source} labels={help.labels.source} counts={facets?.source} onChange={setList("source")} help={help} />
      <fieldset className="filter-group">
        <legend>Whose cells</legend>
        <Help kind="donor" help={help} />
        {(["", ...SEARCH_DONORS] as const).map((d) => {
          // facets.donor.any counts trials whatever their donor (the "Either" choice).
          const n = facets ? (facets.donor[d || "any"] ?? 0) : undefined;
          const checked = (filters.donor ?? "") === d;
          return (
            <label key={d || "any"} className={n === 0 && !checked ? "zero" : undefined}>
              <input type="radio" name="donor" value={d} checked={checked} onChange={() => set({ donor: d || undefined })} /> {d ? (help.labels.donor[d] ?? d) : "Either"}
              {n !== undefined ? <span className="count"> ({n})</span> : null}
            </label>
          );
        })}
      </fieldset>
      <CheckGroup name="route" legend="Where it is injected" kind="route" all={ROUTES} selected={filters.route} labels={help.labels.route} counts={facets?.route} onChange={setList("route")} help={help} />
      <CheckGroup name="phase" legend="Phase" kind="phase" all={PHASES} selected={filters.phase} labels={help.labels.phase} counts={facets?.phase} onChange={setList("phase")} help={help} />
      <CheckGroup
        name="status"
        legend="Status"
        kind="status"
        all={STATUSES}
        selected={statuses}
        labels={help.labels.status}
        counts={facets?.status}
        onChange={(next) => set({ status: next.length === STATUSES.length ? "any" : next.length ? next : [...OPEN_STATUSES] })}
        help={help}
      />
      <CheckGroup name="results" legend="Results" all={RESULTS} selected={filters.results ? [filters.results] : []} labels={RESULTS_LABELS} counts={facets?.results} onChange={(next) => set({ results: next[0] })} help={help} />
      <p>
        <a
          href="/trials"
          onClick={(e) => {
            // A plain click resets in place (like every other filter change); a new-tab click opens /trials.
            if (!isPlainClick(e)) return;
            e.preventDefault();
            go(DEFAULT_FILTERS);
          }}
        >
          Clear all filters
        </a>
      </p>
    </form>
  );
}
