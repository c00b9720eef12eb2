"use client";

import { createContext, useContext } from "react";
import type { SearchFilters } from "@/lib/search/schema";

// How the parts of the /trials island move to another search. The island (trial-search.tsx)
// provides `go`; the form, the panel and the toolbar call it. In a module of its own so those parts
// do not import the island that imports them.

export type Go = (next: SearchFilters) => void;
export const GoContext = createContext<Go>(() => {});
/** Navigate to a search: push its canonical URL (the form and toolbar call this). */
export const useGo = () => useContext(GoContext);

/** A click that should act in place; a middle or modified click keeps the link's own behaviour (new tab, window, download). */
export const isPlainClick = (e: React.MouseEvent) => e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
