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

function toggle<T extends string>(all: readonly T[], current: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : current.includes(v)));
}

function Help({ kind, help }: { kind: keyof UiHelp["filter"]; help: UiHelp }) {
  const h = help.filter[kind];
  return (
    <p className="help">
      {h.text}{" "}
      <a href={h.href} data-filter-help-link={kind}>
        {help.words.filters.learnMore}
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
  const w = help.words.filters;
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
  const useMyLocation = () => void import("./locate").then((m) => m.locate(setLocating, (near) => set({ near, sort: "distance" }), { locating: w.locating, unavailable: w.locationUnavailable }));

  return (
    <form id="filters" className="filters" method="get" action={`${help.base}/trials`} onSubmit={onSubmit} aria-label={w.formLabel}>
      <div key={textKey} className="filter-group">
        <label htmlFor="f-q">{w.searchWords}</label>
        <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder={w.searchPlaceholder} />
        <fieldset className="near">
          <legend>{w.near}</legend>
          <Help kind="location" help={help} />
          <label htmlFor="f-near">{w.nearLabel}</label>
          <input id="f-near" name="near" type="text" defaultValue={filters.near ?? ""} autoComplete="postal-code" placeholder={w.nearPlaceholder} />
          <label htmlFor="f-radius">{w.within}</label>
          <select id="f-radius" name="radius" defaultValue={`${filters.radius.value}${filters.radius.unit}`}>
            {[...new Set([...RADII, `${filters.radius.value}${filters.radius.unit}`])].map((r) => (
              <option key={r} value={r}>
                {r === "any" ? w.anyDistance : (r.endsWith("km") ? w.km : w.miles).replace("{value}", r.slice(0, -2))}
              </option>
            ))}
          </select>
          {placeLabel ? <p className="muted">{w.using.replace("{place}", placeLabel)}</p> : null}
          <button type="button" onClick={useMyLocation}>
            {w.useMyLocation}
          </button>
          <p role="status" className="muted">
            {locating}
          </p>
        </fieldset>
        <label htmlFor="f-country">{w.country}</label>
        <select id="f-country" name="country" value={filters.country ?? ""} onChange={(e) => set({ country: e.target.value || undefined, state: undefined, city: undefined })}>
          <option value="">{w.anyCountry}</option>
          {countries.map(([c, n]) => (
            // Country names are the records' (English): marked so on a page in another language.
            <option key={c} value={c} lang={help.locale === "en" ? undefined : "en"}>
              {c} ({n})
            </option>
          ))}
        </select>
        <label htmlFor="f-state">{w.state}</label>
        <input id="f-state" name="state" type="text" defaultValue={filters.state ?? ""} />
        <label htmlFor="f-city">{w.city}</label>
        <input id="f-city" name="city" type="text" defaultValue={filters.city ?? ""} />
        <button type="submit" className="primary">
          {w.search}
        </button>
      </div>

      <CheckGroup name="therapy" legend={w.therapy} kind="therapy" all={THERAPIES} selected={filters.therapy} labels={help.labels.therapy} counts={facets?.therapy} onChange={(next) => set({ therapy: next.length ? next : [...THERAPIES] })} help={help} />
      <CheckGroup name="source" legend={w.source} kind="source" all={SOURCES} selected={filters.source} labels={help.labels.source} counts={facets?.source} onChange={setList("source")} help={help} />
      <fieldset className="filter-group">
        <legend>{w.donor}</legend>
        <Help kind="donor" help={help} />
        {(["", ...SEARCH_DONORS] as const).map((d) => {
          // facets.donor.any counts trials whatever their donor (the "Either" choice).
          const n = facets ? (facets.donor[d || "any"] ?? 0) : undefined;
          const checked = (filters.donor ?? "") === d;
          return (
            <label key={d || "any"} className={n === 0 && !checked ? "zero" : undefined}>
              <input type="radio" name="donor" value={d} checked={checked} onChange={() => set({ donor: d || undefined })} /> {d ? (help.labels.donor[d] ?? d) : w.either}
              {n !== undefined ? <span className="count"> ({n})</span> : null}
            </label>
          );
        })}
      </fieldset>
      <CheckGroup name="route" legend={w.route} kind="route" all={ROUTES} selected={filters.route} labels={help.labels.route} counts={facets?.route} onChange={setList("route")} help={help} />
      <CheckGroup name="phase" legend={w.phase} kind="phase" all={PHASES} selected={filters.phase} labels={help.labels.phase} counts={facets?.phase} onChange={setList("phase")} help={help} />
      <CheckGroup
        name="status"
        legend={w.status}
        kind="status"
        all={STATUSES}
        selected={statuses}
        labels={help.labels.status}
        counts={facets?.status}
        onChange={(next) => set({ status: next.length === STATUSES.length ? "any" : next.length ? next : [...OPEN_STATUSES] })}
        help={help}
      />
      <CheckGroup name="results" legend={w.results} all={RESULTS} selected={filters.results ? [filters.results] : []} labels={{ posted: w.resultsPosted }} counts={facets?.results} onChange={(next) => set({ results: next[0] })} help={help} />
      <p>
        <a
          href={`${help.base}/trials`}
          onClick={(e) => {
            // A plain click resets in place (like every other filter change); a new-tab click opens /trials.
            if (!isPlainClick(e)) return;
            e.preventDefault();
            go(DEFAULT_FILTERS);
          }}
        >
          {w.clearAll}
        </a>
      </p>
    </form>
  );
}
