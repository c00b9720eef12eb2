import en from "../i18n/messages/en/labels.json" with { type: "json" };
import type { Status } from "./schema";

// Plain-language names for the slugs, shared by the page, the cards, the print view and the trial
// page, and the two functions that read them. The English names are the `labels` catalogue's
// (lib/i18n/messages/en/labels.json); lib/i18n/labels.ts gives the same tables in any language. Kept free of server code and content so the client
// bundle stays small: client code imports only `label` and `phaseText` (the bundler drops the
// tables it does not use) and receives the tables as props (LABELS, below).

export const THERAPY_LABEL: Record<string, string> = en.therapy;
export const SOURCE_LABEL: Record<string, string> = en.source;
export const DONOR_LABEL: Record<string, string> = en.donor;
export const ROUTE_LABEL: Record<string, string> = en.route;
export const PHASE_LABEL: Record<string, string> = en.phase;
export const STATUS_LABEL: Record<Status, string> = en.status;
export const SORT_LABEL: Record<string, string> = en.sort;
/** The words phaseText needs besides the table. */
export type PhaseWords = { none: string; several: string };

export const label = (table: Record<string, string>, slug: string) => table[slug] ?? slug;

/** The phases in words, from a phase table (PHASE_LABEL, or the one the client island was handed). */
export function phaseText(phases: string[], table: Record<string, string>, words: PhaseWords = en.phaseWords): string {
  if (!phases.length) return words.none;
  const nums = phases.filter((p) => p !== "na" && p !== "early-1");
  if (nums.length > 1) return words.several.replace("{list}", nums.join("/"));
  return phases.map((p) => label(table, p)).join(", ");
}

/** All the tables, handed to the client island as props (data in the page, not code in the bundle). */
export const LABELS = {
  therapy: THERAPY_LABEL,
  source: SOURCE_LABEL,
  donor: DONOR_LABEL,
  route: ROUTE_LABEL,
  phase: PHASE_LABEL,
  status: STATUS_LABEL as Record<string, string>,
  sort: SORT_LABEL,
  phaseWords: en.phaseWords as PhaseWords,
};
export type Labels = typeof LABELS;
