import { expect, type Page, test } from "@playwright/test";
import { settled } from "./page-helpers";

// /trials loads react-query with the visitor's first interaction, not with the page
// (docs/decisions/031-query-on-interaction.md). These tests tell the query library's chunk by its own
// text ("No QueryClient set", react-query's message for a missing provider), so they do not depend on
// chunk names.

const QUERY_LIBRARY = "No QueryClient set";

/** Records which loaded scripts hold the query library, in the order they arrive. */
function watchScripts(page: Page) {
  const withLibrary: string[] = [];
  page.on("response", async (res) => {
    if (res.request().resourceType() !== "script" || !res.ok()) return;
    const body = await res.text().catch(() => "");
    if (body.includes(QUERY_LIBRARY)) withLibrary.push(res.url());
  });
  return withLibrary;
}

test("the first load carries no query library; the first filter change loads it and the results follow", async ({ page }) => {
  const withLibrary = watchScripts(page);
  await page.goto("/trials?status=any");
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.waitForLoadState("networkidle");
  expect(withLibrary).toEqual([]);
  const total = await page.getByTestId("result-count").textContent();

  await page.getByRole("checkbox", { name: /^Phase 2\b/ }).check();
  await expect(page).toHaveURL(/\/trials\?phase=2&status=any$/);
  await settled(page);
  expect(withLibrary.length).toBe(1);
  await expect(page.getByTestId("result-count")).not.toHaveText(total!);
  // Back to the server's search: answered from the query cache or the network, the same count.
  await page.goBack();
  await expect(page).toHaveURL(/\/trials\?status=any$/);
  await settled(page);
  await expect(page.getByTestId("result-count")).toHaveText(total!);
});

test("when the query library cannot load, the page keeps the server's results and says what went wrong", async ({ page }) => {
  // Serve every script but the one holding the query library.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes(QUERY_LIBRARY)) return route.abort("connectionfailed");
    return route.fulfill({ response: res, body });
  });
  await page.goto("/trials?status=any");
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  const firstCards = await page.locator("li.card").count();
  expect(firstCards).toBeGreaterThan(0);

  await page.getByRole("checkbox", { name: /^Phase 2\b/ }).check();
  const notice = page.locator("p.notice[role=alert]");
  await expect(notice).toContainText("Could not reach the trial finder");
  await expect(notice).toContainText("Showing the previous results.");
  // The page did not fall over into the error page; the earlier results stay, dimmed.
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await expect(page.locator("li.card")).toHaveCount(firstCards);
  await expect(page.locator("section.results")).toHaveAttribute("aria-busy", "false");
});

test("when the card code or the map's code cannot load, only that part says so, with a link that loads the search as a full page", async ({ page }) => {
  // Serve every script but those holding the cards (class "card-foot") and the map (test id "map-summary"): their
  // words come from the page as props, so the chunks are known by their markup.
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    const res = await route.fetch();
    const body = await res.text();
    if (body.includes("card-foot") || body.includes("map-summary")) return route.abort("connectionfailed");
    return route.fulfill({ response: res, body });
  });
  await page.goto("/trials?status=any");
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();

  await page.getByRole("checkbox", { name: /^Phase 2\b/ }).check();
  const notice = page.locator("section.results p.notice[role=alert]");
  await expect(notice).toContainText("This part of the page could not load.");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  // The filters still work, and the link is the search now shown.
  await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).toBeChecked();
  const reload = notice.getByRole("link", { name: "Load the page again" });
  await expect(reload).toHaveAttribute("href", /\/trials\?phase=2&status=any$/);
  const href = (await reload.getAttribute("href"))!;

  await page.getByRole("button", { name: "Map" }).click();
  await expect(page.locator("section.results p.notice[role=alert]").first()).toContainText("This part of the page could not load.");
  await expect(page.getByText("Something went wrong")).toHaveCount(0);

  // Unblocked, the link brings the search back in full, rendered by the server.
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.goto(href);
  await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).toBeChecked();
  await expect(page.locator("li.card").first()).toBeVisible();
});
