import type { Place } from "../geo/resolve";
import { OPEN_STATUSES, radiusMiles, STATUS_ENUM, statusSlug, type SearchFilters, type Status } from "./schema";

// The SQL behind /trials, /api/trials, the CSV export and the print view (builders only, no I/O,
// so the benchmark can time the very same statements). One statement computes the total and every
// facet (each facet with all the *other* filters applied, the usual faceted-search rule) from one
// materialised candidate set; a second fetches the page. Distances are haversine in SQL, after a
// latitude/longitude bounding box that the site(lat, lon) index can answer, so only sites near the
// place are ever measured.

export const EARTH_RADIUS_MILES = 3958.8;
export const FACETS = ["therapy", "donor", "phase", "source", "route", "status", "country", "results"] as const;
export type FacetName = (typeof FACETS)[number];
export type Facets = Record<FacetName, Record<string, number>>;

export type NearestSite = {
  facility: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  distanceMiles: number | null;
  status: Status | null;
  /** The site's city centroid (for the map). */
  lat: number | null;
  lon: number | null;
};
/** The classifier's slug columns of a stored trial (SPEC §5), as every search answer carries them; the classifier's own result is lib/classify/schema.ts's Classification. */
export type ClassificationColumns = {
  phase: string[];
  therapy: string[];
  source: string[];
  donor: string | null;
  route: string[];
  flags: string[];
};
export type TrialSummary = ClassificationColumns & {
  nctId: string;
  title: string;
  status: Status;
  nearestSite: NearestSite | null;
  sponsor: string | null;
  lastUpdated: string | null;
  startDate: string | null;
  /** Results posted on ClinicalTrials.gov; a publication marked as reporting results. */
  resultsPosted: boolean;
  resultsPublished: boolean;
};
export type SearchResult = { total: number; page: number; pageSize: number; trials: TrialSummary[]; facets: Facets };

class Params {
  values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/** Degrees of latitude/longitude that surely contain every point within `miles` of (lat, lon). */
export function boundingBox(lat: number, lon: number, miles: number) {
  const dLat = (miles / EARTH_RADIUS_MILES) * (180 / Math.PI);
  const cos = Math.cos((lat * Math.PI) / 180);
  const dLon = cos < 1e-6 ? 180 : dLat / cos;
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon, wrapsLon: lon - dLon < -180 || lon + dLon > 180 };
}

function haversine(latSql: string, lonSql: string, p: Params, place: Place) {
  const lat = p.add(place.lat);
  const lon = p.add(place.lon);
  return `(${EARTH_RADIUS_MILES} * 2 * asin(least(1, sqrt(power(sin(radians(${latSql} - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(${latSql})) * power(sin(radians(${lonSql} - ${lon}::float8) / 2), 2)))))`;
}

type Built = {
  p: Params;
  /** CTE with each matching trial's nearest in-radius site distance, when `near` is set. */
  nearCte: string | null;
  /** CTE of the free-text matches with their rank (GIN on trial.search_doc), when `q` is set. */
  textCte: string | null;
  /** Conditions every row must meet (not facets). */
  base: string[];
  /** Per-facet conditions, dropped when computing that facet's counts. */
  facet: Record<FacetName, string>;
  rank: string | null;
};

/** Trials to leave out of a search whatever its filters (the eligibility check's ruled-out trials, SPEC §9 hideRuledOut). */
export type Exclude = { exclude?: readonly string[] };

function build(f: SearchFilters, place: Place | null, opts: { rank?: boolean } & Exclude = {}): Built {
  const p = new Params();
  const base = ["t.live"];
  if (opts.exclude?.length) base.push(`NOT (t.nct_id = ANY(${p.add([...opts.exclude])}::text[]))`);
  let rank: string | null = null;
  let textCte: string | null = null;
  if (f.q) {
    // The free-text document lives on trial (GIN-indexed), not in the narrow table: match there
    // once, then join.
    const q = `websearch_to_tsquery('english', ${p.add(f.q)})`;
    // Ranking reads every match's document, so only the relevance-sorted page query asks for it.
    textCte = `qhits AS MATERIALIZED (SELECT x.nct_id${opts.rank ? `, ts_rank_cd(x.search_doc, ${q}) AS rank` : ""} FROM trial x WHERE x.search_doc @@ ${q})`;
    if (opts.rank) rank = "qhits.rank";
  }
  // A country alone is answered from trial_search.countries; state/city need one site that matches
  // them all, so they look at the sites. The country facet drops only the country condition.
  const siteConds = (withCountry: boolean) => {
    const c: string[] = [];
    if (withCountry && f.country) c.push(`s.country = ${p.add(f.country)}`);
    if (f.state) c.push(`s.state = ${p.add(f.state)}`);
    if (f.city) c.push(`s.city = ${p.add(f.city)}`);
    return c.length ? `EXISTS (SELECT 1 FROM site s WHERE s.nct_id = t.nct_id AND ${c.join(" AND ")})` : null;
  };
  const loc = siteConds(false);
  if (loc) base.push(loc);

  let nearCte: string | null = null;
  if (place) {
    const miles = radiusMiles(f.radius);
    const dist = haversine("s.lat", "s.lon", p, place);
    if (miles === null) {
      // radius=any: every trial with a located site, carrying its nearest site's distance.
      nearCte = `near AS (
      SELECT s.nct_id, min(${dist}) AS d FROM site s
      WHERE s.lat IS NOT NULL AND s.lon IS NOT NULL GROUP BY s.nct_id)`;
    } else {
      const box = boundingBox(place.lat, place.lon, miles);
      const lonCond = box.wrapsLon ? "" : ` AND s.lon BETWEEN ${p.add(box.minLon)}::float8 AND ${p.add(box.maxLon)}::float8`;
      nearCte = `near AS (
      SELECT nct_id, min(d) AS d FROM (
        SELECT s.nct_id, ${dist} AS d FROM site s
        WHERE s.lat BETWEEN ${p.add(box.minLat)}::float8 AND ${p.add(box.maxLat)}::float8${lonCond}
      ) x WHERE d <= ${p.add(miles)}::float8 GROUP BY nct_id)`;
    }
  }

  const statuses = f.status === "any" ? null : f.status.map((s) => STATUS_ENUM[s]);
  const facet: Record<FacetName, string> = {
    therapy: f.therapy.length ? `t.therapy && ${p.add(f.therapy)}::text[]` : "TRUE",
    // A trial that uses both kinds of cells ("mixed") matches either donor.
    donor: f.donor ? `t.donor = ANY(${p.add([f.donor, "mixed"])}::text[])` : "TRUE",
    phase: f.phase.length ? `t.phase && ${p.add(f.phase)}::text[]` : "TRUE",
    source: f.source.length ? `t.source && ${p.add(f.source)}::text[]` : "TRUE",
    route: f.route.length ? `t.route && ${p.add(f.route)}::text[]` : "TRUE",
    status: statuses ? `t.overall_status = ANY(${p.add(statuses)}::text[])` : "TRUE",
    country: !f.country ? "TRUE" : f.state || f.city ? siteConds(true)! : `t.countries @> ARRAY[${p.add(f.country)}]::text[]`,
    results: f.results ? "t.results" : "TRUE",
  };
  return { p, nearCte, textCte, base, facet, rank };
}

const ctes = (b: Built) => [b.nearCte, b.textCte].filter(Boolean).map((c) => `${c},`).join("\n");
const joins = (b: Built) =>
  `${b.nearCte ? " JOIN near ON near.nct_id = t.nct_id" : ""}${b.textCte ? " JOIN qhits ON qhits.nct_id = t.nct_id" : ""}`;

/** The facets counted from the candidate set; therapy is counted apart (facetsSql). */
const SET_FACETS = FACETS.filter((n) => n !== "therapy");

/**
 * Each facet drops one filter, so a trial that fails two or more of them counts nowhere: it is left
 * out of the candidate set (at 100,000 trials the default search reads half as many rows per facet).
 */
function atMostOneMiss(b: Built): string {
  const conds = SET_FACETS.map((n) => b.facet[n]).filter((c) => c !== "TRUE");
  return conds.length < 2 ? "TRUE" : `(${conds.map((c) => `(NOT coalesce(${c}, false))::int`).join(" + ")}) <= 1`;
}

/** The flags a row needs for facet `except` (all of them for the total). */
const others = (except: FacetName | null) =>
  SET_FACETS.filter((n) => n !== except)
    .map((n) => `m_${n}`)
    .join(" AND ") || "TRUE";

/**
 * Total and facet counts in one statement. The candidate set has the treatment filter applied (most
 * searches keep the default, cell therapy, which halves it) and a flag per other facet filter; each
 * of those facets counts the rows where all the *other* flags hold. The treatment facet, the one
 * that needs the trials the treatment filter leaves out, reads the table once more with every other
 * filter applied.
 */
export function facetsSql(f: SearchFilters, place: Place | null, opts: Exclude = {}) {
  const b = build(f, place, opts);
  const allButTherapy = [...b.base, ...SET_FACETS.map((n) => b.facet[n]).filter((c) => c !== "TRUE")];
  const sql = `WITH ${ctes(b)}
    base AS MATERIALIZED (
      SELECT t.donor, t.phase, t.source, t.route, t.overall_status, t.countries, t.results,
        ${SET_FACETS.map((n) => `(${b.facet[n]}) AS m_${n}`).join(", ")}
      FROM trial_search t${joins(b)}
      WHERE ${[...b.base, b.facet.therapy, atMostOneMiss(b)].join(" AND ")})
    SELECT 'total' AS f, NULL AS v, count(*)::int AS n FROM base WHERE ${others(null)}
    UNION ALL SELECT 'therapy', v, count(*)::int FROM trial_search t${joins(b)}, unnest(t.therapy) v WHERE ${allButTherapy.join(" AND ")} GROUP BY v
    UNION ALL SELECT 'donor', v, count(*)::int FROM base,
      unnest(CASE WHEN donor IS NULL THEN ARRAY['any'] WHEN donor = 'mixed' THEN ARRAY['any', 'autologous', 'allogeneic'] ELSE ARRAY['any', donor] END) v
      WHERE ${others("donor")} GROUP BY v
    UNION ALL SELECT 'phase', v, count(*)::int FROM base, unnest(phase) v WHERE ${others("phase")} GROUP BY v
    UNION ALL SELECT 'source', v, count(*)::int FROM base, unnest(source) v WHERE ${others("source")} GROUP BY v
    UNION ALL SELECT 'route', v, count(*)::int FROM base, unnest(route) v WHERE ${others("route")} GROUP BY v
    UNION ALL SELECT 'status', overall_status, count(*)::int FROM base WHERE ${others("status")} GROUP BY overall_status
    UNION ALL SELECT 'country', v, count(*)::int FROM base, unnest(countries) v WHERE ${others("country")} GROUP BY v
    UNION ALL SELECT 'results', 'posted', count(*)::int FROM base WHERE ${others("results")} AND results`;
  return { sql, params: b.p.values };
}

/** Matching trial ids in result order for one page (or all of them: `limit: null`, for the CSV). */
export function pageSql(f: SearchFilters, place: Place | null, opts: { limit: number | null; offset: number } & Exclude) {
  const b = build(f, place, { rank: f.sort === "relevance", exclude: opts.exclude });
  const where = [...b.base, ...FACETS.map((n) => b.facet[n]).filter((c) => c !== "TRUE")];
  const openEnums = OPEN_STATUSES.map((s) => STATUS_ENUM[s]);
  const order: string[] = [];
  if (f.sort === "distance" && b.nearCte) order.push("near.d ASC");
  else if (f.sort === "updated") order.push("t.last_update_post_date DESC NULLS LAST");
  else if (f.sort === "start") order.push("t.start_date DESC NULLS LAST");
  else {
    if (b.rank) order.push(`${b.rank} DESC`);
    order.push(`(t.overall_status = ANY(${b.p.add(openEnums)}::text[])) DESC`);
    if (b.nearCte) order.push("near.d ASC");
    order.push("t.last_update_post_date DESC NULLS LAST");
  }
  order.push("t.nct_id ASC");
  const limit = opts.limit === null ? "" : ` LIMIT ${b.p.add(opts.limit)}::int OFFSET ${b.p.add(opts.offset)}::int`;
  // ORDER BY … LIMIT first (a top-N sort, not a sort of every match); the numbering keeps that order.
  const sql = `WITH ${ctes(b)}
    hits AS (
      SELECT o.nct_id, o.d, row_number() OVER () AS ord FROM (
        SELECT t.nct_id, ${b.nearCte ? "near.d" : "NULL::float8"} AS d
        FROM trial_search t${joins(b)}
        WHERE ${where.join(" AND ")}
        ORDER BY ${order.join(", ")}${limit}) o)
    SELECT t.nct_id, t.brief_title, t.overall_status, t.phase, t.therapy, t.source, t.donor, t.route, t.flags, t.sponsor_name,
      to_char(t.last_update_post_date, 'YYYY-MM-DD') AS last_updated, to_char(t.start_date, 'YYYY-MM-DD') AS start_date,
      t.has_results, t.results_published,
      ns.facility, ns.city, ns.state, ns.country, ns.status AS site_status, ns.dist, ns.lat, ns.lon
    FROM hits JOIN trial t ON t.nct_id = hits.nct_id
    LEFT JOIN LATERAL (
      SELECT s.facility, s.city, s.state, s.country, s.status, s.lat, s.lon, ${place ? haversine("s.lat", "s.lon", b.p, place) : "NULL::float8"} AS dist
      FROM site s WHERE s.nct_id = t.nct_id
      ORDER BY ${place ? "dist ASC NULLS LAST," : ""} (s.status = 'RECRUITING') DESC NULLS LAST, s.position
      LIMIT 1) ns ON TRUE
    ORDER BY hits.ord`;
  return { sql, params: b.p.values };
}

/** The ids of every trial a search matches, in no order (the eligibility check evaluates them all). */
export function matchIdsSql(f: SearchFilters, place: Place | null) {
  const b = build(f, place);
  const where = [...b.base, ...FACETS.map((n) => b.facet[n]).filter((c) => c !== "TRUE")];
  return { sql: `WITH ${ctes(b)} hits AS (SELECT t.nct_id FROM trial_search t${joins(b)} WHERE ${where.join(" AND ")}) SELECT nct_id FROM hits`, params: b.p.values };
}

export type Row = ClassificationColumns & {
  nct_id: string;
  brief_title: string;
  overall_status: string;
  sponsor_name: string | null;
  last_updated: string | null;
  start_date: string | null;
  has_results: boolean;
  results_published: boolean;
  facility: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  site_status: string | null;
  dist: number | null;
  lat: number | null;
  lon: number | null;
};

export function toSummary(r: Row): TrialSummary {
  const hasSite = r.facility !== null || r.city !== null || r.country !== null;
  return {
    nctId: r.nct_id,
    title: r.brief_title,
    status: statusSlug(r.overall_status),
    phase: r.phase,
    therapy: r.therapy,
    source: r.source,
    donor: r.donor,
    route: r.route,
    flags: r.flags,
    nearestSite: hasSite
      ? {
          facility: r.facility,
          city: r.city,
          state: r.state,
          country: r.country,
          distanceMiles: r.dist === null ? null : Math.round(r.dist * 10) / 10,
          status: r.site_status ? statusSlug(r.site_status) : null,
          lat: r.lat,
          lon: r.lon,
        }
      : null,
    sponsor: r.sponsor_name,
    lastUpdated: r.last_updated,
    startDate: r.start_date,
    resultsPosted: r.has_results,
    resultsPublished: r.results_published,
  };
}

export function emptyFacets(): Facets {
  return { therapy: {}, donor: {}, phase: {}, source: {}, route: {}, status: {}, country: {}, results: {} };
}


/** Most map points sent at once; the busiest places come first. */
export const MAP_POINT_LIMIT = 2_000;
/** Titles listed per map point; the popup links to the full list for that place. */
export const MAP_SAMPLE = 3;

/**
 * Every site of every matching trial, grouped by place (geoPoint is the city's centroid, so sites in
 * one city share it). Only the sites that made a trial match are drawn: within the radius when
 * `near` is set, in the chosen country/state/city when those are set.
 */
export function mapSitesSql(f: SearchFilters, place: Place | null) {
  const b = build(f, place);
  const where = [...b.base, ...FACETS.map((n) => b.facet[n]).filter((c) => c !== "TRUE")];
  const siteConds = ["s.lat IS NOT NULL", "s.lon IS NOT NULL"];
  if (f.country) siteConds.push(`s.country = ${b.p.add(f.country)}`);
  if (f.state) siteConds.push(`s.state = ${b.p.add(f.state)}`);
  if (f.city) siteConds.push(`s.city = ${b.p.add(f.city)}`);
  const miles = radiusMiles(f.radius);
  if (place && miles !== null) siteConds.push(`${haversine("s.lat", "s.lon", b.p, place)} <= ${b.p.add(miles)}::float8`);
  const sql = `WITH ${ctes(b)}
    hits AS MATERIALIZED (SELECT t.nct_id FROM trial_search t${joins(b)} WHERE ${where.join(" AND ")}),
    per_trial AS (
      SELECT s.lat, s.lon, s.nct_id,
        min(s.city) AS city, min(s.state) AS state, min(s.country) AS country, count(*)::int AS sites
      FROM hits JOIN site s ON s.nct_id = hits.nct_id
      WHERE ${siteConds.join(" AND ")}
      GROUP BY 1, 2, 3)
    SELECT lat, lon, min(city) AS city, min(state) AS state, min(country) AS country,
      sum(sites)::int AS sites, count(*)::int AS trials, (array_agg(nct_id ORDER BY nct_id))[1:${MAP_SAMPLE}] AS sample
    FROM per_trial GROUP BY lat, lon
    ORDER BY trials DESC, lat, lon
    LIMIT ${MAP_POINT_LIMIT + 1}`;
  return { sql, params: b.p.values };
}

/**
 * The matching trials with their newest recorded change, newest first, at most `limit` (the Atom
 * feed, lib/feeds). trial_change_head holds one row per trial, so this is the page query's join
 * and a top-N sort on an integer, not a scan of the history.
 */
export function newestChangesSql(f: SearchFilters, place: Place | null, limit: number, window: { after?: number; upTo?: number } = {}) {
  const b = build(f, place);
  const where = [...b.base, ...FACETS.map((n) => b.facet[n]).filter((c) => c !== "TRUE")];
  // An alert's digest: only the changes recorded since its last one.
  if (window.after !== undefined) where.push(`h.change_id > ${b.p.add(window.after)}::int`);
  if (window.upTo !== undefined) where.push(`h.change_id <= ${b.p.add(window.upTo)}::int`);
  const sql = `WITH ${ctes(b)}
    hits AS (
      SELECT h.change_id FROM trial_search t${joins(b)} JOIN trial_change_head h ON h.nct_id = t.nct_id
      WHERE ${where.join(" AND ")}
      ORDER BY h.change_id DESC LIMIT ${b.p.add(limit)}::int)
    SELECT c.id, c.nct_id, c.seen_at, c.fields, t.brief_title
    FROM hits JOIN trial_change c ON c.id = hits.change_id JOIN trial t ON t.nct_id = c.nct_id
    ORDER BY c.id DESC`;
  return { sql, params: b.p.values };
}
