import KDBush from "kdbush";
import type { Place } from "../geo/resolve";
import { andCount, andInto, type Bits, count, forEach, hasBit, newBits, orInto, setBit, union } from "./index-bits";
import { OPEN_STATUSES, PAGE_SIZE, radiusMiles, STATUS_ENUM, statusSlug, type SearchFilters } from "./schema";
import { boundingBox, EARTH_RADIUS_MILES, emptyFacets, type FacetName, type Facets } from "./sql";

// The in-memory search index (issue 15): the same answers as lib/search/sql.ts (the oracle, see
// tests/integration/db/search-index.test.ts), computed from bitsets. Pure: built from rows read in
// one snapshot (index-build.ts), queried synchronously (index-run.ts wires it in).

export type IndexTrialRow = {
  nct_id: string;
  live: boolean;
  overall_status: string;
  therapy: string[] | null;
  source: string[] | null;
  donor: string | null;
  route: string[] | null;
  phase: string[] | null;
  countries: string[] | null;
  /** Results posted or published (SPEC `results=posted`). */
  results: boolean | null;
  /** Days since 1970-01-01, or null. */
  lud: number | null;
  sd: number | null;
};
export type IndexSiteRow = { nct_id: string; lat: number | null; lon: number | null; country: string | null; state: string | null; city: string | null };

type ArrayFacet = "therapy" | "source" | "route" | "phase" | "country";
const OPEN_ENUMS = new Set(OPEN_STATUSES.map((s) => STATUS_ENUM[s]));

/** Text matches of a search's `q` (from Postgres full-text): dense trial number → rank (0 when unranked). */
export type TextHits = { bits: Bits; rank: Map<number, number> | null };

export type IndexAnswer = { total: number; facets: Facets; /** The page's trials in result order. */ pageIds: string[] };

export class SearchIndex {
  readonly n: number;
  readonly ids: string[];
  private readonly num = new Map<string, number>();
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
    sites: IndexSiteRow[],
  ) {
    const sorted = [...trials].sort((a, b) => (a.nct_id < b.nct_id ? -1 : a.nct_id > b.nct_id ? 1 : 0));
    const n = (this.n = sorted.length);
    this.ids = sorted.map((t) => t.nct_id);
    this.ids.forEach((id, i) => this.num.set(id, i));
    this.live = newBits(n);
    this.results = newBits(n);
    this.open = new Uint8Array(n);
    const put = (m: Map<string, Bits>, v: string, i: number) => {
      let b = m.get(v);
      if (!b) m.set(v, (b = newBits(n)));
      setBit(b, i);
    };
    const lud = new Float64Array(n);
    const sd = new Float64Array(n);
    sorted.forEach((t, i) => {
      if (t.live) setBit(this.live, i);
      if (t.results) setBit(this.results, i);
      if (OPEN_ENUMS.has(t.overall_status)) this.open[i] = 1;
      put(this.rawStatus, t.overall_status, i);
      if (t.donor !== null) put(this.donor, t.donor, i);
      for (const v of t.therapy ?? []) put(this.values.therapy, v, i);
      for (const v of t.source ?? []) put(this.values.source, v, i);
      for (const v of t.route ?? []) put(this.values.route, v, i);
      for (const v of t.phase ?? []) put(this.values.phase, v, i);
      for (const v of t.countries ?? []) put(this.values.country, v, i);
      lud[i] = t.lud ?? NaN;
      sd[i] = t.sd ?? NaN;
    });
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
    const all = Uint32Array.from({ length: n }, (_, i) => i);
    this.orderUpdated = all.slice().sort(byDateDesc(lud));
    this.orderStart = all.slice().sort(byDateDesc(sd));
    this.posUpdated = new Uint32Array(n);
    this.orderUpdated.forEach((t, p) => (this.posUpdated[t] = p));
    this.orderRelevance = this.orderUpdated.slice().sort((a, b) => this.open[b]! - this.open[a]! || this.posUpdated[a]! - this.posUpdated[b]!);
    this.posNct = all;

    const kept = sites.filter((s) => this.num.has(s.nct_id));
    this.siteTrial = Uint32Array.from(kept, (s) => this.num.get(s.nct_id)!);
    this.siteCountry = kept.map((s) => s.country);
    this.siteLat = Float64Array.from(kept, (s) => s.lat ?? NaN);
    this.siteLon = Float64Array.from(kept, (s) => s.lon ?? NaN);
    const siteState = kept.map((s) => s.state);
    const siteCity = kept.map((s) => s.city);
    kept.forEach((s, k) => {
      const st = siteState[k];
      const ci = siteCity[k];
      if (st !== null && st !== undefined) (this.byState.get(st) ?? this.byState.set(st, []).get(st)!).push(k);
      if (ci !== null && ci !== undefined) (this.byCity.get(ci) ?? this.byCity.set(ci, []).get(ci)!).push(k);
      if (s.lat !== null && s.lon !== null) this.located.push(k);
    });
    this.siteState = siteState;
    this.siteCity = siteCity;
    if (this.located.length) {
      const tree = new KDBush(this.located.length, 64, Float64Array);
      for (const k of this.located) tree.add(this.siteLon[k]!, this.siteLat[k]!);
      tree.finish();
      this.tree = tree;
    } else this.tree = null;
  }
  private readonly siteState: (string | null)[];
  private readonly siteCity: (string | null)[];

  /** Dense number of a trial id (for text hits and exclusions); undefined when unknown. */
  numberOf(id: string): number | undefined {
    return this.num.get(id);
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

  /** Nearest qualifying site distance per trial (sql.ts `near` CTE). */
  private near(place: Place, miles: number | null): { bits: Bits; d: Map<number, number> } {
    const bits = newBits(this.n);
    const d = new Map<number, number>();
    if (!this.tree) return { bits, d };
    let hits: number[];
    if (miles === null) hits = this.located.map((_, j) => j);
    else {
      const box = boundingBox(place.lat, place.lon, miles);
      hits = box.wrapsLon ? this.tree.range(-Infinity, box.minLat, Infinity, box.maxLat) : this.tree.range(box.minLon, box.minLat, box.maxLon, box.maxLat);
    }
    const rad = Math.PI / 180;
    const pLat = place.lat;
    const pLon = place.lon;
    const cosP = Math.cos(pLat * rad);
    for (const j of hits) {
      const k = this.located[j]!;
      const lat = this.siteLat[k]!;
      const lon = this.siteLon[k]!;
      // The very formula of sql.ts haversine().
      const a = Math.sin(((lat - pLat) * rad) / 2) ** 2 + cosP * Math.cos(lat * rad) * Math.sin(((lon - pLon) * rad) / 2) ** 2;
      const dist = EARTH_RADIUS_MILES * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
      if (miles !== null && !(dist <= miles)) continue;
      const t = this.siteTrial[k]!;
      const prev = d.get(t);
      if (prev === undefined || dist < prev) d.set(t, dist);
      setBit(bits, t);
    }
    return { bits, d };
  }

  private anyOf(m: Map<string, Bits>, vals: readonly string[]): Bits {
    return union(
      this.n,
      vals.map((v) => m.get(v)),
    );
  }

  /**
   * The trials a search matches before its facet filters (live, not excluded, state/city, near,
   * text), its facet filters (null = no condition) and the distances when `near` is set.
   */
  private filters(f: SearchFilters, place: Place | null, text: TextHits | null, exclude: readonly string[]) {
    const base = this.live.slice();
    if (exclude.length) {
      const ex = newBits(this.n);
      for (const id of exclude) {
        const i = this.num.get(id);
        if (i !== undefined) setBit(ex, i);
      }
      for (let w = 0; w < base.length; w++) base[w]! &= ~ex[w]!;
    }
    if (text) andInto(base, text.bits);
    if (f.state !== undefined || f.city !== undefined) andInto(base, this.siteMatch({ state: f.state, city: f.city }));
    let dist: Map<number, number> | null = null;
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
  private mask(base: Bits, facet: Record<FacetName, Bits | null>, except: FacetName | null): Bits {
    const m = base.slice();
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
    const { base, facet, dist } = this.filters(f, place, text, opts.exclude ?? []);
    const facets = emptyFacets();
    const all = this.mask(base, facet, null);
    const total = count(all);
    const tally = (name: ArrayFacet, mask: Bits) => {
      for (const [v, b] of this.values[name]) {
        const c = andCount(mask, b);
        if (c) facets[name][v] = c;
      }
    };
    tally("therapy", this.mask(base, facet, "therapy"));
    for (const name of ["source", "route", "phase", "country"] as const) tally(name, facet[name] ? this.mask(base, facet, name) : all);
    const donorMask = facet.donor ? this.mask(base, facet, "donor") : all;
    const anyDonor = count(donorMask);
    if (anyDonor) facets.donor.any = anyDonor;
    const mixed = this.donor.get("mixed");
    const buckets = new Set([...this.donor.keys()].filter((k) => k !== "mixed"));
    if (mixed) for (const k of ["autologous", "allogeneic"]) buckets.add(k);
    for (const k of buckets) {
      const own = this.donor.get(k);
      const b = (k === "autologous" || k === "allogeneic") && mixed ? orInto(own ? own.slice() : newBits(this.n), mixed) : own!;
      const c = andCount(donorMask, b);
      if (c) facets.donor[k] = c;
    }
    const statusMask = facet.status ? this.mask(base, facet, "status") : all;
    for (const [raw, b] of this.rawStatus) {
      const c = andCount(statusMask, b);
      if (c) {
        const slug = statusSlug(raw);
        facets.status[slug] = (facets.status[slug] ?? 0) + c;
      }
    }
    // Always one number, 0 included (as the SQL's single count row gives).
    facets.results.posted = andCount(facet.results ? this.mask(base, facet, "results") : all, this.results);
    const limit = opts.limit ?? PAGE_SIZE;
    const offset = opts.offset ?? (f.page - 1) * PAGE_SIZE;
    return { total, facets, pageIds: this.page(all, f, dist, text, offset, limit).map((i) => this.ids[i]!) };
  }

  /** Result order (sql.ts pageSql ORDER BY), only as far as offset + limit. */
  private page(all: Bits, f: SearchFilters, dist: Map<number, number> | null, text: TextHits | null, offset: number, limit: number): number[] {
    const want = offset + limit;
    const rank = f.sort === "relevance" && text?.rank ? text.rank : null;
    let order: Uint32Array | null = null;
    if (f.sort === "updated") order = this.orderUpdated;
    else if (f.sort === "start") order = this.orderStart;
    else if (f.sort === "relevance" && !rank && !dist) order = this.orderRelevance;
    if (order) {
      const out: number[] = [];
      for (let p = 0; p < order.length && out.length < want; p++) if (hasBit(all, order[p]!)) out.push(order[p]!);
      return out.slice(offset);
    }
    const cmp =
      f.sort === "distance" && dist
        ? (a: number, b: number) => dist.get(a)! - dist.get(b)! || this.posNct[a]! - this.posNct[b]!
        : (a: number, b: number) =>
            (rank ? rank.get(b)! - rank.get(a)! : 0) || this.open[b]! - this.open[a]! || (dist ? dist.get(a)! - dist.get(b)! : 0) || this.posUpdated[a]! - this.posUpdated[b]!;
    return topK(all, cmp, want).slice(offset);
  }

  /** Rough bytes held (typed arrays and bitsets; strings counted at 2 bytes a character plus 40). */
  approxBytes(): number {
    const bitsBytes = (m: Map<string, Bits>) => [...m.values()].reduce((s, b) => s + b.byteLength, 0);
    let bytes = this.live.byteLength + this.open.byteLength + this.posUpdated.byteLength * 5;
    for (const m of [...Object.values(this.values), this.donor, this.rawStatus]) bytes += bitsBytes(m);
    bytes += this.ids.reduce((s, id) => s + 40 + id.length * 2, 0) * 2;
    bytes += this.siteTrial.byteLength + this.siteLat.byteLength * 2 + this.siteCountry.length * 8 * 3 + this.located.length * 24;
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
