import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { e2eDatabaseForSpec } from "./from-setup";
import { cardIds, openSearch as open, settled } from "./page-helpers";

// /trials, the trial page, the API and the CSV, in Chromium against the production build on a
// database filled by a real sync from the stand-in (tests/e2e/global-setup.ts hands us its URL).

const db = e2eDatabaseForSpec();

async function tick(page: Page, name: RegExp) {
  await page.getByRole("checkbox", { name }).check();
  await settled(page);
}

test("phase + source + route filters give exactly what a direct database query gives", async ({ page }) => {
  await open(page, "/trials?status=any");
  await tick(page, /^Phase 1\b/);
  await tick(page, /^Phase 2\b/);
  await tick(page, /^Bone marrow\b/);
  await tick(page, /^Into the disc/);
  await expect(page).toHaveURL(/\/trials\?source=bone-marrow&route=intradiscal&phase=1,2&status=any$/);
  const { rows } = await db.client.query<{ nct_id: string }>(
    `SELECT nct_id FROM trial WHERE removed_at IS NULL AND 'cell-therapy' = ANY(therapy) AND source && '{bone-marrow}' AND route && '{intradiscal}' AND phase && '{1,2}' ORDER BY nct_id`,
  );
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.length).toBeLessThanOrEqual(20);
  await expect(page.getByTestId("result-count")).toContainText(`${rows.length} trial`);
  expect((await cardIds(page)).sort()).toEqual(rows.map((r) => r.nct_id));
});

test("a copied URL opened in a fresh browser context shows the same list; the first page needs no JavaScript", async ({ page, browser }) => {
  await open(page, "/trials?status=any");
  await tick(page, /^Phase 2\b/);
  await page.getByRole("combobox", { name: "Sort by" }).selectOption("updated");
  await settled(page);
  const url = page.url();
  const ids = await cardIds(page);
  expect(ids.length).toBeGreaterThan(0);

  const fresh = await browser.newContext({ javaScriptEnabled: false });
  const other = await fresh.newPage();
  await other.goto(url);
  expect(await cardIds(other)).toEqual(ids);
  await fresh.close();
});

test("near a ZIP code sorts by distance with plausible miles", async ({ page }) => {
  await open(page, "/trials?status=any&therapy=cell-therapy,prp,acellular-biologic,other");
  await page.getByLabel("City, US ZIP code, or latitude,longitude").fill("10001");
  await page.getByLabel("Within").selectOption("250mi");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await settled(page);
  await page.getByRole("combobox", { name: "Sort by" }).selectOption("distance");
  await settled(page);
  await expect(page).toHaveURL(/near=10001&radius=250mi&sort=distance/);
  await expect(page.getByTestId("result-count")).toContainText("near New York");
  const miles = await page.locator("li.card .distance").evaluateAll((els) => els.map((e) => Number(e.textContent!.replace(/[^\d.]/g, ""))));
  expect(miles.length).toBeGreaterThan(0);
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
  expect(miles.every((m) => m >= 0 && m <= 250)).toBe(true);
  // A New York City site is a few miles from 10001 (Manhattan).
  const nyc = page.locator("li.card", { hasText: "New York, New York" }).first();
  if (await nyc.count()) expect(Number((await nyc.locator(".distance").textContent())!.replace(/[^\d.]/g, ""))).toBeLessThan(15);
});

test("'Any distance' lists every trial with a located site, nearest first (radius=any)", async ({ page }) => {
  await open(page, "/trials?status=any&therapy=cell-therapy,prp,acellular-biologic,other&near=10001&sort=distance");
  await page.getByLabel("Within").selectOption({ label: "Any distance" });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await settled(page);
  await expect(page).toHaveURL(/near=10001&radius=any&sort=distance/);
  await expect(page.getByLabel("Within")).toHaveValue("any");
  const { rows } = await db.client.query<{ n: number }>(
    "SELECT count(DISTINCT t.nct_id)::int AS n FROM trial t JOIN site s ON s.nct_id = t.nct_id WHERE t.removed_at IS NULL AND s.lat IS NOT NULL AND s.lon IS NOT NULL",
  );
  await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${rows[0]!.n.toLocaleString("en-US")} trials? near New York`));
  const miles = await page.locator("li.card .distance").evaluateAll((els) => els.map((e) => Number(e.textContent!.replace(/[^\d.]/g, ""))));
  expect(miles.length).toBeGreaterThan(0);
  expect(miles).toEqual([...miles].sort((a, b) => a - b));
});

test("back and forward restore the filters and results", async ({ page }) => {
  await open(page, "/trials?status=any");
  const all = await page.getByTestId("result-count").textContent();
  await tick(page, /^Phase 2\b/);
  const phase2 = await page.getByTestId("result-count").textContent();
  await tick(page, /^Into the disc/);
  await expect(page).toHaveURL(/route=intradiscal&phase=2&status=any$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/trials\?phase=2&status=any$/);
  await expect(page.getByRole("checkbox", { name: /^Into the disc/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).toBeChecked();
  await expect(page.getByTestId("result-count")).toHaveText(phase2!);
  await page.goBack();
  await expect(page.getByTestId("result-count")).toHaveText(all!);
  await page.goForward();
  await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).toBeChecked();
  await expect(page.getByTestId("result-count")).toHaveText(phase2!);
});

test("clear all filters resets in place (no reload), and back returns to the filtered search", async ({ page }) => {
  await open(page, "/trials");
  const defaults = await page.getByTestId("result-count").textContent();
  const defaultIds = await cardIds(page);
  await open(page, "/trials?phase=2&status=any");
  const filtered = await page.getByTestId("result-count").textContent();
  expect(filtered).not.toEqual(defaults);
  // A marker on window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await page.getByRole("link", { name: "Clear all filters" }).click();
  await expect(page).toHaveURL(/\/trials$/);
  await settled(page);
  await expect(page.getByTestId("result-count")).toHaveText(defaults!);
  expect(await cardIds(page)).toEqual(defaultIds);
  await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).not.toBeChecked();
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await page.goBack();
  await expect(page).toHaveURL(/\/trials\?phase=2&status=any$/);
  await expect(page.getByTestId("result-count")).toHaveText(filtered!);
  // The header's links are plain links (docs/decisions/011): they still lead where they say.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the CSV download holds the same trials as the page", async ({ page }) => {
  await open(page, "/trials?phase=1,2&status=any");
  const ids = await cardIds(page);
  const total = Number((await page.getByTestId("result-count").textContent())!.replace(/\D/g, ""));
  expect(total).toBeLessThanOrEqual(20);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-link").click()]);
  const csv = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toMatch(/^nct_id,title,status,phase/);
  expect(lines.slice(1).map((l) => l.slice(0, 11))).toEqual(ids);
});

test("a trial page shows key facts, sites by distance and its warning flags", async ({ page }) => {
  const { rows } = await db.client.query<{ nct_id: string }>(
    `SELECT t.nct_id FROM trial t WHERE removed_at IS NULL AND flags <> '{}' AND EXISTS (SELECT 1 FROM site s WHERE s.nct_id = t.nct_id AND s.lat IS NOT NULL) ORDER BY nct_id LIMIT 1`,
  );
  const id = rows[0]!.nct_id;
  await page.goto(`/trials/${id}?near=02115`);
  await expect(page.getByRole("heading", { name: "Key facts" })).toBeVisible();
  await expect(page.getByText("Who can join")).toBeVisible();
  await expect(page.getByTestId("sites").locator("> li").first()).toContainText(/\d+ mi/);
  await expect(page.getByTestId("trial-flags")).toBeVisible();
  await expect(page.getByRole("link", { name: /full record on ClinicalTrials.gov/ })).toHaveAttribute("href", `https://clinicaltrials.gov/study/${id}`);

  const api = await page.request.get(`/api/trials/${id}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).nctId).toBe(id);
});

test("invalid URL parameters show a message while the other filters keep working; the API answers 400", async ({ page }) => {
  await open(page, "/trials?phase=9&source=bone-marrow&status=any&near=Atlantisville");
  const alert = page.getByTestId("param-errors");
  await expect(alert).toContainText("phase");
  await expect(alert).toContainText("early-1, 1, 2, 3, 4, na");
  await expect(alert).toContainText("Atlantisville");
  await expect(page.getByRole("checkbox", { name: /^Bone marrow\b/ })).toBeChecked();
  expect((await cardIds(page)).length).toBeGreaterThan(0);

  const res = await page.request.get("/api/trials?phase=9&sort=sideways");
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.errors.map((e: { param: string }) => e.param)).toEqual(["phase", "sort"]);
  expect(body.errors[0].allowed).toContain("early-1");
  for (const bad of ["/api/trials?page=-1", "/api/trials?radius=lots&near=Boston", "/api/trials/NOT-AN-ID", "/api/trials.csv?donor=both"]) {
    const r = await page.request.get(bad);
    expect(r.status(), bad).toBe(400);
  }
});

test("the map view loads on demand and still works when tiles cannot load", async ({ page }) => {
  await page.route(/tile\.openstreetmap\.org/, (route) => route.abort());
  await open(page, "/trials?status=any");
  await page.getByRole("button", { name: "Map" }).click();
  await expect(page).toHaveURL(/view=map/);
  await expect(page.getByTestId("results-map")).toBeVisible();
  // Every located site of every matching trial (not just this page's 20), one marker per place.
  const { rows } = await db.client.query<{ sites: number; places: number }>(
    `SELECT count(*)::int AS sites, count(DISTINCT (s.lat, s.lon))::int AS places FROM site s JOIN trial t ON t.nct_id = s.nct_id
     WHERE t.removed_at IS NULL AND 'cell-therapy' = ANY(t.therapy) AND s.lat IS NOT NULL AND s.lon IS NOT NULL`,
  );
  const { sites, places } = rows[0]!;
  expect(places).toBeGreaterThan(20);
  await expect(page.getByTestId("map-summary")).toContainText(`${sites} sites of the matching trials, at ${places} places`);
  // Overlapping places are clustered (issue 18): every place is drawn once, alone or in a cluster.
  const markers = page.locator("path.site-marker, path.site-cluster");
  await expect(markers.first()).toBeAttached();
  expect((await markers.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-places"))))).reduce((a, b) => a + b, 0)).toBe(places);
  await expect(page.getByTestId("map-summary")).toContainText("map background could not load");
  // Zoom in on clusters until a single place can be clicked.
  for (let i = 0; i < 8 && (await page.locator("path.site-marker").count()) === 0; i++) {
    const zoom = await page.getByTestId("results-map").getAttribute("data-zoom");
    await page.locator("path.site-cluster").first().click({ force: true });
    await expect(page.getByTestId("results-map")).not.toHaveAttribute("data-zoom", zoom!);
  }
  await page.locator("path.site-marker").first().click({ force: true });
  await expect(page.locator(".leaflet-popup-content a[href^='/trials/NCT']").first()).toBeVisible();
  expect((await cardIds(page)).length).toBeGreaterThan(0);
});

for (const [name, url] of [
  ["/trials", "/trials?status=any"],
  ["a trial page", "/trials/NCT04042844"],
  ["the home page", "/"],
] as const) {
  test(`axe finds no accessibility violations on ${name}`, async ({ page }) => {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("use my location searches near the browser's position, sorted by distance", async ({ browser }) => {
  const context = await browser.newContext({ geolocation: { latitude: 40.7484, longitude: -73.9967 }, permissions: ["geolocation"] });
  const page = await context.newPage();
  await open(page, "/trials?status=any");
  await page.getByRole("button", { name: "Use my location" }).click();
  await expect(page).toHaveURL(/near=40\.748,-73\.997&sort=distance/);
  await settled(page);
  await expect(page.getByTestId("result-count")).toContainText("near 40.748, -73.997");
  await context.close();
});

test("the print view lists the same trials as the CSV", async ({ page }) => {
  const csv = await (await page.request.get("/api/trials.csv?phase=1,2&status=any")).text();
  const ids = csv
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n")
    .slice(1)
    .map((l) => l.slice(0, 11));
  await page.goto("/trials/print?phase=1,2&status=any");
  const printed = await page.locator(".print-table tbody tr").evaluateAll((rows) => rows.map((r) => /NCT\d{8}/.exec(r.textContent ?? "")?.[0]));
  expect(printed).toEqual(ids);
});

test("a removed trial's page opens with a notice instead of a 404", async ({ page }) => {
  // A trial no other test filters on (not cell therapy), marked removed for the length of this test.
  const { rows } = await db.client.query<{ nct_id: string }>(
    `SELECT nct_id FROM trial WHERE removed_at IS NULL AND NOT ('cell-therapy' = ANY(therapy)) ORDER BY nct_id LIMIT 1`,
  );
  const id = rows[0]!.nct_id;
  await db.client.query("UPDATE trial SET removed_at = now() WHERE nct_id = $1", [id]);
  try {
    const res = await page.goto(`/trials/${id}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("removed-notice")).toBeVisible();
    expect((await (await page.request.get(`/api/trials/${id}`)).json()).removedAt).not.toBeNull();
  } finally {
    await db.client.query("UPDATE trial SET removed_at = NULL WHERE nct_id = $1", [id]);
  }
  expect((await page.goto("/trials/NCT00000000"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Search the trials" })).toBeVisible();
});

test("on a phone the results are on the first screen (the filters fold away) and the page has no accessibility violations", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await open(page, "/trials?status=any");
  await expect(page.getByTestId("result-count")).toBeInViewport();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await context.close();
});

test("treatment and donor choices show live counts that agree with the database", async ({ page }) => {
  await open(page, "/trials?phase=2&status=any");
  const counts = async (legend: string) => {
    const labels = await page.locator("fieldset.filter-group", { has: page.locator("legend", { hasText: legend }) }).locator("label").allTextContents();
    return labels.map((t) => Number(/\((\d+)\)\s*$/.exec(t)?.[1] ?? NaN));
  };
  const q = async (where: string) => Number((await db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM trial WHERE removed_at IS NULL AND phase && '{2}' AND ${where}`)).rows[0]!.n);
  const cell = "'cell-therapy' = ANY(therapy)";
  // Whose cells: Either, own cells (autologous), donor cells (allogeneic); "mixed" counts for both.
  expect(await counts("Whose cells")).toEqual([await q(cell), await q(`${cell} AND donor IN ('autologous','mixed')`), await q(`${cell} AND donor IN ('allogeneic','mixed')`)]);
  const treatment = await counts("Treatment");
  expect(treatment[0]).toBe(await q(cell));
  expect(treatment[1]).toBe(await q("'prp' = ANY(therapy)"));
  // Choosing a donor narrows the treatment counts too.
  await page.getByRole("radio", { name: /^Donor/ }).check();
  await settled(page);
  expect((await counts("Treatment"))[0]).toBe(await q(`${cell} AND donor IN ('allogeneic','mixed')`));
});

test("when the server cannot be reached, the page says so in its own words, and the map too", async ({ page }) => {
  await open(page, "/trials?status=any");
  const before = await cardIds(page);
  await page.route(/\/api\/trials/, (route) => route.abort("internetdisconnected"));
  await page.getByRole("checkbox", { name: /^Phase 3\b/ }).check();
  const alert = page.getByRole("alert").filter({ hasText: "Could not reach the trial finder" });
  await expect(alert).toBeVisible();
  await expect(page.getByText("Failed to fetch")).toHaveCount(0);
  // The previous results stay on screen, dimmed, and say so; no counts are shown for the failed search.
  await expect(alert).toContainText("Showing the previous results.");
  await expect(page.locator("ol.cards.stale")).toBeVisible();
  expect(await cardIds(page)).toEqual(before);
  await expect(page.locator(".count")).toHaveCount(0);
  await expect(page.getByTestId("result-count")).toContainText("Previous results:");
  // Once the network is back, "Try again" shows the new search.
  await page.unroute(/\/api\/trials/);
  await alert.getByRole("button", { name: "Try again" }).click();
  await settled(page);
  await expect(alert).toHaveCount(0);
  await expect(page.getByTestId("result-count")).not.toContainText("Previous results");
  await expect(page).toHaveURL(/phase=3/);
  expect(await cardIds(page)).not.toEqual(before);
  // The map's own request: the page's first results come from the server, the sites do not.
  await page.route(/\/api\/trials\/sites/, (route) => route.abort("internetdisconnected"));
  await open(page, "/trials?status=any&view=map");
  await expect(page.getByTestId("map-summary")).toContainText("The map could not reach the server. The list below still works.");
  expect((await cardIds(page)).length).toBeGreaterThan(0);
});
