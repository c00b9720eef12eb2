import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type Request } from "@playwright/test";

// What the search and trial specs share (English and Spanish): opening the search and waiting until
// it is interactive or settled, reading the cards, axe, the requests a page makes, and the page's own
// visible words outside the record's text.

/** Opens a /trials (or /es/trials) URL and waits until the page is interactive. */
export async function openSearch(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
}

/** Waits until no search is in flight and no dimmed (stale) cards are on screen. */
export async function settled(page: Page) {
  await expect(page.locator("section.results")).toHaveAttribute("aria-busy", "false");
  await expect(page.locator("ol.cards.stale")).toHaveCount(0);
}

export const cardIds = (page: Page) => page.locator("li.card").evaluateAll((els) => els.map((e) => e.getAttribute("data-nct")!));

/** axe's WCAG 2.1 A/AA violations, one line each (empty when clean). */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Every URL the page asks for, to prove no answer travels in one; and the bodies of the POSTs that carry them. */
export function watchRequests(page: Page) {
  const urls: string[] = [];
  const bodies: string[] = [];
  page.on("request", (r: Request) => {
    urls.push(r.url());
    if (r.method() === "POST") bodies.push(r.postData() ?? "");
  });
  return { urls, bodies };
}

/**
 * The visible text of main outside lang="en" elements (the record's own words), for checking that a
 * Spanish page says nothing in English. `attributes` adds what people hear or read in aria-label,
 * placeholder and title; `skipTestId` leaves out one part by its data-testid.
 */
export async function ownWords(page: Page, opts: { attributes?: boolean; skipTestId?: string } = {}): Promise<string> {
  return page.locator("main").evaluate((main, { attributes, skipTestId }) => {
    const out: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        out.push(node.textContent ?? "");
        return;
      }
      if (!(node instanceof HTMLElement)) return;
      if (node.closest("[lang=en]") || (skipTestId && node.dataset.testid === skipTestId) || node.hidden || node.getClientRects().length === 0) return;
      if (attributes) for (const a of ["aria-label", "placeholder", "title"]) if (node.getAttribute(a)) out.push(node.getAttribute(a)!);
      node.childNodes.forEach(walk);
    };
    walk(main);
    return out.join(" ").replace(/\s+/g, " ");
  }, opts);
}
