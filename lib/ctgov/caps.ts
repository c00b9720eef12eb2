import type { NormalizedStudy } from "./normalize";

/**
 * Bounds on the text the sync stores per field (issue 19). Every surface (lists, the trial page, the
 * print view, the API, the CSV, the map's popups) reads these columns, so a record with a 2 MB title
 * or facility name is cut here once, with a visible "…", instead of being copied into each of them.
 * The raw record is stored whole (trial.raw, shown in the admin viewer). The limits are ClinicalTrials.gov's own
 * field limits with headroom: the largest values among the bundled real records are 19,020 characters
 * of eligibility criteria, 4,968 of summary, 999 of an intervention description, 494 of official
 * title, 245 of facility name; none of them is cut.
 */
export const TEXT_CAPS: Record<string, number> = {
  eligibilityCriteria: 32_000,
  briefSummary: 8_000,
  description: 4_000,
  officialTitle: 1_000,
  briefTitle: 600,
};
/** Any other text: names, labels, places, contacts, conditions. */
export const DEFAULT_TEXT_CAP = 500;
export const ELLIPSIS = "…";

/** `s` cut to at most `max` characters (UTF-16 units), ending in "…" when cut; never splits a surrogate pair. */
export function capText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - ELLIPSIS.length;
  const code = s.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate whose pair would be cut off
  return s.slice(0, end) + ELLIPSIS;
}

const MAX_WALK_DEPTH = 8; // normalized rows are shallow; contacts are objects inside arrays

function capValue(v: unknown, max: number, depth: number): unknown {
  if (typeof v === "string") return capText(v, max);
  if (depth >= MAX_WALK_DEPTH || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => capValue(x, max, depth + 1));
  return capFields(v as Record<string, unknown>, depth + 1);
}

function capFields<T extends Record<string, unknown>>(row: T, depth = 0): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = capValue(v, TEXT_CAPS[k] ?? DEFAULT_TEXT_CAP, depth);
  return out as T;
}

/** Every text field of a normalized study within its cap (numbers, booleans and dates untouched). */
export function capStudy(n: NormalizedStudy): NormalizedStudy {
  return {
    trial: capFields(n.trial),
    interventions: n.interventions.map((r) => capFields(r)),
    armGroups: n.armGroups.map((r) => capFields(r)),
    sites: n.sites.map((r) => capFields(r)),
  };
}
