import { type FuzzQuery, SEARCH_PARAMS, UNESCAPED_MARKERS } from "./fuzz-queries";
import { percentile } from "../../bench/stats";
import { canonicalRedirect } from "../../../lib/search/canonical";

/**
 * Sends generated queries to the three search endpoints and checks every answer against the search
 * contract (SPEC §6): the API and the CSV answer 200 or a 400 that names the bad parameters, the
 * page answers 200 and shows a message exactly when the API refused the query, nothing echoes
 * injected markup unescaped, and every answer comes within a bound. Each query goes to all three
 * endpoints, so they can be checked against one another.
 */

export const ENDPOINTS = ["/api/trials", "/api/trials.csv", "/trials"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];
export type Answer = { endpoint: Endpoint; status: number | "network-error"; ms: number; detail?: string };
export type FuzzReport = {
  requests: number;
  byEndpoint: Record<Endpoint, { requests: number; statuses: Record<string, number>; p50: number; p99: number; max: number }>;
  problems: string[];
  seconds: number;
};

const ERROR_BODY_KEYS = ["error", "message", "errors"];

async function send(base: string, endpoint: Endpoint, qs: string, timeoutMs: number) {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${endpoint}?${qs}`, { signal: AbortSignal.timeout(timeoutMs), redirect: "manual" });
    const body = await res.text();
    return { status: res.status as number | "network-error", type: res.headers.get("content-type") ?? "", location: res.headers.get("location"), body, ms: performance.now() - t0 };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    return { status: "network-error" as const, type: "", body: `${e.name}: ${e.cause?.code ?? e.message}`, ms: performance.now() - t0 };
  }
}

/** Problems with a 400 from the API or the CSV: it must say what was wrong, naming parameters of this query. */
function check400(body: string, query: FuzzQuery, present: Set<string>): { problems: string[]; named: string[] } {
  let json: { error?: unknown; message?: unknown; errors?: { param?: unknown; message?: unknown }[] };
  try {
    json = JSON.parse(body);
  } catch {
    return { problems: [`400 body is not JSON: ${body.slice(0, 200)}`], named: [] };
  }
  const problems: string[] = [];
  if (!ERROR_BODY_KEYS.every((k) => k in json) || json.error !== "invalid_parameters") problems.push(`400 body lacks error/message/errors: ${body.slice(0, 200)}`);
  if (typeof json.message !== "string" || !json.message.trim()) problems.push("400 without a message");
  const named = (Array.isArray(json.errors) ? json.errors : []).map((e) => String(e.param));
  if (!named.length) problems.push("400 names no parameter");
  for (const e of json.errors ?? []) if (typeof e.message !== "string" || !e.message.includes(String(e.param))) problems.push(`error for ${String(e.param)} does not name it: ${String(e.message)}`);
  for (const p of named) if (!(SEARCH_PARAMS as readonly string[]).includes(p) || !present.has(p)) problems.push(`400 names "${p}", which is not a parameter of this query`);
  for (const p of query.mustName) if (!named.includes(p)) problems.push(`400 does not name "${p}" (named: ${named.join(", ")})`);
  return { problems, named };
}

function check200Json(body: string): string[] {
  try {
    const j = JSON.parse(body) as { total?: unknown; page?: unknown; pageSize?: unknown; trials?: unknown; facets?: unknown };
    if (typeof j.total !== "number" || typeof j.page !== "number" || j.pageSize !== 20 || !Array.isArray(j.trials) || typeof j.facets !== "object") return [`200 body is not a search result: ${body.slice(0, 200)}`];
    return [];
  } catch {
    return [`200 body is not JSON: ${body.slice(0, 200)}`];
  }
}

/** The page's message for parameters it could not use (app/trials/param-errors.tsx). */
const showsParamErrors = (html: string) => html.includes('data-testid="param-errors"');

async function checkQuery(base: string, query: FuzzQuery, opts: { timeoutMs: number; boundMs: number }): Promise<{ answers: Answer[]; problems: string[] }> {
  const answers: Answer[] = [];
  const problems: string[] = [];
  const say = (endpoint: Endpoint, what: string) => problems.push(`${endpoint}?${query.qs.length > 300 ? `${query.qs.slice(0, 300)}… (${query.qs.length} chars)` : query.qs}\n    ${what}`);
  const present = new Set([...new URLSearchParams(query.qs).keys()]);
  const got: Partial<Record<Endpoint, Awaited<ReturnType<typeof send>>>> = {};
  for (const endpoint of ENDPOINTS) {
    const r = await send(base, endpoint, query.qs, opts.timeoutMs);
    got[endpoint] = r;
    answers.push({ endpoint, status: r.status, ms: r.ms });
    if (r.ms > opts.boundMs) say(endpoint, `took ${Math.round(r.ms)} ms (bound ${opts.boundMs} ms)`);
    if (r.status === "network-error" || r.status >= 500) {
      say(endpoint, `answered ${r.status}: ${r.body.slice(0, 300)}`);
      continue;
    }
    if (endpoint === "/trials" && r.status === 307) {
      // A valid query spelled differently from its canonical URL is redirected there (lib/search/canonical.ts).
      const want = canonicalRedirect(Object.fromEntries([...new URLSearchParams(query.qs).keys()].map((k) => [k, new URLSearchParams(query.qs).getAll(k)])));
      if (got["/api/trials"]?.status !== 200) say(endpoint, `page redirected a query the API refused (${got["/api/trials"]?.status})`);
      else if (!want || r.location !== want) say(endpoint, `page redirected to ${r.location}, not to the canonical ${want}`);
      continue;
    }
    if (endpoint === "/trials") {
      if (r.status !== 200) say(endpoint, `page answered ${r.status}`);
      if (!r.type.startsWith("text/html")) say(endpoint, `page content-type ${r.type}`);
      for (const m of UNESCAPED_MARKERS) if (r.body.includes(m)) say(endpoint, `page echoes unescaped markup: ${m}`);
      const apiStatus = got["/api/trials"]?.status;
      const message = showsParamErrors(r.body);
      if (apiStatus === 400 && !message) say(endpoint, "the API refused this query but the page shows no message");
      if (apiStatus === 200 && message) say(endpoint, "the page shows a parameter message but the API accepted the query");
      continue;
    }
    if (r.status !== 200 && r.status !== 400) say(endpoint, `answered ${r.status} (only 200 or 400 are allowed): ${r.body.slice(0, 200)}`);
    if (query.expect !== "either" && r.status !== query.expect) say(endpoint, `expected ${query.expect}${query.mustName.length ? ` naming ${query.mustName.join(", ")}` : ""}, got ${r.status}: ${r.body.slice(0, 300)}`);
    if (r.status === 400) {
      if (!r.type.startsWith("application/json")) say(endpoint, `400 content-type ${r.type}`);
      for (const p of check400(r.body, query, present).problems) say(endpoint, p);
    } else if (r.status === 200 && endpoint === "/api/trials") {
      for (const p of check200Json(r.body)) say(endpoint, p);
    } else if (r.status === 200) {
      if (!r.type.startsWith("text/csv")) say(endpoint, `CSV content-type ${r.type}`);
      // fetch's text() drops the byte-order mark the export starts with.
      if (!r.body.replace(/^\uFEFF/, "").startsWith("nct_id,")) say(endpoint, `CSV does not start with its header: ${r.body.slice(0, 80)}`);
      if (r.body.includes("EXPORT INCOMPLETE")) say(endpoint, "CSV export cut short");
    }
    if (endpoint === "/api/trials.csv" && got["/api/trials"]?.status !== r.status) say(endpoint, `CSV answered ${r.status} but the API ${got["/api/trials"]?.status}`);
  }
  return { answers, problems };
}

/** Runs every query against all endpoints, `concurrency` queries in flight. */
export async function runFuzz(base: string, queries: FuzzQuery[], opts: { concurrency?: number; timeoutMs?: number; boundMs?: number } = {}): Promise<FuzzReport> {
  const { concurrency = 8, timeoutMs = 30_000, boundMs = 10_000 } = opts;
  const t0 = performance.now();
  const answers: Answer[] = [];
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      const q = queries[next++]!;
      const r = await checkQuery(base, q, { timeoutMs, boundMs });
      answers.push(...r.answers);
      problems.push(...r.problems);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const byEndpoint = {} as FuzzReport["byEndpoint"];
  for (const endpoint of ENDPOINTS) {
    const mine = answers.filter((a) => a.endpoint === endpoint);
    const ms = mine.map((a) => a.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const a of mine) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    byEndpoint[endpoint] = { requests: mine.length, statuses, p50: Math.round(percentile(ms, 50)), p99: Math.round(percentile(ms, 99)), max: Math.round(ms.at(-1) ?? NaN) };
  }
  return { requests: answers.length, byEndpoint, problems, seconds: Math.round((performance.now() - t0) / 100) / 10 };
}

/** One line per endpoint, for the test log and docs/reliability.md. */
export function describeReport(r: FuzzReport): string {
  return ENDPOINTS.map((e) => {
    const s = r.byEndpoint[e];
    const statuses = Object.entries(s.statuses)
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    return `${e}: ${s.requests} requests (${statuses}); p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms`;
  }).join("\n");
}
