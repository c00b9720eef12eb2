import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { explainerPagesFor, getLocalizedExplainerPage } from "../../lib/explainers/locales";
import type enHome from "../../lib/i18n/messages/en/home.json";
import type enLearn from "../../lib/i18n/messages/en/learn.json";

// The home page and the explainers in Spanish (issue 16, SPEC §11): /es, /es/learn, the guides and the
// checklist in Spanish with <html lang="es">, no English UI left outside record text (marked lang="en"),
// the language switch to the same page in English and back, the home search landing on /es/trials,
// and axe. English pages are covered, unchanged, by home.spec, front-door.spec and learn.spec.

// Read, not imported: Playwright's loader does not take JSON imports.
const catalogue = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../lib/i18n/messages/es/${name}.json`, import.meta.url), "utf8")) as T;
const esHome = catalogue<typeof enHome>("home");
const esLearn = catalogue<typeof enLearn>("learn");

const WHAT = getLocalizedExplainerPage("what-is-cell-therapy", "es");
const RISKS = getLocalizedExplainerPage("risks", "es");

const PAGES: { path: string; h1: string }[] = [
  { path: "/es", h1: esHome.title },
  { path: "/es/learn", h1: esLearn.indexTitle },
  { path: "/es/learn/what-is-cell-therapy", h1: WHAT?.title ?? "" },
  { path: "/es/learn/risks", h1: RISKS?.title ?? "" },
  { path: "/es/learn/checklist", h1: esLearn.checklistH1 },
];

/** English words no Spanish sentence uses, matched as whole words. */
const ENGLISH = [/\bthe\b/i, /\band\b/i, /\btrials?\b/i, /\byou(r)?\b/i, /\bwith\b/i, /\bnot\b/i];

/** The visible text of <main>, leaving out anything inside an element marked lang="en…" (record text, publishers' titles). */
async function spanishText(page: Page): Promise<string> {
  return page.locator("main").evaluate((main) => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !parent.checkVisibility()) continue;
      const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
      if (lang.toLowerCase().startsWith("en")) continue;
      parts.push(node.textContent ?? "");
    }
    return parts.join(" ").replace(/\s+/g, " ");
  });
}

const pathAndQuery = (page: Page) => {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
};

for (const { path, h1 } of PAGES) {
  test(`${path} is in Spanish: lang, heading, no English UI, axe clean`, async ({ page }) => {
    expect(h1).not.toBe("");
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText(h1);
    const text = await spanishText(page);
    expect(text.length).toBeGreaterThan(200);
    const found = ENGLISH.flatMap((word) => {
      const m = text.match(word);
      return m ? [`${word}: …${text.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 60)}…`] : [];
    });
    expect(found, `English outside lang=en on ${path}`).toEqual([]);
    // Every link to a page of the site stays in Spanish (record links and the API excepted, none here).
    const hrefs = await page.locator("main a[href^='/']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    expect(hrefs.filter((h) => !h.startsWith("/es/") && !h.startsWith("/es?") && !h.startsWith("/es#") && h !== "/es")).toEqual([]);
    const results = await new AxeBuilder({ page }).analyze();
    const violations = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(violations, `axe violations on ${path}`).toEqual([]);
  });
}

test("the language switch goes to the same page in English and back", async ({ page }) => {
  for (const [es, en] of [
    ["/es", "/"],
    ["/es/learn", "/learn"],
    ["/es/learn/risks", "/learn/risks"],
    ["/es/learn/checklist", "/learn/checklist"],
  ] as const) {
    await page.goto(es);
    await page.getByTestId("language-switch").click();
    await page.waitForURL((u) => u.pathname === en);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByTestId("language-switch").click();
    await page.waitForURL((u) => u.pathname === es);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
  }
});

test("every explainer has a Spanish page under /es/learn with its sources", async ({ request }) => {
  for (const explainer of explainerPagesFor("es")) {
    const response = await request.get(`/es/learn/${explainer.slug}`);
    expect(response.status(), explainer.slug).toBe(200);
    const html = await response.text();
    expect(html).toContain('<html lang="es"');
    for (const source of explainer.sources) expect(html, `${explainer.slug} cites ${source.url}`).toContain(`href="${source.url.replace(/&/g, "&amp;")}"`);
  }
  expect((await request.get("/es/learn/no-such-guide")).status()).toBe(404);
});

test("the home form on /es sends its search to /es/trials with the same parameters as in English", async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const sent: string[] = [];
    for (const [home, labels] of [
      ["/", { where: "Where are you?", radius: "How far could you travel?", therapy: "What are you looking for?", any: "All, including finished trials", submit: "Find trials" }],
      ["/es", { where: esHome.form.where, radius: esHome.form.radius, therapy: esHome.form.therapy, any: esHome.form.statusAny, submit: esHome.form.submit }],
    ] as const) {
      await page.goto(home);
      await expect(page.getByTestId("home-search")).toHaveAttribute("action", home === "/" ? "/trials" : "/es/trials");
      await page.getByLabel(labels.where).fill("Boston, MA");
      await page.getByLabel(labels.radius).selectOption("250mi");
      await page.getByLabel(labels.therapy).selectOption("prp");
      await page.getByRole("radio", { name: labels.any }).check();
      // The form's own GET (before /trials answers with its canonical address).
      const request = page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname.endsWith("/trials"));
      await page.getByRole("button", { name: labels.submit }).click();
      const url = new URL((await request).url());
      sent.push(`${url.pathname}${url.search}`);
      await page.waitForURL((u) => u.pathname.endsWith("/trials"));
    }
    expect(sent[0]).toBe("/trials?near=Boston%2C+MA&radius=250mi&therapy=prp&status=any");
    expect(sent[1]).toBe(`/es${sent[0]}`);
    await context.close();
  }
});

test("the home page's place keeps /es: the list below nearest first, extra fields dropped by a redirect", async ({ page }) => {
  await page.goto("/es");
  await page.getByLabel(esHome.form.where).fill("Boston, MA");
  await page.getByRole("button", { name: esHome.form.nearest }).click();
  await page.waitForURL((u) => u.pathname === "/es" && u.searchParams.has("near"));
  expect(pathAndQuery(page)).toBe("/es?near=Boston,+MA");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { name: /más cerca de Boston/ })).toBeVisible();
  await expect(page.getByTestId("home-trials")).toContainText(/\d+ millas ·/);
  // Counts in Spanish forms; the link to all of them goes to the Spanish finder with the same search.
  await expect(page.getByRole("link", { name: /^Ver los \d+ en el buscador de ensayos$/ })).toHaveAttribute("href", "/es/trials?near=Boston,+MA&radius=any&sort=distance");
  // A place we cannot find is said in Spanish.
  await page.goto("/es?near=Nowhereville+Zzq");
  await expect(page.getByTestId("home-near-error")).toContainText("No encontramos «Nowhereville Zzq»");
});
