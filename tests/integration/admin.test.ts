import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startStandin, type Standin } from "../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "./helpers/db";
import { DATABASE_UNREACHABLE } from "../../lib/http/errors";

/**
 * The admin route handlers, called directly with Request objects against a real, migrated database
 * and the ClinicalTrials.gov stand-in. Logs are captured unredacted, to prove no secret reaches them.
 */

const logs = vi.hoisted(() => [] as string[]);
vi.mock("../../lib/logger", async () => {
  const { default: pino } = await import("pino");
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  return { logger: pino({ level: "trace" }, sink) };
});

const PASSWORD = "integration-admin-password";
const TOKEN = "integration-admin-token-0123456789";
const SECRET = "integration-session-secret-0123456789abcdef";
const HOST = "127.0.0.1:3100";
const ORIGIN = `http://${HOST}`;

let database: TestDatabase;
let standin: Standin;
let session: typeof import("../../app/api/admin/session/route");
let sync: typeof import("../../app/api/admin/sync/route");
let runRoute: typeof import("../../app/api/admin/sync/[runId]/route");
let invalidRoute: typeof import("../../app/api/admin/sync/[runId]/invalid/route");
let status: typeof import("../../app/api/admin/status/route");
let envModule: typeof import("../../lib/env");
let limiter: typeof import("../../lib/admin/rate-limit");

function configure(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  envModule.resetEnvCache();
}
const ON = { ADMIN_PASSWORD: PASSWORD, ADMIN_TOKEN: TOKEN, SESSION_SECRET: SECRET, TRUST_PROXY: undefined };
/** Nothing listens on port 1: every connection is refused at once, as when Postgres is stopped. */
const UNREACHABLE = "postgresql://postgres@127.0.0.1:1/unreachable";

function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
  return new Request(`http://${HOST}${path}`, {
    method: init.method ?? "GET",
    // x-dtf-peer: the socket address, as lib/peer-guard.mjs stamps it in a real server.
    headers: { host: HOST, "x-dtf-peer": "10.9.8.7", ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
const params = (runId: number | string) => ({ params: Promise.resolve({ runId: String(runId) }) });
const bearer = { authorization: `Bearer ${TOKEN}` };

async function login(password = PASSWORD, headers: Record<string, string> = {}) {
  return session.POST(request("/api/admin/session", { method: "POST", headers: { origin: ORIGIN, "content-type": "application/json", ...headers }, body: { password } }));
}
async function sessionCookie(): Promise<string> {
  const res = await login();
  expect(res.status).toBe(204);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

async function waitForRun(runId: number, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await runRoute.GET(request(`/api/admin/sync/${runId}`, { headers: bearer }), params(runId));
    const body = await res.json();
    if (body.status !== "running") return body;
    if (Date.now() > deadline) throw new Error(`run ${runId} still running`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  standin = await startStandin({ port: 0 });
  process.env.DATABASE_URL = database.url;
  process.env.CTGOV_BASE_URL = standin.url;
  process.env.CTGOV_RATE_LIMIT_PER_MIN = "6000";
  process.env.CTGOV_PAGE_SIZE = "200";
  envModule = await import("../../lib/env");
  configure(ON);
  session = await import("../../app/api/admin/session/route");
  sync = await import("../../app/api/admin/sync/route");
  runRoute = await import("../../app/api/admin/sync/[runId]/route");
  invalidRoute = await import("../../app/api/admin/sync/[runId]/invalid/route");
  status = await import("../../app/api/admin/status/route");
  limiter = await import("../../lib/admin/rate-limit");
  (await import("../../lib/admin/client-address")).installPeerGuardForTests();
});

afterAll(async () => {
  const { disconnectAll } = await import("../../lib/db/client");
  await disconnectAll();
  await standin?.close();
  await database?.drop();
});

beforeEach(() => {
  configure(ON);
  limiter.loginLimiter().reset();
  standin.resetFaults();
});

describe("authentication", () => {
  it("refuses every admin endpoint without credentials (401)", async () => {
    expect((await status.GET(request("/api/admin/status"))).status).toBe(401);
    expect((await sync.GET(request("/api/admin/sync"))).status).toBe(401);
    expect((await runRoute.GET(request("/api/admin/sync/1"), params(1))).status).toBe(401);
    expect((await invalidRoute.GET(request("/api/admin/sync/1/invalid"), params(1))).status).toBe(401);
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { origin: ORIGIN }, body: { mode: "full" } }))).status).toBe(401);
  });

  it("accepts the bearer token and refuses a wrong or malformed one", async () => {
    expect((await status.GET(request("/api/admin/status", { headers: bearer }))).status).toBe(200);
    expect((await status.GET(request("/api/admin/status", { headers: { authorization: `Bearer ${TOKEN}x` } }))).status).toBe(401);
    expect((await status.GET(request("/api/admin/status", { headers: { authorization: TOKEN } }))).status).toBe(401);
  });

  it("logs in with the password: a session cookie with the right flags that opens the API", async () => {
    const res = await login();
    expect(res.status).toBe(204);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^dtf_admin=[\w-]{43}; /);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
    expect(setCookie).toMatch(/Max-Age=\d+/);
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toContain(PASSWORD);
    const cookie = setCookie.split(";")[0]!;
    expect((await status.GET(request("/api/admin/status", { headers: { cookie } }))).status).toBe(200);
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("A") ? "BBB" : "AAA");
    expect((await status.GET(request("/api/admin/status", { headers: { cookie: tampered } }))).status).toBe(401);
  });

  it("marks the cookie Secure (with the __Host- prefix) outside localhost", async () => {
    const res = await session.POST(
      new Request("https://admin.example.org/api/admin/session", {
        method: "POST",
        headers: { host: "admin.example.org", origin: "https://admin.example.org", "x-forwarded-proto": "https", "x-dtf-peer": "10.1.1.1" },
        body: JSON.stringify({ password: PASSWORD }),
      }),
    );
    expect(res.status).toBe(204);
    const setCookie = res.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Host-dtf_admin=/);
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Strict");
  });

  it("rate limits wrong passwords per client: 401 up to the limit, then 429 even for the right one", async () => {
    const { perClient } = limiter.LOGIN_LIMITS;
    for (let i = 0; i < perClient; i++) expect((await login("wrong-password-guess")).status).toBe(401);
    const limited = await login("wrong-password-guess");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await login()).status).toBe(429);
    // another client is not affected
    expect((await login(PASSWORD, { "x-dtf-peer": "10.2.2.2" })).status).toBe(204);
  });

  it("logs out by clearing the cookie", async () => {
    const cookie = await sessionCookie();
    const res = await session.DELETE(request("/api/admin/session", { method: "DELETE", headers: { cookie, origin: ORIGIN } }));
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/^dtf_admin=; .*Max-Age=0/);
  });

  it("logout revokes on the server: a copy of the cookie replayed afterwards is refused (401)", async () => {
    const cookie = await sessionCookie();
    expect((await status.GET(request("/api/admin/status", { headers: { cookie } }))).status).toBe(200);
    expect((await session.DELETE(request("/api/admin/session", { method: "DELETE", headers: { cookie, origin: ORIGIN } }))).status).toBe(204);
    expect((await status.GET(request("/api/admin/status", { headers: { cookie } }))).status).toBe(401);
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { cookie, origin: ORIGIN }, body: { mode: "full" } }))).status).toBe(401);
    expect(await (await session.GET(request("/api/admin/session", { headers: { cookie } }))).json()).toMatchObject({ loggedIn: false });
    // Only the token's hash is stored: the cookie's value appears nowhere in the table.
    const rows = await database.prisma.adminSession.findMany();
    expect(JSON.stringify(rows)).not.toContain(cookie.split("=")[1]!);
  });

  it("'log out everywhere' ends every session, needs a live one, and is audited; a stranger cannot use it", async () => {
    const mine = await sessionCookie();
    const other = await sessionCookie();
    const everywhere = (headers: Record<string, string>) => session.DELETE(request("/api/admin/session?scope=all", { method: "DELETE", headers: { origin: ORIGIN, ...headers } }));
    // Without a session, with a forged cookie, or cross-site: refused, and nothing ends.
    expect((await everywhere({})).status).toBe(401);
    expect((await everywhere({ cookie: "dtf_admin=forged" })).status).toBe(401);
    expect((await session.DELETE(request("/api/admin/session?scope=all", { method: "DELETE", headers: { cookie: mine, origin: "https://evil.example" } }))).status).toBe(403);
    expect((await status.GET(request("/api/admin/status", { headers: { cookie: other } }))).status).toBe(200);
    // An unknown scope is a 400 naming it, not a plain logout.
    const bad = await session.DELETE(request("/api/admin/session?scope=everyone", { method: "DELETE", headers: { cookie: mine, origin: ORIGIN } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^scope: /);
    expect((await status.GET(request("/api/admin/status", { headers: { cookie: mine } }))).status).toBe(200);

    const res = await everywhere({ cookie: mine });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { ended: number }).ended).toBeGreaterThanOrEqual(2);
    expect(res.headers.get("set-cookie")).toMatch(/^dtf_admin=; .*Max-Age=0/);
    for (const cookie of [mine, other]) expect((await status.GET(request("/api/admin/status", { headers: { cookie } }))).status).toBe(401);
    expect(await database.prisma.adminSession.count()).toBe(0);
    const audit = await database.prisma.auditLog.findMany({ where: { action: "logout_everywhere" } });
    expect(audit).toHaveLength(1);
    // The bearer token (scripts) may do it too.
    await sessionCookie();
    const byToken = await everywhere({ authorization: `Bearer ${TOKEN}` });
    expect(byToken.status).toBe(200);
    expect(await database.prisma.adminSession.count()).toBe(0);
  });

  it("a session ends at its expiry, and when the password or SESSION_SECRET changes", async () => {
    const cookie = await sessionCookie();
    const token = cookie.split("=")[1]!;
    const { hashSessionToken } = await import("../../lib/admin/session");
    await database.prisma.adminSession.update({ where: { tokenHash: hashSessionToken(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await status.GET(request("/api/admin/status", { headers: { cookie } }))).status).toBe(401);

    const second = await sessionCookie();
    configure({ ADMIN_PASSWORD: `${PASSWORD}-changed` });
    expect((await status.GET(request("/api/admin/status", { headers: { cookie: second } }))).status).toBe(401);
    configure(ON); // the old password back: the session was deleted when it was refused, it does not come back
    expect((await status.GET(request("/api/admin/status", { headers: { cookie: second } }))).status).toBe(401);

    const third = await sessionCookie();
    configure({ SESSION_SECRET: `${SECRET}-rotated` });
    expect((await status.GET(request("/api/admin/status", { headers: { cookie: third } }))).status).toBe(401);
  });

  it("answers 503 with a clear message, never a pass, when a session cannot be checked because the database is down", async () => {
    const cookie = await sessionCookie();
    const saved = process.env.DATABASE_URL;
    configure({ DATABASE_URL: UNREACHABLE });
    try {
      for (const res of [
        await status.GET(request("/api/admin/status", { headers: { cookie } })),
        await sync.POST(request("/api/admin/sync", { method: "POST", headers: { cookie, origin: ORIGIN }, body: { mode: "full" } })),
        await session.GET(request("/api/admin/session", { headers: { cookie } })),
      ]) {
        expect(res.status).toBe(503);
        expect(res.headers.get("retry-after")).toBe("10");
        expect(await res.json()).toEqual({ error: "database_unavailable", message: expect.stringMatching(/database is not reachable.*session cannot be checked/) });
      }
      // A cookie that is not ours is still a plain 401 (no database needed to refuse it).
      expect((await status.GET(request("/api/admin/status", { headers: { cookie: "dtf_admin=v1.forged.cookie" } }))).status).toBe(401);
    } finally {
      configure({ DATABASE_URL: saved });
    }
  });

  it("a login form posted without JavaScript is answered with a redirect, never a JSON body", async () => {
    const post = (password: string) =>
      session.POST(
        new Request(`${ORIGIN}/api/admin/session`, {
          method: "POST",
          headers: { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded", "x-dtf-peer": "10.9.9.9" },
          body: new URLSearchParams({ password }).toString(),
        }),
      );
    const wrong = await post("not the password");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/admin?login=wrong");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    const right = await post(PASSWORD);
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/admin");
    const cookies = right.headers.getSetCookie();
    expect(cookies[0]).toMatch(/^(__Host-)?dtf_admin=[\w-]{43}; /);
    expect(cookies[1]).toMatch(/^(__Host-)?dtf_device=d1\./);
  });

  it("logs out of the browser even while the database is unreachable, and says the server could not end the session (503)", async () => {
    const cookie = await sessionCookie();
    const saved = process.env.DATABASE_URL;
    configure({ DATABASE_URL: UNREACHABLE });
    try {
      const res = await session.DELETE(request("/api/admin/session", { method: "DELETE", headers: { cookie, origin: ORIGIN } }));
      expect(res.status).toBe(503);
      expect(res.headers.get("set-cookie")).toMatch(/^dtf_admin=; .*Max-Age=0/);
      expect(await res.json()).toEqual({ error: "database_unavailable", message: expect.stringMatching(/Logged out of this browser.*could not end the session.*database is not reachable/) });
    } finally {
      configure({ DATABASE_URL: saved });
    }
  });

  it("GET /api/admin/sync answers 503 with the reason while the database is down, not an empty run list", async () => {
    const saved = process.env.DATABASE_URL;
    configure({ DATABASE_URL: UNREACHABLE });
    try {
      const res = await sync.GET(request("/api/admin/sync", { headers: bearer }));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("10");
      expect(await res.json()).toEqual({ error: "database_unavailable", message: DATABASE_UNREACHABLE });
    } finally {
      configure({ DATABASE_URL: saved });
    }
  });
});

describe("login limit under attack", () => {
  const wrong = (headers: Record<string, string>) => login("wrong-password-guess", headers);

  it("a client rotating X-Forwarded-For is keyed on its real address: it is stopped at its own ceiling and the admin elsewhere still logs in", async () => {
    const { perClient } = limiter.LOGIN_LIMITS;
    const answers: number[] = [];
    for (let i = 0; i < 60; i++) answers.push((await wrong({ "x-dtf-peer": "203.0.113.66", "x-forwarded-for": `198.51.${i >> 8}.${i & 255}` })).status);
    expect(answers.slice(0, perClient)).toEqual(Array(perClient).fill(401));
    expect(new Set(answers.slice(perClient))).toEqual(new Set([429]));
    expect((await login(PASSWORD, { "x-dtf-peer": "192.0.2.10" })).status).toBe(204);
  });

  it("behind a trusted proxy (TRUST_PROXY), the forwarded address is the key; from anyone else it is ignored", async () => {
    configure({ TRUST_PROXY: "10.0.0.1" });
    const { perClient } = limiter.LOGIN_LIMITS;
    for (let i = 0; i < perClient; i++) expect((await wrong({ "x-dtf-peer": "10.0.0.1", "x-forwarded-for": "198.51.100.1" })).status).toBe(401);
    expect((await wrong({ "x-dtf-peer": "10.0.0.1", "x-forwarded-for": "198.51.100.1" })).status).toBe(429);
    // another client behind the same proxy is someone else
    expect((await login(PASSWORD, { "x-dtf-peer": "10.0.0.1", "x-forwarded-for": "198.51.100.2" })).status).toBe(204);
    const logged = (await database.prisma.auditLog.findMany({ where: { action: "login" }, orderBy: { id: "desc" }, take: 1 }))[0]!;
    expect(logged.ip).toBe("198.51.100.2");
  });

  it("when guesses from many real addresses fill the shared ceiling, a browser that logged in before still logs in", async () => {
    // The admin's browser logged in yesterday: it holds the known-device cookie.
    const first = await login(PASSWORD, { "x-dtf-peer": "192.0.2.10" });
    expect(first.status).toBe(204);
    const device = first.headers.getSetCookie().find((c) => c.startsWith("dtf_device="))!.split(";")[0]!;
    expect(first.headers.getSetCookie().find((c) => c.startsWith("dtf_device="))).toMatch(/HttpOnly; SameSite=Strict/);
    const { global, perClient } = limiter.LOGIN_LIMITS;
    for (let i = 0; i < global; i++) expect((await wrong({ "x-dtf-peer": `198.18.${i >> 8}.${i & 255}` })).status).toBe(401);
    // The shared ceiling is full: a new address is refused, even with the right password...
    expect((await login(PASSWORD, { "x-dtf-peer": "192.0.2.99" })).status).toBe(429);
    // ...and a forged device cookie changes nothing...
    expect((await login(PASSWORD, { "x-dtf-peer": "192.0.2.99", cookie: "dtf_device=d1.AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })).status).toBe(429);
    // ...but the admin's own browser, from any address, gets in.
    expect((await login(PASSWORD, { "x-dtf-peer": "192.0.2.11", cookie: device })).status).toBe(204);
    // The device still has its own ceiling: someone who stole only the device cookie cannot guess on.
    for (let i = 0; i < perClient; i++) expect((await wrong({ "x-dtf-peer": "192.0.2.12", cookie: device })).status).toBe(401);
    expect((await login(PASSWORD, { "x-dtf-peer": "192.0.2.12", cookie: device })).status).toBe(429);
  });
});

describe("cross-site requests", () => {
  it("refuses a cross-origin POST with 403, whatever the credentials", async () => {
    const cookie = await sessionCookie();
    const evil = { origin: "http://evil.example" };
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { ...evil }, body: { mode: "full" } }))).status).toBe(403);
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { ...evil, cookie }, body: { mode: "full" } }))).status).toBe(403);
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { ...evil, ...bearer }, body: { mode: "full" } }))).status).toBe(403);
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { "sec-fetch-site": "cross-site", cookie }, body: { mode: "full" } }))).status).toBe(403);
    expect((await login(PASSWORD, { origin: "http://evil.example" })).status).toBe(403);
  });

  it("refuses a cookie-authenticated POST without Origin, and a login without Origin", async () => {
    const cookie = await sessionCookie();
    expect((await sync.POST(request("/api/admin/sync", { method: "POST", headers: { cookie }, body: { mode: "full" } }))).status).toBe(403);
    const noOrigin = await session.POST(request("/api/admin/session", { method: "POST", body: { password: PASSWORD } }));
    expect(noOrigin.status).toBe(403);
  });
});

describe("syncs", () => {
  it("answers 409 with the running run's id when a run from another process holds the lock", async () => {
    const other = await database.prisma.syncRun.create({ data: { mode: "incremental", trigger: "schedule", status: "running", host: "scheduler-host", pid: 4242 } });
    try {
      const res = await sync.POST(request("/api/admin/sync", { method: "POST", headers: bearer, body: { mode: "full" } }));
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: "conflict", message: `Sync run ${other.id} is already in progress.`, runId: other.id });
      const view = await (await runRoute.GET(request(`/api/admin/sync/${other.id}`, { headers: bearer }), params(other.id))).json();
      expect(view).toMatchObject({ runId: other.id, status: "running", trigger: "schedule" });
    } finally {
      await database.prisma.syncRun.update({ where: { id: other.id }, data: { status: "failed", finishedAt: new Date(), error: "test cleanup" } });
    }
  });

  it("starts a full sync (202), refuses a second one while it runs (409), and reports its progress and invalid records", async () => {
    standin.setFaults({ latencyMs: 150, brokenStudy: "NCT04042844", brokenStudyMode: "wrong-type" });
    const cookie = await sessionCookie();
    const started = await sync.POST(request("/api/admin/sync", { method: "POST", headers: { cookie, origin: ORIGIN, "content-type": "application/json" }, body: { mode: "full" } }));
    expect(started.status).toBe(202);
    const { runId } = (await started.json()) as { runId: number };
    expect(runId).toBeGreaterThan(0);

    const again = await sync.POST(request("/api/admin/sync", { method: "POST", headers: bearer, body: { mode: "incremental" } }));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ runId });

    const done = await waitForRun(runId);
    expect(done).toMatchObject({ runId, mode: "full", trigger: "admin", status: "succeeded", error: null });
    expect(done.counts.fetched).toBeGreaterThan(50);
    expect(done.counts.inserted).toBe(done.counts.fetched - done.counts.invalid);
    expect(done.counts.invalid).toBe(1);
    expect(done.pagesDone).toBe(done.pagesExpected);
    expect(typeof done.startedAt).toBe("string");
    expect(typeof done.finishedAt).toBe("string");

    const invalid = await (await invalidRoute.GET(request(`/api/admin/sync/${runId}/invalid`, { headers: { cookie } }), params(runId))).json();
    expect(invalid.records).toHaveLength(1);
    expect(invalid.records[0]).toMatchObject({ nctId: "NCT04042844" });
    expect(invalid.records[0].error.length).toBeGreaterThan(0);
    expect(invalid.records[0].raw).toHaveProperty("protocolSection");

    const dash = await (await status.GET(request("/api/admin/status", { headers: { cookie } }))).json();
    expect(dash.db).toBe("ok");
    expect(dash.trials.active).toBe(done.counts.inserted);
    expect(dash.lastSuccessfulSync.runId).toBe(runId);
    expect(dash.history[0]).toMatchObject({ runId, status: "succeeded" });
    expect(dash.nextRuns.incremental).toMatch(/^\d{4}-/);
  });

  it("rejects a bad body (400) and an unknown run (404)", async () => {
    const res = await sync.POST(request("/api/admin/sync", { method: "POST", headers: bearer, body: { mode: "everything" } }));
    expect(res.status).toBe(400);
    expect((await runRoute.GET(request("/api/admin/sync/999999", { headers: bearer }), params(999999))).status).toBe(404);
    expect((await runRoute.GET(request("/api/admin/sync/abc", { headers: bearer }), params("abc"))).status).toBe(404);
    // Only plain digits name a run: "5e0", "0x5", "+5", " 5", "05" and "5.0" would all coerce to run 5.
    const { id: run } = await database.prisma.syncRun.create({ data: { mode: "incremental", trigger: "cli", status: "failed", finishedAt: new Date(), error: "made by the test" } });
    expect((await runRoute.GET(request(`/api/admin/sync/${run}`, { headers: bearer }), params(run))).status).toBe(200);
    for (const bad of [`${run}e0`, `0x${run.toString(16)}`, `+${run}`, ` ${run}`, `0${run}`, `${run}.0`, "2147483648"]) {
      const res = await runRoute.GET(request("/api/admin/sync/x", { headers: bearer }), params(bad));
      expect(res.status, bad).toBe(404);
      expect(await res.json()).toEqual({ error: "not_found", message: "There is no such sync run." });
    }
    // The invalid records of a run that does not exist: 404, not an empty list.
    const unknown = await invalidRoute.GET(request("/api/admin/sync/999999/invalid", { headers: bearer }), params(999999));
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "not_found", message: "There is no such sync run." });
    const known = await invalidRoute.GET(request(`/api/admin/sync/${run}/invalid`, { headers: bearer }), params(run));
    expect(known.status).toBe(200);
    expect(await known.json()).toMatchObject({ runId: run, records: expect.any(Array) });
  });
});

describe("audit and secrets", () => {
  it("records each admin action, and no secret appears in the audit table or the logs", async () => {
    expect((await login("wrong-password-guess")).status).toBe(401);
    await sessionCookie();
    const actions = (await database.prisma.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["login", "login_failed", "logout", "sync_started", "sync_refused_running"]));
    const rows = await database.prisma.auditLog.findMany();
    for (const r of rows) {
      expect(r.at).toBeInstanceOf(Date);
      expect(r.actor).toMatch(/^(anonymous|admin-token|admin-session:[\w-]{8})$/);
    }
    const everything = JSON.stringify(rows) + logs.join("");
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [PASSWORD, TOKEN, SECRET, "wrong-password-guess"]) expect(everything).not.toContain(secret);
  });
});

describe("admin off", () => {
  it("is off, and says how to turn it on, when no credential is configured", async () => {
    configure({ ADMIN_PASSWORD: undefined, ADMIN_TOKEN: undefined, SESSION_SECRET: undefined });
    const res = await status.GET(request("/api/admin/status", { headers: bearer }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden", message: expect.stringMatching(/Admin is off.*ADMIN_PASSWORD/) });
    expect((await login()).status).toBe(403);
    const s = await (await session.GET(request("/api/admin/session"))).json();
    expect(s).toMatchObject({ enabled: false, loggedIn: false });
  });

  it("is off when the configuration is invalid (fails closed); the log names the variable, not its value", async () => {
    configure({ ADMIN_PASSWORD: "short-pw", ADMIN_TOKEN: TOKEN, SESSION_SECRET: SECRET });
    const res = await status.GET(request("/api/admin/status", { headers: bearer }));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden", message: expect.stringMatching(/Admin is off.*environment is invalid/) });
    const logged = logs.join("");
    expect(logged).toMatch(/ADMIN_PASSWORD/);
    expect(logged).not.toContain("short-pw");
  });

  it("refuses password login when only the token is configured", async () => {
    configure({ ADMIN_PASSWORD: undefined, ADMIN_TOKEN: TOKEN, SESSION_SECRET: undefined });
    expect((await login()).status).toBe(403);
    expect((await status.GET(request("/api/admin/status", { headers: bearer }))).status).toBe(200);
  });
});
