"use client";

import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { canonicalEntries, DEFAULT_FILTERS, type SearchFilters } from "@/lib/search/schema";
import { isPlainClick, useGo } from "./navigate";

// On a phone (≤ 760 px) the filters fold behind a "Filters (N active)" button so the result count and
// the first card are on the first screen; the button opens them as a full-height panel with Apply and
// Clear. On wider screens the panel is just the sidebar (the button and the panel's bars are hidden
// by CSS). Without JavaScript the button is a link to #filter-panel and CSS opens the panel with
// :target; Apply submits the GET form (redirected to the canonical URL), Close goes back to the results.

/** Filters that narrow or change the search (sort, page, view and a distance without a place are not counted). */
export function activeFilterCount(f: SearchFilters): number {
  return canonicalEntries(f).filter(([k]) => !["sort", "page", "view", "radius"].includes(k)).length;
}

/** `words`: the panel's words in the page's language; `base`: "" or "/es". */
export function FilterPanel({ filters, words: w, base, children }: { filters: SearchFilters; words: { toggle: { one: string; other: string }; heading: string; close: string; apply: string; clear: string }; base: string; children: ReactNode }) {
  const go = useGo();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLAnchorElement>(null);
  const active = activeFilterCount(filters);

  const close = useCallback(() => {
    setOpen(false);
    // Back to the button that opened it (after the panel is gone).
    requestAnimationFrame(() => toggle.current?.focus());
  }, []);
  useEffect(() => {
    if (!open) return;
    document.documentElement.classList.add("panel-open");
    panel.current?.querySelector<HTMLElement>("#filter-panel-heading")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.documentElement.classList.remove("panel-open");
      document.removeEventListener("keydown", onKey);
    };
  }, [open, close]);

  return (
    <div className="filter-panel-wrap">
      <a
        ref={toggle}
        href="#filter-panel"
        className="filters-toggle"
        aria-expanded={open}
        aria-controls="filter-panel"
        data-testid="filters-toggle"
        onClick={(e) => {
          if (!isPlainClick(e)) return;
          e.preventDefault();
          setOpen(true);
        }}
      >
        {(active === 1 ? w.toggle.one : w.toggle.other).replace("{count}", String(active))}
      </a>
      <div
        ref={panel}
        id="filter-panel"
        className={`filter-panel${open ? " open" : ""}`}
        role={open ? "dialog" : undefined}
        aria-modal={open ? true : undefined}
        aria-labelledby={open ? "filter-panel-heading" : undefined}
        data-testid="filter-panel"
      >
        <div className="filter-panel-bar">
          <h2 id="filter-panel-heading" tabIndex={-1}>
            {w.heading}
          </h2>
          <a
            href="#results-heading"
            onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              close();
            }}
          >
            {w.close}
          </a>
        </div>
        {children}
        <div className="filter-panel-bar filter-panel-actions">
          <button type="submit" form="filters" className="primary" onClick={() => close()}>
            {w.apply}
          </button>
          <a
            href={`${base}/trials`}
            onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              go(DEFAULT_FILTERS);
              close();
            }}
          >
            {w.clear}
          </a>
        </div>
      </div>
    </div>
  );
}
