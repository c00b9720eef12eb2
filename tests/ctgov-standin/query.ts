import { EssieSyntaxError, type EssieNode, matches, parseEssie } from "./essie";
import { DATE_FIELDS, QUERY_PARAM_AREAS } from "./fields";
import type { Entry, StudyStore } from "./store";

/** A client error the real API answers with HTTP 400 and a plain-text body. */
export class BadRequest extends Error {}

const STATUSES = new Set([
  "ACTIVE_NOT_RECRUITING", "COMPLETED", "ENROLLING_BY_INVITATION", "NOT_YET_RECRUITING", "RECRUITING", "SUSPENDED", "TERMINATED",
  "WITHDRAWN", "AVAILABLE", "NO_LONGER_AVAILABLE", "TEMPORARILY_NOT_AVAILABLE", "APPROVED_FOR_MARKETING", "WITHHELD", "UNKNOWN",
]);
const FILTERS = ["overallStatus", "geo", "ids", "advanced", "synonyms"];
/** Parameters GET /studies knows (OAS 2.0.5). */
export const STUDIES_PARAMS = new Set([
  "format", "markupFormat", ...Object.keys(QUERY_PARAM_AREAS), ...FILTERS.flatMap((f) => [`filter.${f}`, `postFilter.${f}`]),
  "aggFilters", "geoDecay", "fields", "sort", "countTotal", "pageSize", "pageToken",
]);
/** Real parameters whose effect the stand-in does not reproduce: refused rather than silently ignored. */
const NOT_IMPLEMENTED = new Set(["filter.synonyms", "postFilter.synonyms", "aggFilters"]);
/** Later pages may differ from the first in these only. */
const PAGE_PARAMS = new Set(["pageToken", "pageSize", "countTotal"]);

export type SortSpec = { field: string; desc: boolean };
export type StudiesQuery = {
  queries: Array<{ area: string; node: EssieNode }>;
  statuses: Set<string>[];
  ids: Set<string>[];
  advanced: EssieNode[];
  geo: Array<{ lat: number; lon: number; miles: number }>;
  sort: SortSpec[];
  fields: string[] | null;
  pageSize: number;
  pageToken: string | null;
  countTotal: boolean;
  /** Canonical form of every parameter a later page must repeat. */
  key: string;
};

/** Unknown → 400 with the real API's wording; a repeated parameter → 400 as well. */
export function checkParams(params: URLSearchParams, known: Set<string>): void {
  const seen = new Set<string>();
  for (const name of params.keys()) {
    if (!known.has(name)) throw new BadRequest(`\`${name}\` is unknown parameter`);
    if (seen.has(name)) throw new BadRequest(`\`${name}\` is given more than once`);
    seen.add(name);
  }
  if (params.has("format") && params.get("format") !== "json") {
    if (params.get("format") === "csv") throw new BadRequest("format=csv is not implemented by the ctgov stand-in (json only)");
    throw new BadRequest(`invalid \`format\` value: ${params.get("format")}`);
  }
  if (params.has("markupFormat") && params.get("markupFormat") !== "markdown") throw new BadRequest("the ctgov stand-in serves markupFormat=markdown only");
}

const list = (v: string) => v.split(/[,|]/).map((s) => s.trim()).filter(Boolean);

function essie(name: string, value: string): EssieNode {
  try {
    return parseEssie(value);
  } catch (e) {
    if (e instanceof EssieSyntaxError) throw new BadRequest(`\`${name}\`: ${e.message}`);
    throw e;
  }
}

function parseGeo(name: string, v: string) {
  const m = /^distance\((-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(\d+(?:\.\d+)?)(km|mi)?\)$/.exec(v);
  if (!m) throw new BadRequest(`\`${name}\` must look like distance(39.0035707,-77.1013313,50mi)`);
  const d = Number(m[3]);
  return { lat: Number(m[1]), lon: Number(m[2]), miles: m[4] === "km" ? d / 1.609344 : d };
}

function normalizeId(name: string, raw: string): string {
  const m = /^[Nn][Cc][Tt]0*([1-9]\d{0,7})$/.exec(raw);
  if (!m) throw new BadRequest(`\`${name}\`: invalid NCT ID ${raw}`);
  return `NCT${m[1]!.padStart(8, "0")}`;
}

export function parseStudiesQuery(params: URLSearchParams): StudiesQuery {
  checkParams(params, STUDIES_PARAMS);
  for (const name of NOT_IMPLEMENTED) if (params.has(name)) throw new BadRequest(`\`${name}\` is not implemented by the ctgov stand-in`);
  const q: StudiesQuery = { queries: [], statuses: [], ids: [], advanced: [], geo: [], sort: [], fields: null, pageSize: 10, pageToken: null, countTotal: false, key: "" };
  let onlyIds = false;
  for (const [param, area] of Object.entries(QUERY_PARAM_AREAS)) {
    const v = params.get(param);
    if (v === null) continue;
    q.queries.push({ area, node: essie(param, v) });
    if (/^\s*(NCT\d{8}[\s,]*)+$/i.test(v)) onlyIds = true;
  }
  // "If any query parameter contains only NCT IDs (comma- and/or space-separated), filters are ignored."
  for (const prefix of onlyIds ? [] : ["filter", "postFilter"]) {
    const status = params.get(`${prefix}.overallStatus`);
    if (status !== null) {
      const set = new Set(list(status).map((s) => s.toUpperCase()));
      for (const s of set) if (!STATUSES.has(s)) throw new BadRequest(`\`${prefix}.overallStatus\`: unknown status ${s}`);
      q.statuses.push(set);
    }
    const ids = params.get(`${prefix}.ids`);
    if (ids !== null) q.ids.push(new Set(list(ids).map((id) => normalizeId(`${prefix}.ids`, id))));
    const adv = params.get(`${prefix}.advanced`);
    if (adv !== null) q.advanced.push(essie(`${prefix}.advanced`, adv));
    const geo = params.get(`${prefix}.geo`);
    if (geo !== null) q.geo.push(parseGeo(`${prefix}.geo`, geo));
  }
  const sort = params.get("sort");
  if (sort !== null) {
    const items = list(sort);
    if (!items.length || items.length > 2) throw new BadRequest("`sort` takes one or two items");
    for (const item of items) {
      const [field = "", dir] = item.split(":");
      if (dir !== undefined && dir !== "asc" && dir !== "desc") throw new BadRequest(`\`sort\`: invalid direction in ${item}`);
      if (field !== "@relevance" && !DATE_FIELDS[field]) throw new BadRequest(`\`sort\`: the ctgov stand-in sorts by @relevance or a date field, not ${field}`);
      if (field !== "@relevance") q.sort.push({ field, desc: dir !== "asc" });
    }
  }
  const fields = params.get("fields");
  if (fields !== null) {
    const names = list(fields);
    if (!names.length || names.some((f) => f !== "@query" && !/^[a-zA-Z][a-zA-Z0-9\-. ]*$/.test(f))) throw new BadRequest("`fields` must be a non-empty list of field names");
    q.fields = names.includes("@query") ? null : names;
  }
  const size = params.get("pageSize");
  if (size !== null) {
    if (!/^\d+$/.test(size)) throw new BadRequest(`\`pageSize\` must be a non-negative integer: ${size}`);
    const n = Number(size);
    q.pageSize = n === 0 ? 10 : Math.min(n, 1000);
  }
  const count = params.get("countTotal");
  if (count !== null && count !== "true" && count !== "false") throw new BadRequest("`countTotal` must be true or false");
  q.countTotal = count === "true";
  q.pageToken = params.get("pageToken");
  q.key = [...params.entries()].filter(([k]) => !PAGE_PARAMS.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join("&");
  return q;
}

function miles(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 3958.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function selects(q: StudiesQuery, e: Entry): boolean {
  return (
    q.ids.every((set) => set.has(e.id) || e.aliases.some((a) => set.has(a))) &&
    q.statuses.every((set) => e.status !== undefined && set.has(e.status)) &&
    q.queries.every(({ area, node }) => matches(node, e.doc, area)) &&
    q.advanced.every((node) => matches(node, e.doc, "BasicSearch")) &&
    q.geo.every((g) => e.geo().some((p) => miles(g, p) <= g.miles))
  );
}

/** A selected study in result order; `sortKey` holds the sort fields' values. */
export type Ref = { id: string; synthetic: number | null; sortKey: Array<string | undefined> };

export function compareRefs(sort: SortSpec[], a: Pick<Ref, "id" | "sortKey">, b: Pick<Ref, "id" | "sortKey">): number {
  for (let k = 0; k < sort.length; k++) {
    const x = a.sortKey[k];
    const y = b.sortKey[k];
    if (x === y) continue;
    if (x === undefined) return 1; // missing values always last
    if (y === undefined) return -1;
    return (x < y ? -1 : 1) * (sort[k]!.desc ? -1 : 1);
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const cache = new WeakMap<StudyStore, Map<string, { version: number; refs: Ref[] }>>();

/** Every selected study in order; cached per store version, so paging through a query evaluates it once. */
export function select(store: StudyStore, q: StudiesQuery): Ref[] {
  const key = q.key.replace(/(^|&)fields=[^&]*/, "");
  let perStore = cache.get(store);
  if (!perStore) cache.set(store, (perStore = new Map()));
  const hit = perStore.get(key);
  if (hit && hit.version === store.version) return hit.refs;

  const refs: Ref[] = [];
  const add = (e: Entry, synthetic: number | null) => {
    if (selects(q, e)) refs.push({ id: e.id, synthetic, sortKey: q.sort.map((s) => e.doc.date(s.field)) });
  };
  for (const e of store.realEntries()) add(e, null);
  const syn = store.synthetic;
  for (let i = 0; syn && i < syn.count; i++) if (!store.shadowed(i)) add(store.syntheticEntry(i), i);
  refs.sort((a, b) => compareRefs(q.sort, a, b));

  if (perStore.size >= 32) perStore.delete(perStore.keys().next().value!);
  perStore.set(key, { version: store.version, refs });
  return refs;
}
