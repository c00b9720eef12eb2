import { expect, test } from "@playwright/test";

test("home page shows real synced trials with a count and the last sync time", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const count = Number(await page.getByTestId("home-total").textContent());
  expect(count).toBeGreaterThan(50);
  await expect(page.getByText(/Last updated from ClinicalTrials.gov on/)).toBeVisible();
  // The open cell-therapy trials (issue 18 replaced the 50 most recently updated records of any kind).
  const items = page.locator("ul.trial-list li");
  expect(await items.count()).toBeGreaterThan(5);
  await expect(items.first().getByRole("link")).toHaveAttribute("href", /^\/trials\/NCT\d{8}$/);
});

test("health endpoint reports the database and trial count without secrets", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.db).toBe("ok");
  expect(body.trials).toBeGreaterThan(50);
  expect(typeof body.lastSuccessfulSync).toBe("string");
  expect(JSON.stringify(body)).not.toMatch(/password|secret|token|postgres:\/\//i);
});
