import KDBush from "kdbush";
import type { Place } from "../geo/resolve";
import { andInto, type Bits, count, forEach, hasBit, newBits, setBit, union } from "./index-bits";
import { type FacetCounter, FacetCounterBuilder } from "./index-facets";
import { IdNumbers, sortById } from "./index-ids";
import { OPEN_STATUSES, PAGE_SIZE, radiusMiles, STATUS_ENUM, statusSlug, type SearchFilters } from "./schema";
import { boundingBox, EARTH_RADIUS_MILES, emptyFacets, FACETS, type FacetName, type Facets, type Row, toSummary, type TrialSummary } from "./sql";

// The in-memory search index (issue 15): the same answers as lib/search/sql.ts (the oracle, see
// tests/integration/db/search-index.test.ts), computed from bitsets. Pure: built from rows read in
// one snapshot (index-build.ts), queried synchronously (index-run.ts wires it in). It also holds
// what a result card shows (the trial's summary fields and every site), so a page is served from
// memory, from the same snapshot as its counts: no statement per request.

/**
 * A list column as one string: its elements each followed by U+0001 but the last, then U+0002
 * (["a", "b"] is "a\u0001b\u0002", [] is "\u0002"), or null for NULL. See listOf.
 */
export type IndexList = string | null;
const listOf = (key: string): string[] => (key.length === 1 ? [] : key.slice(0, -1).split("\u0001"));

export type IndexTrialRow = {
  nct_id: string;
  live: boolean;
  overall_status: string;
  therapy: IndexList;
  source: IndexList;
  donor: string | null;
  route: IndexList;
  phase: IndexList;
  flags: IndexList;
  countries: IndexList;
  brief_title: string;
  sponsor_name: string | null;
  has_results: boolean;
  results_published: boolean;
  /** Results posted or published (SPEC `results=posted`). */
  results: boolean | null;
  /** Days since 1970-01-01, or null. */
  lud: number | null;
  sd: number | null;
  /** The trial's newest recorded change (trial_change_head.change_id), or null. */
  head: number | null;
};
/**
 * Every site as columns (index-build.ts reads them so: one string per column beats 270,000 row
 * objects), row r of each column being the same site; a NaN coordinate is a missing one.
 */
export type IndexSites = {
  nct_id: string[];
  position: ArrayLike<number>;
  facility: (string | null)[];
  status: (string | null)[];
  lat: Float64Array;
  lon: Float64Array;
  country: (string | null)[];
  state: (string | null)[];
  city: (string | null)[];
};

/** Trial fields a summary shows, arrays and strings shared between trials that have equal ones. */
type Card = Pick<IndexTrialRow, "nct_id" | "brief_title" | "overall_status" | "donor" | "sponsor_name" | "has_results" | "results_published"> &
  Record<"phase" | "therapy" | "source" | "route" | "flags", string[] | null>;

/** Distances of a `near` search: per trial, its nearest qualifying site's (NaN: none). */
type Near = { bits: Bits; d: Float64Array };
const NEAR_CACHE = 16;
/** Unions of filter values kept per facet (e.g. the default status filter's three open statuses). */
const UNION_CACHE = 32;

/**
 * An array of n slots, grown by push so V8 keeps it in fast (packed) elements: `new Array(n)` for
 * n over ~32,000 makes a dictionary-mode array, whose every read is a hash lookup (that made the page's
 * cards 20x slower at 100,000 trials).
 */
function packed<T>(n: number, fill: T): T[] {
  const a: T[] = [];
  for (let i = 0; i < n; i++) a.push(fill);
  return a;
}

/** Days since 1970-01-01 as YYYY-MM-DD (sql.ts: to_char(date, 'YYYY-MM-DD')). */
const isoDay = (days: number) => (Number.isNaN(days) ? null : new Date(days * 86_400_000).toISOString().slice(0, 10));

type ArrayFacet = "therapy" | "source" | "route" | "phase" | "country";
const OPEN_ENUMS = new Set(OPEN_STATUSES.map((s) => STATUS_ENUM[s]));

/** Text matches of a search's `q` (from Postgres full-text): dense trial number → rank (0 when unranked). */
export type TextHits = { bits: Bits; rank: Map<number, number> | null };

export type IndexAnswer = { total: number; facets: Facets; /** The page's trials in result order. */ pageIds: string[]; trials: TrialSummary[] };

export class SearchIndex {
  readonly n: number;
  readonly ids: string[];
  private readonly num: IdNumbers;
  private readonly live: Bits;
  private readonly results: Bits;
  private readonly open: Uint8Array;
  private readonly values: Record<ArrayFacet, Map<string, Bits>> = { therapy: new Map(), source: new Map(), route: new Map(), phase: new Map(), country: new Map() };
  private readonly donor = new Map<string, Bits>();
  private readonly rawStatus = new Map<string, Bits>();
  /** Position in "last update desc nulls last, nct id" order; position in nct id order. */
  private readonly posUpdated: Uint32Array;
  private readonly orderRelevance: Uint32Array;
  private readonly orderUpdated: Uint32Array;
  private readonly orderStart: Uint32Array;
  private readonly posNct: Uint32Array;
  private readonly cards: Card[];
  private readonly lud: Float64Array;
  private readonly sd: Float64Array;
  /** The same dates as YYYY-MM-DD (or null), made once at build. */
  private readonly ludDay: (string | null)[];
  private readonly sdDay: (string | null)[];
  /** Each trial's card site when no place is given (its recruiting site first, then by position), or -1. */
  private readonly defaultSite: Int32Array;
  private readonly facetCounter: FacetCounter;
  /** Per text match set: its members' ranks (dense) and, lazily, their "relevance" order. */
  private readonly textRanks = new WeakMap<TextHits, { rank: Float64Array; order: Uint32Array | null }>();
  /** Each trial's sites, in position order, are the sites numbered siteStart[i] .. siteStart[i + 1] - 1. */
  private readonly siteStart: Uint32Array;
  private readonly siteFacility: (string | null)[];
  private readonly siteStatus: (string | null)[];
  private readonly nearCache = new Map<string, Near>();
  private readonly unions = new Map<Map<string, Bits>, Map<string, Bits>>();
  /** Scratch bitsets of search(), which runs synchronously: no other search can use them meanwhile (no allocation per search). */
  private readonly scratch: Bits;
  private readonly scratchBase: Bits;
  private readonly scratchAll: Bits;
  /** Trials with a recorded change, newest change first (sql.ts newestChangesSql's order), and each one's change id. */
  private readonly orderHead: Uint32Array;
  private readonly head: Float64Array;
  // Sites (located or not) for state/city filters; located ones in a k-d tree for `near`.
  private readonly siteTrial: Uint32Array;
  private readonly siteCountry: (string | null)[];
  private readonly siteLat: Float64Array;
  private readonly siteLon: Float64Array;
  private readonly byState = new Map<string, number[]>();
  private readonly byCity = new Map<string, number[]>();
  private readonly located: number[] = [];
  private readonly tree: KDBush | null;

  constructor(
    readonly version: string,
    trials: IndexTrialRow[],
    sites: IndexSites,
  ) {
    // Dense trial numbers follow nct id order (rows that arrive in it are not sorted again).
    const sorted = sortById(trials);
    const n = (this.n = sorted.length);
    this.ids = packed(n, "");
    this.live = newBits(n);
    this.results = newBits(n);
    this.open = new Uint8Array(n);
    const head = (this.head = new Float64Array(n));
    const lud = (this.lud = new Float64Array(n));
    const sd = (this.sd = new Float64Array(n));
    // Equal strings and arrays are held once (synthetic and real data repeat most of them); arrays are
    // frozen, as they are shared by every summary that shows them. Titles and facility names are
    // not: nearly all differ in real data, and hashing each one was a tenth of a build. Each distinct array also knows the
    // facet bitsets of its values, so setting a trial's bits needs no lookup per value.
    const strings = new Map<string, string>();
    const str = <T extends string | null>(x: T): T => {
      if (x === null) return x;
      const got = strings.get(x);
      if (got !== undefined) return got as T;
      // A copy: a piece of a split column string (index-build.ts) would keep the whole column alive.
      const own = (" " + x).slice(1);
      strings.set(own, own);
      return own as T;
    };
    const bitsOf = (m: Map<string, Bits>, v: string) => m.get(v) ?? m.set(v, newBits(n)).get(v)!;
    const arrays = new Map<string, { a: readonly string[]; bits: Map<Map<string, Bits>, Bits[]> }>();
    const arr = (key: IndexList, facet: Map<string, Bits> | null, i: number): string[] | null => {
      if (key === null) return null;
      let e = arrays.get(key);
      if (!e) arrays.set(key, (e = { a: Object.freeze(listOf(key).map(str)), bits: new Map() }));
      if (facet) {
        let list = e.bits.get(facet);
        if (!list) e.bits.set(facet, (list = e.a.map((v) => bitsOf(facet, v))));
        for (const b of list) setBit(b, i);
      }
      return e.a as string[];
    };
    this.cards = packed<Card>(n, null as unknown as Card);
    this.ludDay = packed<string | null>(n, null);
    this.sdDay = packed<string | null>(n, null);
    const signatures = new FacetCounterBuilder(n);
    const days = new Map<number, string | null>();
    const day = (d: number) => days.get(d) ?? days.set(d, isoDay(d)).get(d)!;
    for (let i = 0; i < n; i++) {
      const t = sorted[i]!;
      this.ids[i] = t.nct_id;
      if (t.live) setBit(this.live, i);
      if (t.results) setBit(this.results, i);
      const status = str(t.overall_status);
      if (OPEN_ENUMS.has(status)) this.open[i] = 1;
      setBit(bitsOf(this.rawStatus, status), i);
      const donor = str(t.donor);
      if (donor !== null) setBit(bitsOf(this.donor, donor), i);
      arr(t.countries, this.values.country, i);
      lud[i] = t.lud ?? NaN;
      sd[i] = t.sd ?? NaN;
      head[i] = t.head ?? NaN;
      this.ludDay[i] = day(lud[i]!);
      this.sdDay[i] = day(sd[i]!);
      // What the trial counts under in each facet (sql.ts facetsSql): "mixed" under both donors, raw statuses as their slug.
      signatures.add(i, [t.therapy, t.source, t.route, t.phase, t.countries, donor, status, t.results ? 1 : 0].join("\u0003"), () => ({
        therapy: t.therapy === null ? [] : listOf(t.therapy),
        source: t.source === null ? [] : listOf(t.source),
        route: t.route === null ? [] : listOf(t.route),
        phase: t.phase === null ? [] : listOf(t.phase),
        country: t.countries === null ? [] : listOf(t.countries),
        donor: donor === null ? [] : donor === "mixed" ? ["autologous", "allogeneic"] : [donor],
        status: [statusSlug(status)],
        results: t.results ? ["posted"] : [],
      }));
      this.cards[i] = {
        nct_id: t.nct_id,
        brief_title: t.brief_title,
        overall_status: status,
        phase: arr(t.phase, this.values.phase, i),
        therapy: arr(t.therapy, this.values.therapy, i),
        source: arr(t.source, this.values.source, i),
        donor,
        route: arr(t.route, this.values.route, i),
        flags: arr(t.flags, null, i),
        sponsor_name: str(t.sponsor_name),
        has_results: t.has_results,
        results_published: t.results_published,
      };
    }
    this.num = new IdNumbers(this.ids);
    const none = newBits(n);
    this.facetCounter = signatures.finish(this.live, (facet, v) => {
      const of = (m: Map<string, Bits>, x: string) => m.get(x) ?? none;
      if (facet === "donor") return v === "autologous" || v === "allogeneic" ? [of(this.donor, v), of(this.donor, "mixed")] : [of(this.donor, v)];
      if (facet === "status") return [...this.rawStatus].filter(([raw]) => statusSlug(raw) === v).map(([, b]) => b);
      if (facet === "results") return [this.results];
      return [of(this.values[facet], v)];
    });
    this.scratch = newBits(n);
    this.scratchBase = newBits(n);
    this.scratchAll = newBits(n);
    // "date DESC NULLS LAST, nct_id ASC"; dense numbers are already in nct id order.
    const byDateDesc = (d: Float64Array) => (a: number, b: number) => {
      const x = d[a]!;
      const y = d[b]!;
      if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) {
        if (Number.isNaN(x)) return 1;
        if (Number.isNaN(y)) return -1;
        return y - x;
      }
      return a - b;
    };
    const all = new Uint32Array(n);
    for (let i = 0; i < n; i++) all[i] = i;
    this.orderUpdated = all.slice().sort(byDateDesc(lud));
    this.orderStart = all.slice().sort(byDateDesc(sd));
    this.posUpdated = new Uint32Array(n);
    for (let p = 0; p < n; p++) this.posUpdated[this.orderUpdated[p]!] = p;
    // Open trials first, each group in "last update" order: a stable partition, no sort needed.
    this.orderRelevance = new Uint32Array(n);
    let w = 0;
    for (const pass of [1, 0]) for (let p = 0; p < n; p++) if (this.open[this.orderUpdated[p]!] === pass) this.orderRelevance[w++] = this.orderUpdated[p]!;
    this.posNct = all;
    this.orderHead = all.filter((i) => !Number.isNaN(head[i]!)).sort((a, b) => head[b]! - head[a]!);

    // Sites in any order: placed by trial (a counting sort), each trial's in position order (rows
    // usually arrive so; a trial whose do not is sorted). Sites of unknown trials are left out.
    const rows = sites.nct_id.length;
    const position = sites.position;
    const trialOf = new Int32Array(rows);
    this.siteStart = new Uint32Array(n + 1);
    for (let r = 0; r < rows; r++) {
      const t = this.num.of(sites.nct_id[r]!);
      trialOf[r] = t ?? -1;
      if (t !== undefined) this.siteStart[t + 1]!++;
    }
    for (let i = 0; i < n; i++) this.siteStart[i + 1]! += this.siteStart[i]!;
    const m = this.siteStart[n]!;
    const fill = this.siteStart.slice(0, n);
    const rowAt = new Uint32Array(m);
    for (let r = 0; r < rows; r++) if (trialOf[r]! >= 0) rowAt[fill[trialOf[r]!]!++] = r;
    for (let i = 0; i < n; i++) {
      const from = this.siteStart[i]!;
      const to = this.siteStart[i + 1]!;
      for (let k = from + 1; k < to; k++)
        if (position[rowAt[k]!]! < position[rowAt[k - 1]!]!) {
          rowAt.subarray(from, to).sort((x, y) => position[x]! - position[y]!);
          break;
        }
    }
    this.siteTrial = new Uint32Array(m);
    this.siteLat = new Float64Array(m);
    this.siteLon = new Float64Array(m);
    this.siteCountry = packed<string | null>(m, null);
    this.siteState = packed<string | null>(m, null);
    this.siteCity = packed<string | null>(m, null);
    this.siteFacility = packed<string | null>(m, null);
    this.siteStatus = packed<string | null>(m, null);
    for (let k = 0; k < m; k++) {
      const r = rowAt[k]!;
      this.siteTrial[k] = trialOf[r]!;
      const lat = (this.siteLat[k] = sites.lat[r]!);
      const lon = (this.siteLon[k] = sites.lon[r]!);
      this.siteCountry[k] = str(sites.country[r] as string | null);
      const st = (this.siteState[k] = str(sites.state[r] as string | null));
      const ci = (this.siteCity[k] = str(sites.city[r] as string | null));
      this.siteFacility[k] = sites.facility[r] as string | null;
      this.siteStatus[k] = str(sites.status[r] as string | null);
      if (st !== null) (this.byState.get(st) ?? this.byState.set(st, []).get(st)!).push(k);
      if (ci !== null) (this.byCity.get(ci) ?? this.byCity.set(ci, []).get(ci)!).push(k);
      if (!Number.isNaN(lat) && !Number.isNaN(lon)) this.located.push(k);
    }
    this.defaultSite = new Int32Array(n);
    for (let i = 0; i < n; i++) this.defaultSite[i] = this.cardSite(i, null).k;
    if (this.located.length) {
      const tree = new KDBush(this.located.length, 64, Float64Array);
      for (const j of this.located) tree.add(this.siteLon[j]!, this.siteLat[j]!);
      tree.finish();
      this.tree = tree;
    } else this.tree = null;
  }
  private readonly siteState: (string | null)[];
  private readonly siteCity: (string | null)[];

  /** Dense number of a trial id (for text hits and exclusions); undefined when unknown. */
  numberOf(id: string): number | undefined {
    return this.num.of(id);
  }

  /** Trials with one site meeting every given condition (sql.ts siteConds). */
  private siteMatch(conds: { country?: string; state?: string; city?: string }): Bits {
    const out = newBits(this.n);
    const list = conds.city !== undefined ? this.byCity.get(conds.city) : this.byState.get(conds.state!);
    for (const k of list ?? []) {
      if (conds.state !== undefined && this.siteState[k] !== conds.state) continue;
      if (conds.country !== undefined && this.siteCountry[k] !== conds.country) continue;
      setBit(out, this.siteTrial[k]!);
    }
    return out;
  }

  /** Nearest qualifying site distance per trial (sql.ts `near` CTE); the last few places are kept. */
  private near(place: Place, miles: number | null): Near {
    const key = `${place.lat},${place.lon},${miles}`;
    const hit = this.nearCache.get(key);
    if (hit) {
      this.nearCache.delete(key);
      this.nearCache.set(key, hit);
      return hit;
    }
    const out = this.computeNear(place, miles);
    this.nearCache.set(key, out);
    if (this.nearCache.size > NEAR_CACHE) this.nearCache.delete(this.nearCache.keys().next().value!);
    return out;
  }

  /** sql.ts haversine(), the very formula. */
  private static miles(place: Place, lat: number, lon: number): number {
    const rad = Math.PI / 180;
    const a = Math.sin(((lat - place.lat) * rad) / 2) ** 2 + Math.cos(place.lat * rad) * Math.cos(lat * rad) * Math.sin(((lon - place.lon) * rad) / 2) ** 2;
    return EARTH_RADIUS_MILES * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  private computeNear(place: Place, miles: number | null): Near {
    const bits = newBits(this.n);
    const d = new Float64Array(this.n).fill(NaN);
    if (!this.tree) return { bits, d };
    let hits: number[];
    if (miles === null) hits = this.located.map((_, j) => j);
    else {
      const box = boundingBox(place.lat, place.lon, miles);
      hits = box.wrapsLon ? this.tree.range(-Infinity, box.minLat, Infinity, box.maxLat) : this.tree.range(box.minLon, box.minLat, box.maxLon, box.maxLat);
    }
    for (const j of hits) {
      const k = this.located[j]!;
      const dist = SearchIndex.miles(place, this.siteLat[k]!, this.siteLon[k]!);
      if (miles !== null && !(dist <= miles)) continue;
      const t = this.siteTrial[k]!;
      const prev = d[t]!;
      if (Number.isNaN(prev) || dist < prev) d[t] = dist;
      setBit(bits, t);
    }
    return { bits, d };
  }

  /**
   * A trial's card (sql.ts pageSql's row through toSummary): its nearest site is the closest to
   * `place` (unlocated sites last), then recruiting before other statuses before none, then by position.
   */
  summary(i: number, place: Place | null): TrialSummary {
    const { k: best, d: bestD } = place ? this.cardSite(i, place) : { k: this.defaultSite[i]!, d: NaN };
    const c = this.cards[i]!;
    // A literal of fixed shape, not a spread of the card: V8 built each spread copy in ~20 µs.
    const row: Row = {
      nct_id: c.nct_id,
      brief_title: c.brief_title,
      overall_status: c.overall_status,
      donor: c.donor,
      sponsor_name: c.sponsor_name,
      has_results: c.has_results,
      results_published: c.results_published,
      phase: c.phase!,
      therapy: c.therapy!,
      source: c.source!,
      route: c.route!,
      flags: c.flags!,
      last_updated: this.ludDay[i]!,
      start_date: this.sdDay[i]!,
      facility: best < 0 ? null : this.siteFacility[best]!,
      city: best < 0 ? null : this.siteCity[best]!,
      state: best < 0 ? null : this.siteState[best]!,
      country: best < 0 ? null : this.siteCountry[best]!,
      site_status: best < 0 ? null : this.siteStatus[best]!,
      dist: best < 0 || Number.isNaN(bestD) ? null : bestD,
      lat: best < 0 || Number.isNaN(this.siteLat[best]!) ? null : this.siteLat[best]!,
      lon: best < 0 || Number.isNaN(this.siteLon[best]!) ? null : this.siteLon[best]!,
    };
    return toSummary(row);
  }

  /** The site a trial's card shows (see summary) and its distance from `place` (NaN: none); k = -1 when the trial has no site. */
  private cardSite(i: number, place: Place | null): { k: number; d: number } {
    let best = -1;
    let bestD = NaN;
    let bestR = 3;
    for (let k = this.siteStart[i]!; k < this.siteStart[i + 1]!; k++) {
      const lat = this.siteLat[k]!;
      const d = place && !Number.isNaN(lat) && !Number.isNaN(this.siteLon[k]!) ? SearchIndex.miles(place, lat, this.siteLon[k]!) : NaN;
      const st = this.siteStatus[k];
      const r = st === null || st === undefined ? 2 : st === "RECRUITING" ? 0 : 1;
      const closer = !Number.isNaN(d) && (Number.isNaN(bestD) || d < bestD);
      const tie = Number.isNaN(d) ? Number.isNaN(bestD) : d === bestD;
      if (best < 0 || closer || (tie && r < bestR)) {
        best = k;
        bestD = d;
        bestR = r;
      }
    }
    return { k: best, d: bestD };
  }

  /** The union of some values' bitsets, kept per index for the last few lists asked (bitsets are never written once built). */
  private anyOf(m: Map<string, Bits>, vals: readonly string[]): Bits {
    let perMap = this.unions.get(m);
    if (!perMap) this.unions.set(m, (perMap = new Map()));
    const key = vals.join("\u0001");
    let u = perMap.get(key);
    if (!u) {
      u = union(
        this.n,
        vals.map((v) => m.get(v)),
      );
      perMap.set(key, u);
      if (perMap.size > UNION_CACHE) perMap.delete(perMap.keys().next().value!);
    }
    return u;
  }

  /**
   * The trials a search matches before its facet filters (live, not excluded, state/city, near,
   * text), its facet filters (null = no condition) and the distances when `near` is set.
   */
  private filters(f: SearchFilters, place: Place | null, text: TextHits | null, exclude: readonly string[], into?: Bits) {
    const base = into ? (into.set(this.live), into) : this.live.slice();
    if (exclude.length) {
      const ex = newBits(this.n);
      for (const id of exclude) {
        const i = this.num.of(id);
        if (i !== undefined) setBit(ex, i);
      }
      for (let w = 0; w < base.length; w++) base[w]! &= ~ex[w]!;
    }
    if (text) andInto(base, text.bits);
    if (f.state !== undefined || f.city !== undefined) andInto(base, this.siteMatch({ state: f.state, city: f.city }));
    let dist: Float64Array | null = null;
    if (place) {
      const nr = this.near(place, radiusMiles(f.radius));
      andInto(base, nr.bits);
      dist = nr.d;
    }
    const facet: Record<FacetName, Bits | null> = {
      therapy: f.therapy.length ? this.anyOf(this.values.therapy, f.therapy) : null,
      donor: f.donor ? this.anyOf(this.donor, [f.donor, "mixed"]) : null,
      phase: f.phase.length ? this.anyOf(this.values.phase, f.phase) : null,
      source: f.source.length ? this.anyOf(this.values.source, f.source) : null,
      route: f.route.length ? this.anyOf(this.values.route, f.route) : null,
      status:
        f.status === "any"
          ? null
          : this.anyOf(
              this.rawStatus,
              f.status.map((s) => STATUS_ENUM[s]),
            ),
      country: !f.country
        ? null
        : f.state !== undefined || f.city !== undefined
          ? this.siteMatch({ country: f.country, state: f.state, city: f.city })
          : (this.values.country.get(f.country) ?? newBits(this.n)),
      results: f.results ? this.results : null,
    };
    return { base, facet, dist };
  }

  /** The candidate set with every filter but `except` (null: every filter). */
  private mask(base: Bits, facet: Record<FacetName, Bits | null>, except: FacetName | null, into?: Bits): Bits {
    const m = into ? (into.set(base), into) : base.slice();
    for (const [name, b] of Object.entries(facet) as [FacetName, Bits | null][]) if (b && name !== except) andInto(m, b);
    return m;
  }

  /** Every trial the search matches, as a set of dense numbers. */
  matchBits(f: SearchFilters, place: Place | null, text: TextHits | null, exclude: readonly string[] = []): Bits {
    const { base, facet } = this.filters(f, place, text, exclude);
    return this.mask(base, facet, null);
  }

  /** The ids of every trial the search matches (in nct id order). */
  matchIds(f: SearchFilters, place: Place | null, text: TextHits | null, exclude: readonly string[] = []): string[] {
    const out: string[] = [];
    forEach(this.matchBits(f, place, text, exclude), (i) => out.push(this.ids[i]!));
    return out;
  }

  /** Total, facets (each with the other filters applied) and the page's ids in result order. */
  search(f: SearchFilters, place: Place | null, text: TextHits | null, opts: { exclude?: readonly string[]; limit?: number; offset?: number } = {}): IndexAnswer {
    const { base, facet, dist } = this.filters(f, place, text, opts.exclude ?? [], this.scratchBase);
    const facets = emptyFacets();
    const all = this.mask(base, facet, null, this.scratchAll);
    let total: number;
    const onlyFacets = !text && !place && f.state === undefined && f.city === undefined && !opts.exclude?.length;
    if (onlyFacets || !f.country || (f.state === undefined && f.city === undefined)) {
      // Whether a trial of the base passes the facet filters is a matter of its signature
      // (index-facets.ts): no walk for facet filters alone, one walk of the base otherwise. A country
      // narrowed by state or city reads sites, not signatures: that search counts by walks below.
      total = onlyFacets ? this.facetCounter.countBySignature(facets, facet) : this.facetCounter.countBySignature(facets, facet, base, count(base));
    } else {
      total = count(all);
      // Each facet with the other filters applied: the facets without a filter over the candidate set,
      // each filtered one over its own mask (held in one scratch bitset in turn: a search runs synchronously).
      this.facetCounter.countInto(
        facets,
        all,
        total,
        FACETS.filter((name) => !facet[name]),
      );
      for (const name of FACETS)
        if (facet[name]) {
          const m = this.mask(base, facet, name, this.scratch);
          this.facetCounter.countInto(facets, m, count(m), [name]);
        }
    }
    const limit = opts.limit ?? PAGE_SIZE;
    const offset = opts.offset ?? (f.page - 1) * PAGE_SIZE;
    const page = this.page(all, f, dist, text, offset, limit);
    return { total, facets, pageIds: page.map((i) => this.ids[i]!), trials: page.map((i) => this.summary(i, place)) };
  }

  /**
   * The newest recorded changes of the trials a search matches (sql.ts newestChangesSql, without
   * an alert's window): change id, trial and title, newest first, at most `limit`.
   */
  newestChanges(f: SearchFilters, place: Place | null, text: TextHits | null, limit: number): { changeId: number; nctId: string; title: string }[] {
    const all = this.matchBits(f, place, text);
    const out: { changeId: number; nctId: string; title: string }[] = [];
    for (let p = 0; p < this.orderHead.length && out.length < limit; p++) {
      const i = this.orderHead[p]!;
      if (hasBit(all, i)) out.push({ changeId: this.head[i]!, nctId: this.ids[i]!, title: this.cards[i]!.brief_title });
    }
    return out;
  }

  /** Result order (sql.ts pageSql ORDER BY), only as far as offset + limit. */
  private page(all: Bits, f: SearchFilters, dist: Float64Array | null, text: TextHits | null, offset: number, limit: number): number[] {
    const want = offset + limit;
    const ranked = f.sort === "relevance" && text?.rank ? this.ranksOf(text) : null;
    const rank = ranked?.rank ?? null;
    let order: Uint32Array | null = null;
    if (f.sort === "updated") order = this.orderUpdated;
    else if (f.sort === "start") order = this.orderStart;
    else if (f.sort === "relevance" && !dist) order = ranked ? (ranked.order ??= this.rankOrder(text!.bits, ranked.rank)) : this.orderRelevance;
    if (order) {
      const out: number[] = [];
      for (let p = 0; p < order.length && out.length < want; p++) if (hasBit(all, order[p]!)) out.push(order[p]!);
      return out.slice(offset);
    }
    const cmp =
      f.sort === "distance" && dist
        ? (a: number, b: number) => dist[a]! - dist[b]! || this.posNct[a]! - this.posNct[b]!
        : (a: number, b: number) =>
            (rank ? rank[b]! - rank[a]! : 0) || this.open[b]! - this.open[a]! || (dist ? dist[a]! - dist[b]! : 0) || this.posUpdated[a]! - this.posUpdated[b]!;
    return topK(all, cmp, want).slice(offset);
  }

  /** A text match's ranks by dense number (a Map lookup per comparison made ranking 100,000 matches slow). */
  private ranksOf(text: TextHits): { rank: Float64Array; order: Uint32Array | null } {
    let r = this.textRanks.get(text);
    if (!r) {
      const rank = new Float64Array(this.n);
      for (const [i, x] of text.rank!) rank[i] = x;
      this.textRanks.set(text, (r = { rank, order: null }));
    }
    return r;
  }

  /**
   * The matches of a ranked text search in "relevance" order (rank, then open, then last update:
   * sql.ts pageSql), made once per text match set: the matches in orderRelevance, stably sorted by
   * rank. A page is then an iteration, as for the other sorts.
   */
  private rankOrder(bits: Bits, rank: Float64Array): Uint32Array {
    const members: number[] = [];
    for (let p = 0; p < this.n; p++) if (hasBit(bits, this.orderRelevance[p]!)) members.push(this.orderRelevance[p]!);
    return Uint32Array.from(members.sort((a, b) => rank[b]! - rank[a]!));
  }

  /** Rough bytes held (typed arrays and bitsets; ids counted at 2 bytes a character plus 40; titles at 1 plus 20). */
  approxBytes(): number {
    const bitsBytes = (m: Map<string, Bits>) => [...m.values()].reduce((s, b) => s + b.byteLength, 0);
    let bytes = this.live.byteLength + this.open.byteLength + this.posUpdated.byteLength * 5;
    for (const m of [...Object.values(this.values), this.donor, this.rawStatus]) bytes += bitsBytes(m);
    bytes += this.ids.reduce((s, id) => s + 40 + id.length * 2, 0) + this.num.bytes();
    bytes += this.siteTrial.byteLength + this.siteLat.byteLength * 2 + this.siteCountry.length * 8 * 5 + this.located.length * 24 + this.siteStart.byteLength;
    // Cards: an object of 12 fields each (their strings and arrays are mostly shared), titles unshared.
    bytes += this.cards.reduce((s, c) => s + 12 * 8 + 24 + 20 + c.brief_title.length, 0) + this.lud.byteLength * 2;
    // Card dates (two slots a trial, strings shared), the no-place card site, the signatures, the scratch bitsets.
    bytes += this.n * (2 * 8 + 4 + 4) + this.scratch.byteLength * 3;
    return bytes;
  }
}

/** The first `k` members of `set` under `cmp`, sorted (a bounded insertion for small k, a full sort otherwise). */
function topK(set: Bits, cmp: (a: number, b: number) => number, k: number): number[] {
  const members: number[] = [];
  forEach(set, (i) => members.push(i));
  if (k * 8 >= members.length) return members.sort(cmp).slice(0, k);
  const out: number[] = [];
  for (const x of members) {
    if (out.length === k && cmp(x, out[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cmp(out[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}
