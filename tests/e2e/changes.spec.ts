import { expect, test } from "@playwright/test";
import { CHANGED_TRIAL, EXPECTED_CHANGE } from "./changed-record";

// "What changed" on the trial page and its API (SPEC §10), after the e2e server's second seed sync
// added two sites to one trial (tests/e2e/serve.ts).

test("the trial page shows what changed, with the day it was seen", async ({ page }) => {
  await page.goto(`/trials/${CHANGED_TRIAL}`);
  const section = page.getByTestId("what-changed");
  await expect(section.getByRole("heading", { name: "What changed" })).toBeVisible();
  const item = section.getByRole("listitem").first();
  await expect(item).toContainText(EXPECTED_CHANGE);
  await expect(item).toHaveText(/^\d{1,2} [A-Z][a-z]{2} \d{4}: /);

  const api = await page.request.get(`/api/trials/${CHANGED_TRIAL}/changes`);
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.nctId).toBe(CHANGED_TRIAL);
  expect(body.changes[0].fields).toEqual([{ field: "sites", from: null, to: EXPECTED_CHANGE }]);
  expect(body.changes.at(-1).fields).toEqual([{ field: "added", from: null, to: null }]);
});

test("a trial with no change since it was listed says so; a bad id is a 400", async ({ page, request }) => {
  await page.goto("/trials/NCT04042844");
  await expect(page.getByTestId("what-changed")).toContainText("No changes recorded");
  const bad = await request.get("/api/trials/NCT123/changes");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).errors[0].param).toBe("nctId");
});

test("/trials links its search's feed in the head and through a visible 'Follow this search'", async ({ page }) => {
  await page.goto("/trials?status=any&sort=updated");
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  const head = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(head).toHaveAttribute("href", "/api/trials.atom?status=any");

  await page.getByText("Follow this search", { exact: true }).click();
  const link = page.getByTestId("feed-link");
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", "/api/trials.atom?status=any");
  const feed = await page.request.get((await link.getAttribute("href"))!);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain(`/trials/${CHANGED_TRIAL}`);

  // The control follows the search as the filters change, without a reload.
  await page.getByRole("checkbox", { name: /^Phase 2\b/ }).check();
  await expect(link).toHaveAttribute("href", "/api/trials.atom?phase=2&status=any");
});
