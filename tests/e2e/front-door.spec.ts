import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { e2eDatabaseForSpec } from "./from-setup";

// The front door (SPEC §12, issue 18): the home page's one-step search with and without JavaScript,
// /trials on a 390×844 phone, the map with every outside host blocked, and the evidence and dates on
// a trial page. Run against the production build on a database filled by a real sync (serve.ts).

const db = e2eDatabaseForSpec();

const axe = async (page: Page) => {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};
const pathAndQuery = (page: Page) => {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
};
/** Every request to a host other than this server fails, as on a machine with no internet. */
async function blockOutside(page: Page) {
  const outside: string[] = [];
  await page.route(
    (url) => url.hostname !== "127.0.0.1" && url.hostname !== "localhost",
    (route) => {
      outside.push(route.request().url());
      return route.abort("internetdisconnected");
    },
  );
  return outside;
}

test.describe("the home page's one-step search", () => {
  test("without JavaScript the GET form lands on the canonical /trials URL", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/");
    // "Use my location" needs JavaScript: it is not offered without it.
    await expect(page.getByRole("button", { name: "Use my location" })).toHaveCount(0);
    await page.getByLabel("Where are you?").fill("10001");
    await page.getByLabel("How far could you travel?").selectOption("250mi");
    await page.getByLabel("What are you looking for?").selectOption("prp");
    await page.getByRole("button", { name: "Find trials" }).click();
    await page.waitForURL(/\/trials\?/);
    expect(pathAndQuery(page)).toBe("/trials?therapy=prp&near=10001&radius=250mi");
    await expect(page.getByTestId("result-count")).toContainText("near New York");
    // The defaults alone land on plain /trials.
    await page.goto("/");
    await page.getByRole("button", { name: "Find trials" }).click();
    await page.waitForURL((u) => u.pathname === "/trials");
    expect(pathAndQuery(page)).toBe("/trials");
    await context.close();
  });

  test("with JavaScript: everything, finished trials included, lands on the canonical URL with the same count as the API", async ({ page }) => {
    await page.goto("/");
    await page.getByLabel("Where are you?").fill("Boston, MA");
    await page.getByLabel("How far could you travel?").selectOption({ label: "Any distance" });
    await page.getByLabel("What are you looking for?").selectOption({ label: "Everything, including other treatments" });
    await page.getByRole("radio", { name: "All, including finished trials" }).check();
    await page.getByRole("button", { name: "Find trials" }).click();
    await page.waitForURL(/\/trials\?/);
    expect(pathAndQuery(page)).toBe("/trials?therapy=cell-therapy,prp,acellular-biologic,other&status=any&near=Boston,+MA&radius=any");
    await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
    const api = await (await page.request.get("/api/trials?therapy=cell-therapy,prp,acellular-biologic,other&status=any&near=Boston,+MA&radius=any")).json();
    expect(api.total).toBeGreaterThan(20);
    await expect(page.getByTestId("result-count")).toContainText(`${api.total} trial`);
  });

  test("below the form: open cell-therapy trials, counts by cell source and route that match their searches, explainers, notice, last sync", async ({ page }) => {
    await page.goto("/");
    const items = page.getByTestId("home-trials").locator("li");
    const { rows } = await db.client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM trial WHERE removed_at IS NULL AND 'cell-therapy' = ANY(therapy) AND overall_status IN ('RECRUITING','NOT_YET_RECRUITING','ENROLLING_BY_INVITATION')`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    await expect(items).toHaveCount(Math.min(10, rows[0]!.n));
    await expect(page.getByRole("link", { name: `See all ${rows[0]!.n} in the trial finder` })).toBeVisible();
    // Each source count is the total of the search it links to.
    const links = page.getByTestId("home-counts-source").getByRole("link");
    expect(await links.count()).toBeGreaterThan(1);
    for (const link of (await links.all()).slice(0, 3)) {
      const href = (await link.getAttribute("href"))!;
      expect(href).toMatch(/^\/trials\?source=[a-z-]+$/);
      const n = Number(/\((\d+)\)/.exec((await link.textContent())!)![1]);
      const api = await (await page.request.get(`/api${href}`)).json();
      expect(api.total).toBe(n);
    }
    await expect(page.getByTestId("home-counts-route").getByRole("link").first()).toHaveAttribute("href", /^\/trials\?route=[a-z-]+$/);
    await expect(page.getByRole("link", { name: "All guides" })).toHaveAttribute("href", "/learn");
    await expect(page.getByTestId("home-notice")).toContainText("information, not medical advice");
    await expect(page.getByText(/Last updated from ClinicalTrials.gov on/)).toBeVisible();
    expect(await axe(page)).toEqual([]);
  });

  for (const javaScriptEnabled of [false, true]) {
    test(`${javaScriptEnabled ? "with" : "without"} JavaScript the form's place orders the home list nearest first, with distances (/?near=…)`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto("/");
      const before = await page.getByTestId("home-trials").locator("li a").allTextContents();
      await expect(page.getByTestId("home-trials")).not.toContainText(/\d+ mi ·/);
      await page.getByLabel("Where are you?").fill("Boston, MA");
      await page.getByLabel("How far could you travel?").selectOption("25mi");
      await page.getByRole("button", { name: "Order the list below by distance" }).click();
      // Only the place is kept: the list below is the open cell-therapy trials at any distance.
      await page.waitForURL((u) => u.pathname === "/" && u.search === "?near=Boston,+MA");
      expect(new URL(page.url()).hash).toBe("#open-trials");
      await expect(page.getByLabel("Where are you?")).toHaveValue("Boston, MA");
      await expect(page.getByRole("heading", { name: /Open cell-therapy trials, nearest to Boston.* first/ })).toBeVisible();
      const items = page.getByTestId("home-trials").locator("li");
      const miles = await items.evaluateAll((els) => els.map((e) => Number(/\((?:[^·]*· )?(\d+) mi/.exec(e.textContent ?? "")?.[1] ?? NaN)));
      // The trials with a located site (those a distance can be given for), in the order of the search it links to.
      const api = await (await page.request.get("/api/trials?near=Boston,+MA&radius=any&sort=distance")).json();
      expect(api.total).toBeGreaterThan(1);
      expect(miles.length).toBe(Math.min(10, api.total));
      expect(miles.every((m) => Number.isFinite(m))).toBe(true);
      expect(miles).toEqual([...miles].sort((a, b) => a - b));
      expect(miles).toEqual(api.trials.slice(0, 10).map((t: { nearestSite: { distanceMiles: number } }) => Math.round(t.nearestSite.distanceMiles)));
      expect(await page.getByTestId("home-trials").locator("li a").allTextContents()).toEqual(api.trials.slice(0, 10).map((t: { title: string }) => t.title));
      expect(await page.getByTestId("home-trials").locator("li a").allTextContents()).not.toEqual(before);
      await expect(page.getByRole("link", { name: /See all \d+ in the trial finder/ })).toHaveAttribute("href", "/trials?near=Boston,+MA&radius=any&sort=distance");
      if (javaScriptEnabled) expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }

  test("a home URL with the form's other fields or an empty place redirects to the one address for that place", async ({ request }) => {
    const res = await request.get("/?near=10001&radius=250mi&therapy=prp&status=any", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers().location).toBe("/?near=10001");
    const empty = await request.get("/?near=&radius=100mi", { maxRedirects: 0 });
    expect(empty.status()).toBe(307);
    expect(empty.headers().location).toBe("/");
    expect((await request.get("/?near=10001", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("with a place known the list is nearest first; use my location puts the browser's place in the form", async ({ browser }) => {
    const context = await browser.newContext({ geolocation: { latitude: 42.36, longitude: -71.06 }, permissions: ["geolocation"] });
    const page = await context.newPage();
    await page.goto("/");
    await page.getByRole("button", { name: "Use my location" }).click();
    await page.waitForURL(/\/\?near=42\.360,-71\.060/);
    await expect(page.getByLabel("Where are you?")).toHaveValue("42.360,-71.060");
    await expect(page.getByRole("heading", { name: /nearest to 42\.36\d*, -71\.06\d* first/ })).toBeVisible();
    const miles = await page
      .getByTestId("home-trials")
      .locator("li")
      .evaluateAll((els) => els.map((e) => Number(/\((?:[^·]*· )?(\d+) mi/.exec(e.textContent ?? "")?.[1] ?? NaN)));
    expect(miles.length).toBeGreaterThan(0);
    expect(miles.every((m) => Number.isFinite(m))).toBe(true);
    expect(miles).toEqual([...miles].sort((a, b) => a - b));
    await context.close();
  });
});

test("/ and /trials carry their CSS in the HTML: the first paint waits for no stylesheet request", async ({ request }) => {
  for (const p of ["/", "/trials"]) {
    const html = await (await request.get(p)).text();
    expect(html, p).toMatch(/<style[^>]*data-precedence/);
    expect(html, p).not.toMatch(/<link[^>]*rel="stylesheet"/);
  }
});

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the count and the first card are on the first screen; the filter panel opens, applies and clears", async ({ page }) => {
    await page.goto("/trials?status=any");
    await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
    const count = page.getByTestId("result-count");
    await expect(count).toBeInViewport();
    const firstCard = page.locator("li.card").first();
    const box = (await firstCard.boundingBox())!;
    expect(box.y).toBeLessThan(844);
    expect(box.y).toBeGreaterThan(0);
    // The filters are folded away behind a button that says how many are active (status=any is one).
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toHaveText("Filters (1 active)");
    await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).toBeHidden();
    expect(await axe(page)).toEqual([]);

    await toggle.click();
    const panel = page.getByRole("dialog", { name: "Filters" });
    await expect(panel).toBeVisible();
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.height).toBeGreaterThanOrEqual(840);
    expect(panelBox.width).toBeGreaterThanOrEqual(389);
    expect(await axe(page)).toEqual([]);
    await panel.getByRole("checkbox", { name: /^Phase 2\b/ }).check();
    await panel.getByRole("button", { name: "Apply" }).click();
    await expect(panel).toBeHidden();
    await expect(page).toHaveURL(/\/trials\?phase=2&status=any$/);
    await expect(toggle).toHaveText("Filters (2 active)");
    const { rows } = await db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM trial WHERE removed_at IS NULL AND 'cell-therapy' = ANY(therapy) AND phase && '{2}'`);
    await expect(count).toContainText(`${rows[0]!.n} trial`);

    await toggle.click();
    await page.getByRole("dialog", { name: "Filters" }).getByRole("link", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/trials$/);
    await expect(toggle).toHaveText("Filters (0 active)");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("without JavaScript the panel still opens (a link to it) and Apply submits the form", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/trials?status=any");
    await expect(page.locator("li.card").first()).toBeInViewport();
    await page.getByRole("link", { name: "Filters (1 active)" }).click();
    await expect(page.getByRole("checkbox", { name: /^Phase 1\b/ })).toBeVisible();
    await page.getByRole("checkbox", { name: /^Phase 1\b/ }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/phase=1/);
    expect(pathAndQuery(page)).toBe("/trials?phase=1&status=any");
    await context.close();
  });

  test("a trial page's contacts are tap-to-call and tap-to-email links with room for a thumb", async ({ page }) => {
    const { rows } = await db.client.query<{ nct_id: string }>(
      `SELECT nct_id FROM trial WHERE removed_at IS NULL AND central_contacts::text LIKE '%"phone"%' AND central_contacts::text LIKE '%"email"%' ORDER BY nct_id LIMIT 1`,
    );
    expect(rows.length).toBe(1);
    await page.goto(`/trials/${rows[0]!.nct_id}`);
    const tel = page.locator('a[href^="tel:"]').first();
    const mail = page.locator('a[href^="mailto:"]').first();
    await expect(tel).toHaveAttribute("href", /^tel:\+?\d{6,}/);
    await expect(mail).toHaveAttribute("href", /^mailto:[^@\s]+@[^@\s]+$/);
    expect((await tel.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect((await mail.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await axe(page)).toEqual([]);
  });
});

test("with every outside host blocked the map draws country and state outlines and clustered markers for every place", async ({ page }) => {
  const outside = await blockOutside(page);
  await page.goto("/trials?status=any&view=map");
  await expect(page.getByTestId("results-map")).toBeVisible();
  const { rows } = await db.client.query<{ places: number }>(
    `SELECT count(DISTINCT (s.lat, s.lon))::int AS places FROM site s JOIN trial t ON t.nct_id = s.nct_id
     WHERE t.removed_at IS NULL AND 'cell-therapy' = ANY(t.therapy) AND s.lat IS NOT NULL AND s.lon IS NOT NULL`,
  );
  const places = rows[0]!.places;
  expect(places).toBeGreaterThan(20);
  await expect(page.getByTestId("map-summary")).toContainText(`at ${places} places`);
  // Natural Earth has 177 countries at 1:110m; us-atlas has 56 states and territories.
  await expect(page.locator("path.outline-country").first()).toBeAttached();
  expect(await page.locator("path.outline-country").count()).toBeGreaterThan(150);
  expect(await page.locator("path.outline-state").count()).toBeGreaterThan(50);
  // Every place is drawn once, alone or inside a cluster, and overlapping places are clustered.
  const markers = page.locator("path.site-marker, path.site-cluster");
  await expect(markers.first()).toBeAttached();
  const drawn = await markers.evaluateAll((els) => els.map((e) => Number(e.getAttribute("data-places"))));
  expect(drawn.reduce((a, b) => a + b, 0)).toBe(places);
  expect(drawn.length).toBeLessThan(places);
  // A cluster zooms in when clicked.
  const zoom = Number(await page.getByTestId("results-map").getAttribute("data-zoom"));
  await page.locator("path.site-cluster").first().click({ force: true });
  await expect(page.getByTestId("results-map")).not.toHaveAttribute("data-zoom", String(zoom));
  await expect(page.getByTestId("map-summary")).toContainText("map background could not load");
  expect(outside.length).toBeGreaterThan(0);
  expect(outside.every((u) => !u.includes("127.0.0.1"))).toBe(true);
  expect(await axe(page)).toEqual([]);
});

test("the map's code and outline data stay out of the list view's first load, and arrive with the map", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (r.resourceType() === "script") scripts.push(r.url());
  });
  await page.goto("/trials?status=any");
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.waitForLoadState("networkidle");
  const first = [...scripts];
  await page.getByRole("button", { name: "Map" }).click();
  await expect(page.locator("path.outline-country").first()).toBeAttached();
  const later = scripts.filter((u) => !first.includes(u));
  expect(later.length).toBeGreaterThan(0);
  const text = async (urls: string[]) => (await Promise.all(urls.map(async (u) => (await page.request.get(u)).text()))).join("\n");
  // The outlines are TopoJSON ("Topology") and Leaflet names its panes "leaflet-…-pane".
  const firstCode = await text(first);
  const laterCode = await text(later);
  expect(laterCode).toContain("Topology");
  expect(laterCode).toContain("leaflet-pane");
  expect(firstCode).not.toContain("Topology");
  expect(firstCode).not.toContain("leaflet-pane");
});

test.describe("evidence and dates on a trial page", () => {
  test("publications with PubMed links, posted results with the primary outcome and adverse events, dates as the record gives them", async ({ page }) => {
    const { rows } = await db.client.query<{ nct_id: string }>(
      `SELECT nct_id FROM trial WHERE removed_at IS NULL AND has_results AND results_published
         AND raw #>> '{protocolSection,statusModule,completionDateStruct,type}' = 'ACTUAL'
         AND raw #>> '{protocolSection,statusModule,primaryCompletionDateStruct,type}' = 'ACTUAL' ORDER BY nct_id LIMIT 1`,
    );
    expect(rows.length).toBe(1);
    const id = rows[0]!.nct_id;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a raw v2 record, read as this test needs it
    const raw = (await db.client.query<{ raw: Record<string, any> }>(`SELECT raw FROM trial WHERE nct_id = $1`, [id])).rows[0]!.raw;
    await page.goto(`/trials/${id}`);
    const evidence = page.getByTestId("evidence");
    // Publications: every PubMed id in the record is a link to PubMed; those reporting results come first.
    const refs: { pmid?: string; type?: string }[] = raw.protocolSection.referencesModule.references;
    const pmids = refs.filter((r) => r.pmid).map((r) => r.pmid!);
    const links = evidence.getByTestId("pubmed-link");
    await expect(links).toHaveCount(pmids.length);
    for (const pmid of pmids.slice(0, 5)) await expect(evidence.locator(`a[href="https://pubmed.ncbi.nlm.nih.gov/${pmid}/"]`)).toHaveCount(1);
    await expect(evidence.getByTestId("publications").locator("li").first()).toHaveAttribute("data-reports-results", "true");
    await expect(evidence.getByText(/The record marks (one publication|\d+ publications) as reporting this trial's results/)).toBeVisible();
    // Posted results: the first primary outcome's title and a value from the record; adverse events by group.
    const results = raw.resultsSection;
    const primary = results.outcomeMeasuresModule.outcomeMeasures.find((o: { type: string }) => o.type === "PRIMARY");
    const outcome = evidence.getByTestId("primary-outcome").first();
    await expect(outcome.getByRole("heading")).toHaveText(primary.title);
    const firstValue = primary.classes[0].categories[0].measurements[0].value as string;
    await expect(outcome.locator("table")).toContainText(firstValue);
    if (primary.unitOfMeasure) await expect(outcome).toContainText(primary.unitOfMeasure);
    const group = results.adverseEventsModule.eventGroups[0];
    await expect(evidence.getByTestId("adverse-events")).toContainText(`${group.title}: ${group.seriousNumAffected} of ${group.seriousNumAtRisk} people had a serious adverse event`);
    // Never a verdict the record does not state.
    await expect(evidence).not.toContainText(/\b(eligible|this works|effective|proven|successful)\b/i);
    // Dates: the record's precision and type.
    const status = raw.protocolSection.statusModule;
    const month = (d: string) => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(d.slice(5, 7)) - 1];
    const end = status.completionDateStruct.date as string;
    const dates = page.getByTestId("trial-dates");
    const shown = (d: string) => (d.length === 7 ? `${month(d)} ${d.slice(0, 4)}` : `${month(d)} ${Number(d.slice(8))}, ${d.slice(0, 4)}`);
    await expect(dates).toContainText(`Ended ${shown(end)}`);
    await expect(dates).not.toContainText("Expected to end");
    await expect(dates).toContainText(`Primary completion ${shown(status.primaryCompletionDateStruct.date)}`);
    await expect(dates).not.toContainText("Expected primary completion");
    expect(await axe(page)).toEqual([]);
  });

  test("an ongoing trial's estimated dates read 'Expected primary completion' and 'Expected to end', and a month date shows no invented day", async ({ page }) => {
    const { rows } = await db.client.query<{ nct_id: string; d: string; p: string }>(
      `SELECT nct_id, raw #>> '{protocolSection,statusModule,completionDateStruct,date}' AS d,
              raw #>> '{protocolSection,statusModule,primaryCompletionDateStruct,date}' AS p FROM trial WHERE removed_at IS NULL
         AND raw #>> '{protocolSection,statusModule,completionDateStruct,type}' = 'ESTIMATED'
         AND raw #>> '{protocolSection,statusModule,primaryCompletionDateStruct,type}' = 'ESTIMATED'
         AND length(raw #>> '{protocolSection,statusModule,completionDateStruct,date}') = 7
         AND length(raw #>> '{protocolSection,statusModule,primaryCompletionDateStruct,date}') = 7 ORDER BY nct_id LIMIT 1`,
    );
    expect(rows.length).toBe(1);
    const { nct_id: id, d, p } = rows[0]!;
    await page.goto(`/trials/${id}`);
    const month = (x: string) => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][Number(x.slice(5, 7)) - 1];
    await expect(page.getByTestId("trial-dates")).toContainText(`Expected primary completion ${month(p)} ${p.slice(0, 4)}`);
    await expect(page.getByTestId("trial-dates")).toContainText(`Expected to end ${month(d)} ${d.slice(0, 4)}`);
    await expect(page.getByTestId("trial-dates")).not.toContainText(/\d{4}-\d{2}-\d{2}/);
    await expect(page.getByTestId("no-posted-results")).toBeVisible();
  });

  test("results=posted lists only trials with results, each with its badge, and its facet count agrees", async ({ page }) => {
    await page.goto("/trials?therapy=cell-therapy,prp,acellular-biologic,other&status=any");
    await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
    const label = page.getByRole("checkbox", { name: /Only trials with results posted or published/ });
    const facet = Number(/\((\d+)\)/.exec((await page.locator("label", { has: label }).textContent())!)![1]);
    await label.check();
    await expect(page).toHaveURL(/status=any&results=posted$/);
    await expect(page.locator("section.results")).toHaveAttribute("aria-busy", "false");
    await expect(page.getByTestId("result-count")).toContainText(`${facet} trial`);
    const cards = page.locator("li.card");
    expect(await cards.count()).toBe(Math.min(20, facet));
    expect(await page.locator("li.card [data-testid=results-badges]").count()).toBe(await cards.count());
  });
});
