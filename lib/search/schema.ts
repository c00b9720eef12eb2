import { PHASES, ROUTES, SOURCES, STATUSES, THERAPIES, type Phase, type Route, type Source, type Therapy } from "../classify/slugs";

// The search contract (SPEC §6): one parser and one serialiser for the query string that drives
// /trials, /api/trials, /api/trials.csv and the print view. Parsing never throws: each bad parameter
// becomes an error naming it and its allowed values, and is dropped, so the page can show a message
// while the other filters keep working; the API turns the same errors into a 400.

export type Status = (typeof STATUSES)[number];
export const OPEN_STATUSES: readonly Status[] = ["recruiting", "not-yet-recruiting", "enrolling-by-invitation"];

/** Status slug → ClinicalTrials.gov v2 `overallStatus` enum. */
export const STATUS_ENUM: Record<Status, string> = {
  recruiting: "RECRUITING",
  "not-yet-recruiting": "NOT_YET_RECRUITING",
  "enrolling-by-invitation": "ENROLLING_BY_INVITATION",
  "active-not-recruiting": "ACTIVE_NOT_RECRUITING",
  completed: "COMPLETED",
  suspended: "SUSPENDED",
  terminated: "TERMINATED",
  withdrawn: "WITHDRAWN",
  unknown: "UNKNOWN",
};
export function statusSlug(v2: string | null | undefined): Status {
  const hit = STATUSES.find((s) => STATUS_ENUM[s] === v2);
  return hit ?? "unknown";
}

export const SEARCH_DONORS = ["autologous", "allogeneic"] as const;
export type SearchDonor = (typeof SEARCH_DONORS)[number];
export const SORTS = ["relevance", "distance", "updated", "start"] as const;
export type Sort = (typeof SORTS)[number];
export const VIEWS = ["list", "map"] as const;
export type View = (typeof VIEWS)[number];

export const RESULTS = ["posted"] as const;

export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;
export const DEFAULT_THERAPY: readonly Therapy[] = ["cell-therapy"];
export const DEFAULT_RADIUS = { value: 100, unit: "mi" } as const;
export const MAX_RADIUS_MILES = 3000;
const KM_PER_MILE = 1.609344;

/** A distance, or `any` (SPEC §6: no distance limit, every trial with a located site). `${value}${unit}` is its URL spelling. */
export type Radius = { value: number; unit: "mi" | "km" } | { value: "any"; unit: "" };
export const ANY_RADIUS = { value: "any", unit: "" } as const;

export type SearchFilters = {
  q?: string;
  therapy: Therapy[];
  source: Source[];
  donor?: SearchDonor;
  route: Route[];
  phase: Phase[];
  /** Statuses the results may have (the expansion of `open`/`any`); `any` = every status. */
  status: Status[] | "any";
  country?: string;
  state?: string;
  city?: string;
  near?: string;
  radius: Radius;
  /** `posted`: results posted on ClinicalTrials.gov or a publication the record marks as reporting them. */
  results?: "posted";
  sort: Sort;
  page: number;
  /** Page-only: list or map. Ignored by the API. */
  view: View;
};

/**
 * Why a parameter was refused: a stable code beside the English `message` (the API's words), so a page
 * in another language can say the same thing in its own words. `max` is the limit a code speaks of.
 */
export const SEARCH_PARAM_ERROR_CODES = [
  "unknown-value",
  "too-long",
  "control-characters",
  "one-value",
  "radius",
  "distance-needs-near",
  "page",
  "near-coordinates",
  "near-postal-code",
  "near-not-found",
  "near-unresolved",
] as const;
export type SearchParamErrorCode = (typeof SEARCH_PARAM_ERROR_CODES)[number];
export type SearchParamError = { param: string; value: string; code: SearchParamErrorCode; message: string; max?: number; allowed?: readonly string[] };
export type ParsedSearch = { filters: SearchFilters; errors: SearchParamError[] };

/** An error quotes at most this much of what was sent: a pasted 1 MB value must not come back as a 1 MB answer. */
const QUOTE_MAX = 40;
const quote = (raw: string) => (raw.length > QUOTE_MAX ? `${raw.slice(0, QUOTE_MAX)}…` : raw);
/** `unknown value "x"` / `unknown values "x", "y" and 7 more`: the first few only. */
function unknownValues(param: string, bad: string[]): string {
  const shown = bad.slice(0, 5).map((b) => `"${quote(b)}"`).join(", ");
  return `${param}: unknown value${bad.length > 1 ? "s" : ""} ${shown}${bad.length > 5 ? ` and ${bad.length - 5} more` : ""}`;
}

export const DEFAULT_FILTERS: SearchFilters = {
  therapy: [...DEFAULT_THERAPY],
  source: [],
  route: [],
  phase: [],
  status: [...OPEN_STATUSES],
  radius: { ...DEFAULT_RADIUS },
  sort: "relevance",
  page: 1,
  view: "list",
};

/** The params in SPEC order; also the order of the canonical query string. */
export const PARAM_ORDER = ["q", "therapy", "source", "donor", "route", "phase", "status", "country", "state", "city", "near", "radius", "results", "sort", "page", "view"] as const;
export type ParamName = (typeof PARAM_ORDER)[number];

type Input = URLSearchParams | Record<string, string | string[] | undefined>;

function toParams(input: Input): URLSearchParams {
  if (input instanceof URLSearchParams) return input;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  }
  return p;
}

/** Repeated params (`phase=1&phase=2`) read as one comma list; empty values as absent. */
function read(p: URLSearchParams, name: string): string | undefined {
  const all = p
    .getAll(name)
    .map((v) => v.trim())
    .filter(Boolean);
  return all.length ? all.join(",") : undefined;
}

function list<T extends string>(raw: string, allowed: readonly T[], param: string, errors: SearchParamError[]): T[] | undefined {
  const items = raw
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((i) => !(allowed as readonly string[]).includes(i));
  if (bad.length) {
    errors.push({ param, value: quote(raw), code: "unknown-value", message: unknownValues(param, bad), allowed });
    return undefined;
  }
  // Canonical: allowed-list order, no duplicates.
  return allowed.filter((a) => items.includes(a));
}

function text(raw: string, param: string, max: number, errors: SearchParamError[]): string | undefined {
  const v = raw.replace(/\s+/g, " ").trim();
  if (v.length > max) {
    errors.push({ param, value: quote(raw), code: "too-long", max, message: `${param}: at most ${max} characters` });
    return undefined;
  }
  // No place or search term holds control characters, and Postgres text cannot hold NUL at all
  // (such a value would reach the SQL and fail there).
  if (/[\u0000-\u0008\u000e-\u001f\u007f]/.test(v)) {
    errors.push({ param, value: quote(raw), code: "control-characters", message: `${param}: contains control characters` });
    return undefined;
  }
  return v || undefined;
}

export function parseRadius(raw: string): Radius | undefined {
  if (raw.trim().toLowerCase() === "any") return { ...ANY_RADIUS };
  const m = /^(\d{1,4}(?:\.\d{1,2})?)\s*(mi|km)?$/i.exec(raw.trim());
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit = (m[2]?.toLowerCase() ?? "mi") as "mi" | "km";
  const miles = unit === "km" ? value / KM_PER_MILE : value;
  if (!(value > 0) || miles > MAX_RADIUS_MILES) return undefined;
  return { value, unit };
}

/** The radius in miles; null for `any` (no limit). */
export function radiusMiles(r: Radius): number | null {
  if (r.value === "any") return null;
  return r.unit === "km" ? r.value / KM_PER_MILE : r.value;
}

export function parseSearch(input: Input): ParsedSearch {
  const p = toParams(input);
  const errors: SearchParamError[] = [];
  const f: SearchFilters = structuredClone(DEFAULT_FILTERS);

  const q = read(p, "q");
  if (q !== undefined) f.q = text(q, "q", 200, errors);

  const therapy = read(p, "therapy");
  if (therapy !== undefined) f.therapy = list(therapy, THERAPIES, "therapy", errors) ?? f.therapy;
  const source = read(p, "source");
  if (source !== undefined) f.source = list(source, SOURCES, "source", errors) ?? [];
  const route = read(p, "route");
  if (route !== undefined) f.route = list(route, ROUTES, "route", errors) ?? [];
  const phase = read(p, "phase");
  if (phase !== undefined) f.phase = list(phase.replace(/\bphase-?/gi, ""), PHASES, "phase", errors) ?? [];

  const donor = read(p, "donor");
  if (donor !== undefined) {
    const d = list(donor, SEARCH_DONORS, "donor", errors);
    if (d && d.length > 1) errors.push({ param: "donor", value: quote(donor), code: "one-value", message: "donor: choose one value", allowed: SEARCH_DONORS });
    else if (d?.[0]) f.donor = d[0];
  }

  const status = read(p, "status");
  if (status !== undefined) {
    // Empty items are skipped as in the other lists; unknown ones are refused even beside `any`.
    const items = status
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const allowed = [...STATUSES, "open", "any"] as const;
    const bad = items.filter((s) => !(allowed as readonly string[]).includes(s));
    if (bad.length) errors.push({ param: "status", value: quote(status), code: "unknown-value", message: unknownValues("status", bad), allowed });
    else if (items.includes("any")) f.status = "any";
    else if (items.length) {
      const expanded: string[] = items.flatMap((s): readonly string[] => (s === "open" ? OPEN_STATUSES : [s]));
      f.status = STATUSES.filter((s) => expanded.includes(s));
      // Every status is the same search as `any`, so it gets the same URL.
      if (f.status.length === STATUSES.length) f.status = "any";
    }
  }

  for (const name of ["country", "state", "city"] as const) {
    const v = read(p, name);
    if (v !== undefined) f[name] = text(v, name, 100, errors);
  }
  const near = read(p, "near");
  if (near !== undefined) f.near = text(near, "near", 100, errors);
  const radius = read(p, "radius");
  if (radius !== undefined) {
    const r = parseRadius(radius);
    if (r) f.radius = r;
    else errors.push({ param: "radius", value: quote(radius), code: "radius", max: MAX_RADIUS_MILES, message: `radius: use a distance like 50mi or 80km (at most ${MAX_RADIUS_MILES} miles), or any`, allowed: ["<number>mi", "<number>km", "any"] });
  }

  const results = read(p, "results");
  if (results !== undefined) {
    const r = list(results, RESULTS, "results", errors);
    if (r?.[0]) f.results = r[0];
  }

  const sort = read(p, "sort");
  if (sort !== undefined) {
    const s = list(sort, SORTS, "sort", errors);
    if (s && s.length !== 1) errors.push({ param: "sort", value: quote(sort), code: "one-value", message: "sort: choose one value", allowed: SORTS });
    else if (s?.[0] === "distance" && !f.near) errors.push({ param: "sort", value: quote(sort), code: "distance-needs-near", message: "sort: distance needs a place in near", allowed: SORTS });
    else if (s?.[0]) f.sort = s[0];
  }

  const page = read(p, "page");
  if (page !== undefined) {
    const n = /^\d{1,6}$/.test(page) ? Number(page) : NaN;
    if (n >= 1 && n <= MAX_PAGE) f.page = n;
    else errors.push({ param: "page", value: quote(page), code: "page", max: MAX_PAGE, message: `page: a whole number from 1 to ${MAX_PAGE}` });
  }

  const view = read(p, "view");
  if (view !== undefined) {
    const v = list(view, VIEWS, "view", errors);
    if (v?.length === 1) f.view = v[0]!;
  }
  return { filters: f, errors };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The canonical pairs: SPEC order, defaults left out, lists in slug order. */
export function canonicalEntries(f: SearchFilters, opts: { withPage?: boolean; withView?: boolean } = {}): [ParamName, string][] {
  const out: [ParamName, string][] = [];
  if (f.q) out.push(["q", f.q]);
  if (!sameList(f.therapy, DEFAULT_THERAPY)) out.push(["therapy", f.therapy.join(",")]);
  if (f.source.length) out.push(["source", f.source.join(",")]);
  if (f.donor) out.push(["donor", f.donor]);
  if (f.route.length) out.push(["route", f.route.join(",")]);
  if (f.phase.length) out.push(["phase", f.phase.join(",")]);
  if (f.status === "any") out.push(["status", "any"]);
  else if (!sameList(f.status, OPEN_STATUSES)) out.push(["status", f.status.length ? f.status.join(",") : "open"]);
  if (f.country) out.push(["country", f.country]);
  if (f.state) out.push(["state", f.state]);
  if (f.city) out.push(["city", f.city]);
  if (f.near) {
    out.push(["near", f.near]);
    if (f.radius.value !== DEFAULT_RADIUS.value || f.radius.unit !== DEFAULT_RADIUS.unit) out.push(["radius", `${f.radius.value}${f.radius.unit}`]);
  }
  if (f.results) out.push(["results", f.results]);
  if (f.sort !== "relevance" && (f.sort !== "distance" || f.near)) out.push(["sort", f.sort]);
  if ((opts.withPage ?? true) && f.page > 1) out.push(["page", String(f.page)]);
  if ((opts.withView ?? true) && f.view !== "list") out.push(["view", f.view]);
  return out;
}

/**
 * The canonical query string (without "?"). Commas stay literal so shared links read well.
 */
export function serializeSearch(f: SearchFilters, opts?: { withPage?: boolean; withView?: boolean }): string {
  return canonicalEntries(f, opts)
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ",").replace(/%20/g, "+")}`)
    .join("&");
}

/** The key that identifies a result set (for caching): canonical params minus page-only ones. */
export function searchKey(f: SearchFilters): string {
  return serializeSearch(f, { withView: false });
}
