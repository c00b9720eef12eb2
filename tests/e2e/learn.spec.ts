import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { explainerHref, FILTER_HELP, type FilterKind } from "../../lib/explainers/links";
import { CHECKLIST_PATH, EXPLAINER_PAGES, explainerPath, getExplainerPage } from "../../lib/explainers/pages";
import { QUESTIONS_TO_ASK } from "../../lib/explainers/pages/choosing-a-provider";

// The crawl follows every page a visitor can reach by links; API responses (CSV, JSON) and the admin
// area (behind a login) are tested by their own suites.
const CRAWL_EXCLUDED_PREFIXES: readonly string[] = ["/api", "/admin"];
const CRAWL_START = ["/", "/learn"];
const CRAWL_LIMIT = 300;

const LEARN_PATHS = ["/learn", ...EXPLAINER_PAGES.map((p) => explainerPath(p.slug)), CHECKLIST_PATH];

function isExcluded(pathname: string): boolean {
  return CRAWL_EXCLUDED_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`) || pathname.startsWith(`${prefix}?`));
}

async function expectNoAxeViolations(page: Page, path: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${path}`).toEqual([]);
}

test.describe("/learn accessibility", () => {
  for (const path of LEARN_PATHS) {
    test(`axe finds no violations on ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectNoAxeViolations(page, path);
    });
  }
});

test.describe("explainer pages", () => {
  for (const explainer of EXPLAINER_PAGES) {
    test(`${explainer.slug}: one h1, review date, notice, sections and linked sources`, async ({ page }) => {
      await page.goto(explainerPath(explainer.slug));
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("h1")).toHaveText(explainer.title);
      await expect(page.getByText("Last reviewed:")).toBeVisible();
      await expect(page.locator(`time[datetime="${explainer.lastReviewed}"]`)).toBeVisible();
      await expect(page.getByTestId("medical-notice")).toContainText("information, not medical advice");
      for (const section of explainer.sections) await expect(page.locator(`[id="${section.id}"]`)).toHaveText(section.heading);
      const sources = page.locator('section[aria-labelledby="sources"] a[href^="http"]');
      await expect(sources).toHaveCount(explainer.sources.length);
    });
  }

  test("an unknown explainer is a 404", async ({ page }) => {
    const response = await page.goto("/learn/no-such-guide");
    expect(response?.status()).toBe(404);
  });

  test("the checklist has a labelled checkbox per question and a print button that is hidden in print", async ({ page }) => {
    await page.goto(CHECKLIST_PATH);
    await expect(page.getByRole("checkbox")).toHaveCount(QUESTIONS_TO_ASK.length);
    for (const question of QUESTIONS_TO_ASK) await expect(page.getByLabel(question)).toBeVisible();
    const first = page.getByLabel(QUESTIONS_TO_ASK[0] ?? "");
    await first.check();
    await expect(first).toBeChecked();
    const print = page.getByRole("button", { name: "Print this checklist" });
    await expect(print).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(print).toBeHidden();
  });
});

test.describe("filter help links", () => {
  for (const [kind, help] of Object.entries(FILTER_HELP)) {
    test(`the ${kind} help link opens its explainer at the right section`, async ({ page }) => {
      const [path = "", anchor = ""] = help.href.split("#");
      const target = getExplainerPage(path.replace("/learn/", ""));
      expect(target, help.href).toBeDefined();
      const response = await page.goto(help.href);
      expect(response?.status()).toBe(200);
      await expect(page.locator("h1")).toHaveText(target?.title ?? "");
      await expect(page.locator(`[id="${anchor}"]`)).toBeVisible();
    });
  }

  // FilterHelp (app/learn/_components/filter-help.tsx) renders under each filter group on /trials and
  // in the filter glossary on /learn. Clicking each "learn more" link must land on the right section.
  test("each filter help link on /learn opens the right explainer", async ({ page }) => {
    await expectFilterHelpLinksWork(page, "/learn");
  });

  test("each filter group on /trials links to the right explainer", async ({ page }) => {
    const response = await page.goto("/trials");
    expect(response?.status()).toBe(200);
    await expectFilterHelpLinksWork(page, "/trials");
  });
});

async function expectFilterHelpLinksWork(page: Page, path: string) {
  for (const kind of Object.keys(FILTER_HELP) as FilterKind[]) {
    await page.goto(path);
    const link = page.locator(`[data-filter-help-link="${kind}"]`).first();
    await expect(link, `filter help for ${kind} on ${path}`).toBeVisible();
    await link.click();
    const expected = FILTER_HELP[kind].href;
    await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === expected);
    await expect(page.locator(`[id="${expected.split("#")[1]}"]`)).toBeVisible();
  }
}

test.describe("links", () => {
  test.use({ javaScriptEnabled: false });

  test("a crawl from / and /learn finds no broken internal links or anchors", async ({ page, baseURL }) => {
    // Every page's language switch leads to its Spanish twin (SPEC §11): the crawl covers both languages.
    // It reads the server's HTML with the page's own scripts off (every page works without JavaScript,
    // and its links and anchors are server-rendered), so each page costs a parse, not a hydration.
    test.setTimeout(420_000);
    const origin = new URL(baseURL ?? "http://localhost:3000").origin;
    const queue = [...CRAWL_START];
    const seen = new Set(queue);
    const idsByPath = new Map<string, Set<string>>();
    const anchorsWanted: { from: string; path: string; id: string }[] = [];
    const failures: string[] = [];

    while (queue.length > 0 && seen.size <= CRAWL_LIMIT) {
      const path = queue.shift() ?? "/";
      const response = await page.goto(path, { waitUntil: "domcontentloaded" });
      const status = response?.status();
      if (status !== 200) {
        failures.push(`${path} answered ${status}`);
        continue;
      }
      const ids = await page.$$eval("[id], a[name]", (els) => els.map((el) => el.id || el.getAttribute("name") || ""));
      idsByPath.set(path, new Set(ids));
      const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== origin || isExcluded(url.pathname)) continue;
        const target = `${url.pathname}${url.search}`;
        if (url.hash.length > 1) anchorsWanted.push({ from: path, path: target, id: decodeURIComponent(url.hash.slice(1)) });
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }

    expect(seen.size, "crawl limit reached: raise CRAWL_LIMIT or look for a link loop").toBeLessThanOrEqual(CRAWL_LIMIT);
    for (const { from, path, id } of anchorsWanted) {
      const ids = idsByPath.get(path);
      if (ids && !ids.has(id)) failures.push(`${from} links to ${path}#${id}, which has no such anchor`);
    }
    expect(failures).toEqual([]);
    // The crawl really reached every guide.
    for (const path of LEARN_PATHS) expect(idsByPath.has(path), `${path} was not reached`).toBe(true);
    // ...in both languages, through the language switch.
    for (const path of LEARN_PATHS) expect(idsByPath.has(`/es${path}`), `/es${path} was not reached`).toBe(true);
  });
});

test("a trial page links the explainers for its own source, route and phase", async ({ page }) => {
  // NCT04042844 (BRTX-100): autologous bone-marrow cells injected into the disc, phase 2.
  for (const [kind, slug] of [
    ["source", "bone-marrow"],
    ["route", "intradiscal"],
    ["phase", "2"],
  ] as const) {
    await page.goto("/trials/NCT04042844");
    const href = explainerHref(kind, slug);
    const link = page.locator(`main a[href="${href}"]`).first();
    await expect(link, `${kind} ${slug} links ${href}`).toBeVisible();
    await link.click();
    await expect(page).toHaveURL((url) => `${url.pathname}${url.hash}` === href);
    await expect(page.locator(`[id="${href.split("#")[1]}"]`)).toBeVisible();
  }
});
