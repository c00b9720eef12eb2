import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CtgovClient, parseRetryAfter } from "./service";

type Reply = { status: number; body: string; headers?: Record<string, string>; hang?: boolean };

// A real HTTP server on loopback that answers from a script, so the client's network code runs for real.
async function scriptedServer(replies: Reply[]) {
  const seen: { url: string; userAgent?: string }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? "", userAgent: req.headers["user-agent"] });
    const reply = replies.shift() ?? { status: 200, body: '{"studies":[]}' };
    if (reply.hang) return; // never answers: the client's timeout must fire
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { base: `http://127.0.0.1:${port}/api/v2`, seen, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

function client(base: string, sleeps: number[], extra: Partial<ConstructorParameters<typeof CtgovClient>[0]> = {}) {
  return new CtgovClient({ baseUrl: base, rateLimitPerMin: 6000, backoffBaseMs: 10, maxRetries: 3, timeoutMs: 2000, sleep: async (ms) => void sleeps.push(ms), ...extra });
}

describe("CtgovClient", () => {
  it("retries 5xx and 429, honouring Retry-After, then succeeds", async () => {
    const s = await scriptedServer([
      { status: 503, body: "busy" },
      { status: 429, body: "slow down", headers: { "retry-after": "7" } },
      { status: 200, body: '{"studies":[{"a":1}],"nextPageToken":null}' },
    ]);
    close = s.close;
    const sleeps: number[] = [];
    const page = await client(s.base, sleeps).studiesPage(new URLSearchParams({ "query.term": "disc" }), null);
    expect(page.studies).toHaveLength(1);
    expect(s.seen).toHaveLength(3);
    expect(sleeps).toContain(7000);
    expect(s.seen[0]!.userAgent).toMatch(/DiscTrialFinder/);
  });

  it("gives up after the bound and says why", async () => {
    const s = await scriptedServer(Array.from({ length: 10 }, () => ({ status: 502, body: "bad gateway" })));
    close = s.close;
    const sleeps: number[] = [];
    await expect(client(s.base, sleeps).studiesPage(new URLSearchParams(), null)).rejects.toThrow(/gave up after 4 attempts: HTTP 502/);
    expect(s.seen).toHaveLength(4);
    expect(sleeps.every((ms) => ms >= 0 && ms <= 80)).toBe(true);
  });

  it("does not retry a 400: an unknown parameter will not get better", async () => {
    const s = await scriptedServer([{ status: 400, body: "`filter.phase` is unknown parameter" }]);
    close = s.close;
    await expect(client(s.base, []).studiesPage(new URLSearchParams({ "filter.phase": "x" }), null)).rejects.toThrow(/HTTP 400: `filter.phase` is unknown parameter/);
    expect(s.seen).toHaveLength(1);
  });

  it("retries a truncated JSON body", async () => {
    const s = await scriptedServer([
      { status: 200, body: '{"studies":[{"protocolSec' },
      { status: 200, body: '{"studies":[]}' },
    ]);
    close = s.close;
    const page = await client(s.base, []).studiesPage(new URLSearchParams(), null);
    expect(page.studies).toEqual([]);
    expect(s.seen).toHaveLength(2);
  });

  it("times out a request that never answers", async () => {
    const s = await scriptedServer([{ status: 200, body: "", hang: true }, { status: 200, body: '{"studies":[]}' }]);
    close = s.close;
    const sleeps: number[] = [];
    const page = await client(s.base, sleeps, { timeoutMs: 300 }).studiesPage(new URLSearchParams(), null);
    expect(page.studies).toEqual([]);
    expect(sleeps).toHaveLength(1);
  });

  it("refuses a Retry-After longer than its limit instead of stalling", async () => {
    const s = await scriptedServer([{ status: 429, body: "", headers: { "retry-after": "3600" } }]);
    close = s.close;
    await expect(client(s.base, [], { maxRetryAfterMs: 60_000 }).studiesPage(new URLSearchParams(), null)).rejects.toThrow(/exceeds our limit/);
  });

  it("follows pageToken and stops at an empty page (the exactly-full-last-page quirk)", async () => {
    const s = await scriptedServer([
      { status: 200, body: '{"studies":[1,2],"nextPageToken":"t1","totalCount":4}' },
      { status: 200, body: '{"studies":[3,4],"nextPageToken":"t2"}' },
      { status: 200, body: '{"studies":[]}' },
    ]);
    close = s.close;
    const pages = [];
    for await (const p of client(s.base, []).pages(new URLSearchParams({ "query.term": "disc", pageSize: "2" }))) pages.push(p);
    expect(pages.map((p) => p.studies.length)).toEqual([2, 2]);
    expect(s.seen[1]!.url).toContain("pageToken=t1");
    expect(s.seen[1]!.url).toContain("query.term=disc");
    expect(s.seen).toHaveLength(3);
  });

  it("spaces requests to respect the rate limit", async () => {
    const s = await scriptedServer([]);
    close = s.close;
    const sleeps: number[] = [];
    const c = client(s.base, sleeps, { rateLimitPerMin: 60 });
    await c.studiesPage(new URLSearchParams(), null);
    await c.studiesPage(new URLSearchParams(), null);
    expect(sleeps.length).toBe(1);
    expect(sleeps[0]).toBeGreaterThan(900);
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("30")).toBe(30_000);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 10)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(10_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});
