import type { Faults, Stats } from "./faults";
import type { Raw } from "./fields";
import { pageOf } from "./paging";
import { BadRequest, checkParams, parseStudiesQuery, select } from "./query";
import type { Entry, StudyStore } from "./store";

/** What a route answers before faults are applied. */
export type Reply = { status: number; body: string; json: boolean; headers?: Record<string, string> };

export type ApiContext = { store: StudyStore; faults: Faults; stats: Stats; dataTimestamp: string };

const text = (status: number, body: string): Reply => ({ status, body, json: false });

/** The API's `/api/v2` routes (path already stripped of the base). */
export function apiRoute(path: string, params: URLSearchParams, ctx: ApiContext): Reply {
  try {
    if (path === "/version") {
      checkParams(params, new Set());
      return { status: 200, json: true, body: JSON.stringify({ apiVersion: "2.0.5", dataTimestamp: ctx.dataTimestamp }) };
    }
    if (path === "/studies") return listStudies(params, ctx);
    const one = /^\/studies\/([^/]+)$/.exec(path);
    if (one) return oneStudy(decodeURIComponent(one[1]!), params, ctx);
    return text(404, "Not Found");
  } catch (e) {
    if (e instanceof BadRequest) return text(400, e.message);
    throw e;
  }
}

function listStudies(params: URLSearchParams, ctx: ApiContext): Reply {
  const q = parseStudiesQuery(params);
  const refs = select(ctx.store, q);
  const page = pageOf(refs, { key: q.key, sort: q.sort, pageSize: q.pageSize, pageToken: q.pageToken, quirk: ctx.faults.exactFullLastPageQuirk });
  if (page.quirk) ctx.stats.faults.quirkTokens++;
  const studies: string[] = [];
  const project = q.fields ? projector(q.fields) : null;
  for (const ref of page.refs) {
    const entry = ref.synthetic === null ? ctx.store.get(ref.id) : ctx.store.syntheticEntry(ref.synthetic);
    if (entry) studies.push(studyJson(entry, project, ctx));
  }
  if (q.pageToken === null && ctx.faults.injectStudy) {
    studies.push(JSON.stringify(ctx.faults.injectStudy));
    ctx.stats.faults.injectedServed++;
  }
  if (q.pageToken === null && ctx.faults.injectStudyJson) studies.push(ctx.faults.injectStudyJson);
  // Same key order as the API: totalCount (first page only), studies, nextPageToken.
  let body = "{";
  if (q.countTotal && q.pageToken === null) body += `"totalCount":${refs.length},`;
  body += `"studies":[${studies.join(",")}]`;
  if (page.nextPageToken) body += `,"nextPageToken":${JSON.stringify(page.nextPageToken)}`;
  return { status: 200, json: true, body: `${body}}` };
}

function oneStudy(rawId: string, params: URLSearchParams, ctx: ApiContext): Reply {
  checkParams(params, new Set(["format", "markupFormat", "fields"]));
  const m = /^[Nn][Cc][Tt]0*([1-9]\d{0,7})$/.exec(rawId);
  if (!m) throw new BadRequest(`invalid NCT ID: ${rawId}`);
  const id = `NCT${m[1]!.padStart(8, "0")}`;
  const fields = params.get("fields")?.split(/[,|]/).map((f) => f.trim()).filter(Boolean);
  const entry = ctx.store.get(id);
  if (entry) return { status: 200, json: true, body: studyJson(entry, fields?.length ? projector(fields) : null, ctx) };
  const aliased = ctx.store.realEntries().find((e) => e.aliases.includes(id));
  if (aliased) return { status: 301, json: false, body: "", headers: { Location: `./${aliased.id}` } };
  return text(404, `Study ${id} not found`);
}

function studyJson(entry: Entry, project: ((raw: Raw) => Raw) | null, ctx: ApiContext): string {
  if (ctx.faults.brokenStudy === entry.id) {
    ctx.stats.faults.brokenServed++;
    const broken = breakStudy(entry.load(), ctx.faults.brokenStudyMode);
    return JSON.stringify(project ? project(broken) : broken);
  }
  return project ? JSON.stringify(project(entry.load())) : entry.json();
}

/** A copy of the record that no schema of the v2 study should accept. */
export function breakStudy(raw: Raw, mode: Faults["brokenStudyMode"]): Raw {
  const copy = structuredClone(raw) as { protocolSection: Record<string, Record<string, unknown>> };
  const ps = copy.protocolSection;
  if (mode === "missing-nct-id") delete ps.identificationModule!.nctId;
  if (mode === "bad-date") ps.statusModule = { ...ps.statusModule, lastUpdatePostDateStruct: { date: "not a date", type: "ACTUAL" } };
  if (mode === "wrong-type") ps.designModule = { ...ps.designModule, phases: "PHASE2" };
  return copy as Raw;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * `fields`, simply: keep every branch whose key names one of the fields (case-insensitive; a
 * `...Struct` or plural key also answers to the piece name, so `LastUpdatePostDate` keeps
 * `lastUpdatePostDateStruct` and `Condition` keeps `conditions`), plus the path down to it.
 * Piece names that differ from their key (`InterventionName` for `interventions[].name`) are not resolved.
 */
export function projector(fields: string[]): (raw: Raw) => Raw {
  const wanted = new Set(fields.map(norm));
  const seen = new Map<string, boolean>();
  const named = (k: string) => {
    let yes = seen.get(k);
    if (yes === undefined) seen.set(k, (yes = [k, k.replace(/Struct$/, ""), k.replace(/s$/, "")].some((n) => wanted.has(norm(n)))));
    return yes;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const items = v.map(walk).filter((x) => x !== undefined);
      return items.length ? items : undefined;
    }
    if (!v || typeof v !== "object") return undefined;
    let out: Raw | undefined;
    for (const k in v as Raw) {
      const child = (v as Raw)[k];
      const kept = named(k) ? child : walk(child);
      if (kept !== undefined) (out ??= {})[k] = kept;
    }
    return out;
  };
  return (raw) => (walk(raw) as Raw | undefined) ?? {};
}

export const project = (raw: Raw, fields: string[]) => projector(fields)(raw);
