import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_CSP, SECURITY_HEADERS } from "../../lib/http/security-headers";
import { SEARCH_MIX } from "../bench/search-mix";
import type { Standin } from "../ctgov-standin/server";
import type { TestDatabase } from "../integration/helpers/db";
import { generateQueries } from "./helpers/fuzz-queries";
import { syncedDatabase } from "./helpers/synced";
import { startWeb, type WebApp } from "./helpers/web";

/**
 * The fast lane (lib/http/fast-lane.ts, docs/decisions/033-search-fast-lane.md) answers GET /api/trials
 * before Next.js. Two production servers over one database synced from the recorded data, one with
 * the lane and one without (FAST_LANE=off): for the realistic search mix and a thousand generated
 * query strings (valid, near-valid and invalid), both give the same status, the same bytes and the
 * same headers a client can see (security headers, API policy, caching; behind a trusted proxy too),
 * and gzip decodes to the same bytes. The lane must actually have answered the valid ones.
 */
const SEED = 20261206;

let database: TestDatabase | undefined;
let standin: Standin | undefined;
let lane: WebApp | undefined;
let viaNext: WebApp | undefined;

beforeAll(async () => {
  ({ database, standin } = await syncedDatabase());
  // TRUST_PROXY: the test client stands in for a proxy, so its X-Forwarded-Proto: https is believed.
  const env = { CTGOV_BASE_URL: standin.url, TRUST_PROXY: "127.0.0.1" };
  [lane, viaNext] = await Promise.all([startWeb({ databaseUrl: database.url, env }), startWeb({ databaseUrl: database.url, env: { ...env, FAST_LANE: "off" } })]);
  // The lane exists once the route's module has loaded: its first request goes through Next.js.
  for (const web of [lane, viaNext]) await fetch(`${web.url}/api/trials`).then((r) => r.arrayBuffer());
}, 600_000);

afterAll(async () => {
  await Promise.all([lane?.stop(), viaNext?.stop()]);
  await standin?.close();
  await database?.drop();
});

const VISIBLE = ["content-type", "cache-control", "content-security-policy", "strict-transport-security", ...SECURITY_HEADERS.map((h) => h.key.toLowerCase())];

async function ask(web: WebApp, qs: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${web.url}/api/trials${qs === "" ? "" : `?${qs}`}`, { headers: { "accept-encoding": "identity", ...headers } });
  const body = Buffer.from(await res.arrayBuffer());
  const visible = Object.fromEntries(VISIBLE.map((h) => [h, res.headers.get(h)]));
  return { status: res.status, body: body.toString(), visible, byLane: !(res.headers.get("vary") ?? "").includes("rsc"), encoding: res.headers.get("content-encoding") };
}

/** The bytes as sent (fetch would decode gzip and hide what came over the wire). */
function rawGet(url: string, headers: Record<string, string> = { "accept-encoding": "gzip, deflate, br" }): Promise<{ raw: Buffer; encoding?: string; length?: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ raw: Buffer.concat(chunks), encoding: res.headers["content-encoding"], length: res.headers["content-length"] }));
      })
      .on("error", reject);
  });
}

describe("GET /api/trials: the fast lane and Next.js give the same answer", () => {
  it("for the realistic mix and 1,000 generated query strings: same status, bytes and visible headers", async () => {
    const queries = [...SEARCH_MIX, ...generateQueries(SEED, 1_000).filter((q) => !q.huge).map((q) => q.qs)];
    let answeredByLane = 0;
    let ok = 0;
    for (const qs of queries) {
      const [a, b] = await Promise.all([ask(lane!, qs), ask(viaNext!, qs)]);
      expect(a.status, qs).toBe(b.status);
      expect(a.body, qs).toBe(b.body);
      expect(a.visible, qs).toEqual(b.visible);
      expect(b.byLane, `FAST_LANE=off answered by the lane: ${qs}`).toBe(false);
      if (a.status === 200) {
        ok++;
        expect(a.byLane, `a valid search went through Next.js: ${qs}`).toBe(true);
        answeredByLane++;
        expect(a.visible["content-security-policy"]).toBe(API_CSP);
      } else expect(a.byLane, `an invalid search is Next.js's to refuse: ${qs}`).toBe(false);
    }
    // The generated strings are mostly invalid; the mix is all valid: both kinds were compared.
    expect(ok).toBeGreaterThan(SEARCH_MIX.length);
    expect(queries.length - ok).toBeGreaterThan(100);
    console.log(`[fast-lane] ${queries.length} query strings compared: ${answeredByLane} answered by the lane, ${queries.length - ok} refused by Next.js on both servers`);
  }, 600_000);

  it("behind a trusted proxy saying https, the same headers as Next.js (no HSTS: proxy.ts skips the search endpoints), and gzip decodes to the same bytes", async () => {
    for (const qs of ["", "phase=1,2", "near=Denver&radius=250mi&sort=distance", "q=zzzz-no-such-word"]) {
      const https = await ask(lane!, qs, { "x-forwarded-proto": "https" });
      expect(https.byLane).toBe(true);
      expect(https.visible).toEqual((await ask(viaNext!, qs, { "x-forwarded-proto": "https" })).visible);
      expect(https.visible["strict-transport-security"]).toBeNull();

      // Next.js gzips every answer for a client that accepts it (it streams, so it sees no size); so does the lane.
      const path = `/api/trials${qs ? `?${qs}` : ""}`;
      const [a, b] = await Promise.all([rawGet(`${lane!.url}${path}`), rawGet(`${viaNext!.url}${path}`)]);
      const plain = (await ask(viaNext!, qs)).body;
      expect(a.encoding, qs).toBe("gzip");
      expect(a.encoding, qs).toBe(b.encoding);
      expect(Number(a.length)).toBe(a.raw.length);
      expect((a.encoding ? gunzipSync(a.raw) : a.raw).toString()).toBe(plain);
    }
  }, 120_000);
});
