import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { topicQueryParams } from "../../lib/ctgov/topic";
import { e2eDatabaseUrl } from "./from-setup";

/**
 * Admin end to end, in Chromium against `next start` of the production build (tests/e2e/serve.ts):
 * log in, run a full resync against the ClinicalTrials.gov stand-in slowed down so progress shows,
 * follow it live, find it in the history with the right counts, open its invalid record. Then the
 * site-wide security headers, the Content-Security-Policy in a real browser, and the build shipped
 * to browsers checked for secrets.
 */

const PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-123";
const TOKEN = process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef";
const SESSION_SECRET = process.env.E2E_SESSION_SECRET ?? "e2e-session-secret-0123456789abcdef0123";
const CONTROL = `http://127.0.0.1:${process.env.E2E_STANDIN_PORT ?? 3199}/__control`;
const INJECTED_ID = "NCT09999999";

async function logIn(page: Page) {
  await page.goto("/admin");
  await page.getByLabel("Admin password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Run history" })).toBeVisible();
}

test.describe("admin", () => {
  // One stand-in and one sync lock: these run in order.
  test.describe.configure({ mode: "serial" });

  test.afterAll(async ({ request }) => {
    await request.post(`${CONTROL}/faults/reset`);
  });

  test("refuses a wrong password, then logs in and out", async ({ page }) => {
    await page.goto("/admin");
    await page.getByLabel("Admin password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong password" })).toBeVisible();
    await logIn(page);
    const cookie = (await page.context().cookies()).find((c) => c.name === "dtf_admin");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000);
    await page.getByRole("button", { name: "Log out", exact: true }).click();
    await expect(page.getByLabel("Admin password")).toBeVisible();
  });

  test("logout ends the session on the server: a copy of the cookie taken before logout is refused after it", async ({ page, request }) => {
    await logIn(page);
    const copied = (await page.context().cookies()).find((c) => c.name === "dtf_admin")!;
    const replay = () => request.get("/api/admin/status", { headers: { cookie: `dtf_admin=${copied.value}` } });
    expect((await replay()).status()).toBe(200);
    await page.getByRole("button", { name: "Log out", exact: true }).click();
    await expect(page.getByLabel("Admin password")).toBeVisible();
    expect((await replay()).status()).toBe(401);
  });

  test("'Log out everywhere' ends the sessions of every browser, this one included", async ({ page, browser }) => {
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await logIn(other);
    await logIn(page);
    await page.getByRole("button", { name: "Log out everywhere" }).click();
    await expect(page.getByLabel("Admin password")).toBeVisible();
    await other.reload();
    await expect(other.getByLabel("Admin password")).toBeVisible();
    await elsewhere.close();
  });

  test("the run history shows how many changes each run recorded and how many digests it sent", async ({ page }) => {
    await logIn(page);
    await expect(page.getByRole("columnheader", { name: "Changes" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Digests sent" })).toBeVisible();
    const status = await (await page.request.get("/api/admin/status")).json();
    const seeds = (status.history as { runId: number; trigger: string; changes: number; counts: { inserted: number }; digests: { sent: number } }[])
      .filter((r) => r.trigger === "seed")
      .sort((a, b) => a.runId - b.runId);
    // serve.ts: a first sync into the empty database (one `added` per trial), then one changed record.
    expect(seeds).toHaveLength(2);
    expect(seeds[0]!.changes).toBe(seeds[0]!.counts.inserted);
    expect(seeds[0]!.changes).toBeGreaterThan(100);
    expect(seeds[1]!.changes).toBe(1);
    for (const r of seeds) {
      const row = page.locator(`tr[data-run-id="${r.runId}"]`);
      await expect(row.locator('td[data-col="changes"]')).toHaveText(String(r.changes));
      // No alert was confirmed on this server, so no digest went out.
      await expect(row.getByTestId("digests-sent")).toHaveText(String(r.digests.sent));
      expect(r.digests.sent).toBe(0);
    }
  });

  test("a forwarded address or a forged peer header sent by the client is not who the server thinks it is", async ({ request, baseURL }) => {
    // No TRUST_PROXY on this server: the audit row names the socket's address (lib/peer-guard.mjs).
    const res = await request.post("/api/admin/session", {
      data: { password: "wrong-password-for-the-peer-check" },
      headers: { origin: baseURL!, "x-forwarded-for": "198.51.100.23", "x-dtf-peer": "198.51.100.24", "x-forwarded-proto": "https" },
    });
    expect(res.status()).toBe(401);
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
    const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await client.connect();
    try {
      const { rows } = await client.query<{ ip: string }>(`SELECT ip FROM audit_log WHERE action = 'login_failed' ORDER BY id DESC LIMIT 1`);
      expect(rows[0]!.ip).toBe("127.0.0.1");
    } finally {
      await client.end();
    }
    // A right password from the same client clears its failures, so the other admin tests are unaffected.
    expect((await request.post("/api/admin/session", { data: { password: PASSWORD }, headers: { origin: baseURL! } })).status()).toBe(204);
  });

  test("runs a full resync with live progress, lists it with the right counts, and shows its invalid record", async ({ page, request }) => {
    test.setTimeout(120_000);
    const ids = (await (await request.get(`${CONTROL}/ids?${topicQueryParams(undefined).toString()}`)).json()) as string[];
    expect(ids.length).toBeGreaterThan(50);
    // Slow every stand-in response so the run lasts long enough to watch, and add one invalid record.
    const faults = await request.post(`${CONTROL}/faults`, {
      data: {
        latencyMs: 1500,
        injectStudy: {
          protocolSection: {
            identificationModule: { nctId: INJECTED_ID, briefTitle: "Injected invalid record" },
            statusModule: { overallStatus: "RECRUITING", lastUpdatePostDateStruct: { date: "not a date" } },
            designModule: { phases: "PHASE2" },
          },
        },
      },
    });
    expect(faults.ok()).toBe(true);

    await logIn(page);
    await page.getByRole("button", { name: "Run full resync" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Started full sync, run \d+/ })).toBeVisible();
    const runId = Number(/run (\d+)/.exec((await page.getByText(/Started full sync, run \d+/).textContent())!)![1]);

    // Live progress without reloading: sample the fetched count until the run leaves the running state.
    const progress = page.getByTestId("sync-progress");
    await expect(progress).toBeVisible();
    await expect(progress).toContainText(`Run ${runId}`);
    await expect(progress).toContainText(/elapsed \d+ s/);
    const seen: number[] = [];
    const url = page.url();
    while (await progress.isVisible()) {
      const text = await page.getByTestId("progress-fetched").textContent({ timeout: 1000 }).catch(() => null);
      if (text !== null) seen.push(Number(text));
      await page.waitForTimeout(200);
    }
    expect(page.url()).toBe(url);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes down
    expect(seen[0]).toBe(0);

    // The finished run in the history, with the counts the API reports and the stand-in implies.
    const row = page.locator(`tr[data-run-id="${runId}"]`);
    await expect(row).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
    const api = await (await page.request.get(`/api/admin/sync/${runId}`)).json();
    expect(api).toMatchObject({ runId, status: "succeeded", mode: "full", trigger: "admin", error: null });
    expect(api.counts.fetched).toBe(ids.length + 1);
    expect(api.counts.invalid).toBe(1);
    expect(api.counts.inserted + api.counts.updated + api.counts.unchanged).toBe(ids.length);
    expect(api.counts.removed).toBe(0);
    expect(api.pagesDone).toBe(api.pagesExpected);
    for (const col of ["fetched", "inserted", "updated", "unchanged", "removed"] as const) {
      await expect(row.locator(`td[data-col="${col}"]`)).toHaveText(String(api.counts[col]));
    }
    await expect(row).toContainText("Admin");
    if (api.pagesExpected > 1) expect(seen.some((n) => n > 0 && n < api.counts.fetched)).toBe(true);

    // The invalid record: NCT id, error, raw JSON.
    await row.getByRole("button", { name: /1 — view/ }).click();
    const records = page.getByTestId("invalid-records");
    await expect(records).toContainText(INJECTED_ID);
    await records.locator("summary").first().click();
    await expect(records.locator("pre").first()).toContainText(`"nctId": "${INJECTED_ID}"`);
    await expect(records.locator("pre").first()).toContainText("Injected invalid record");
  });

  test("over HTTP: 401 without auth, 403 cross-site, 409 while a run is in progress, bearer token for scripts", async ({ request, baseURL }) => {
    expect((await request.get("/api/admin/status")).status()).toBe(401);
    expect((await request.post("/api/admin/sync", { data: { mode: "full" }, headers: { origin: baseURL! } })).status()).toBe(401);
    const cross = await request.post("/api/admin/sync", { data: { mode: "full" }, headers: { origin: "https://evil.example", authorization: `Bearer ${TOKEN}` } });
    expect(cross.status()).toBe(403);

    await request.post(`${CONTROL}/faults`, { data: { latencyMs: 800 } });
    const started = await request.post("/api/admin/sync", { data: { mode: "incremental" }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(started.status()).toBe(202);
    const { runId } = await started.json();
    const again = await request.post("/api/admin/sync", { data: { mode: "full" }, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(again.status()).toBe(409);
    expect(await again.json()).toMatchObject({ runId });
    await expect
      .poll(async () => (await (await request.get(`/api/admin/sync/${runId}`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).status, { timeout: 60_000 })
      .toBe("succeeded");
    await request.post(`${CONTROL}/faults/reset`);
  });

  test("when the dashboard cannot refresh, or the database is down, it says so instead of showing old or empty figures as current", async ({ page }) => {
    // The poll runs every 10 s while idle; the test moves the page's clock instead of waiting.
    await page.clock.install();
    await logIn(page);
    await expect(page.getByTestId("run-history")).toBeVisible();
    const real = await (await page.request.get("/api/admin/status")).json();
    expect(real.db).toBe("ok");

    // The server cannot be reached at all, then answers with an error page: the figures shown stay,
    // and a notice says they are not current.
    await page.route("**/api/admin/status", (route) => route.abort("connectionrefused"));
    await page.clock.fastForward(11_000);
    await expect(page.getByTestId("poll-error")).toContainText("Could not refresh the dashboard: The server could not be reached.");
    await page.unroute("**/api/admin/status");
    await page.route("**/api/admin/status", (route) => route.fulfill({ status: 500, contentType: "text/html", body: "<html><body>Internal Server Error</body></html>" }));
    await page.clock.fastForward(11_000);
    await expect(page.getByTestId("poll-error")).toContainText("The server answered HTTP 500.");
    await expect(page.getByTestId("run-history")).toBeVisible();
    await expect(page.getByTestId("db-status")).toHaveText("OK");

    // The dashboard's own answer while the database is down (lib/admin/data.ts): no counts, no history.
    await page.unroute("**/api/admin/status");
    await page.route("**/api/admin/status", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ ...real, db: "down", trials: null, lastSuccessfulSync: null, running: null, history: [] }) }),
    );
    await page.clock.fastForward(11_000);
    await expect(page.getByTestId("poll-error")).toHaveCount(0);
    await expect(page.getByTestId("db-status")).toHaveText("Not reachable");
    await expect(page.getByTestId("history-unavailable")).toBeVisible();
    await expect(page.getByText("No runs yet.")).toHaveCount(0);
    await expect(page.getByText("unknown while the database is not reachable")).toBeVisible();

    // Back to normal: the real answer again, and the notice goes.
    await page.unroute("**/api/admin/status");
    await page.clock.fastForward(11_000);
    await expect(page.getByTestId("db-status")).toHaveText("OK");
    await expect(page.getByTestId("run-history")).toBeVisible();
  });
});

test.describe("security headers", () => {
  for (const p of ["/", "/learn", "/admin", "/trials", "/api/health", "/api/admin/status", "/no-such-page"]) {
    test(`are set on ${p}`, async ({ request }) => {
      const res = await request.get(p);
      const h = res.headers();
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBeTruthy();
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["x-frame-options"]).toBe("DENY");
      const csp = h["content-security-policy"]!;
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      if (!p.startsWith("/api/")) expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      else expect(csp).toContain("default-src 'none'");
    });
  }

  test("pages run their scripts under the policy, with no violation in the browser", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    const learnSlug = await (async () => {
      await page.goto("/learn");
      return page.locator('a[href^="/learn/"]').first().getAttribute("href");
    })();
    for (const p of ["/", "/learn", learnSlug ?? "/learn", "/learn/checklist", "/trials", "/admin", "/no-such-page"]) {
      await page.goto(p);
      // Next's inline bootstrap scripts ran (they define __next_f).
      await page.waitForFunction(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f), undefined, { timeout: 10_000 });
    }
    await logIn(page);
    expect(violations).toEqual([]);
  });
});

test("no secret value is in the build sent to browsers", async ({ request }) => {
  const dist = path.resolve(".next");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(dist, "static")); // throws, failing the test, when there is no build
  // Prerendered pages are sent to browsers as they are.
  walk(path.join(dist, "server", "app"));
  const browserFiles = files.filter((f) => f.includes(`${path.sep}static${path.sep}`) || /\.(html|rsc|body)$/.test(f));
  expect(browserFiles.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(5);
  for (const f of browserFiles) {
    const text = readFileSync(f, "latin1");
    for (const secret of [PASSWORD, TOKEN, SESSION_SECRET]) expect(text.includes(secret), `${secret} in ${f}`).toBe(false);
  }
  for (const p of ["/", "/admin", "/learn", "/api/health"]) {
    const body = await (await request.get(p)).text();
    for (const secret of [PASSWORD, TOKEN, SESSION_SECRET]) expect(body.includes(secret)).toBe(false);
  }
});
