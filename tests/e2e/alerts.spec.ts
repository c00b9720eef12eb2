import { expect, test } from "@playwright/test";

// The subscribe form under "Follow this search" (SPEC §10), against the e2e server's in-process SMTP server.

test("the subscribe form says what happened: a bad address, then a request accepted", async ({ page }) => {
  await page.goto("/trials?status=any");
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.getByText("Follow this search", { exact: true }).click();
  const email = page.getByLabel("Email address");
  await expect(email).toBeVisible();
  await email.fill("not an address");
  await page.getByRole("button", { name: "Email me" }).click();
  await expect(page.getByTestId("alert-form-status")).toHaveText("Enter a valid email address.");
  await email.fill(`e2e-${Date.now()}@example.org`);
  await page.getByRole("button", { name: "Email me" }).click();
  await expect(page.getByTestId("alert-form-status")).toContainText("Check your inbox");
});

test("the confirm and unsubscribe links open a page with a button and change nothing by themselves", async ({ page }) => {
  const token = "A".repeat(43);
  await page.goto(`/alerts/unsubscribe?token=${token}`);
  await expect(page.getByRole("button", { name: "Stop these emails" })).toBeVisible();
  await page.getByRole("button", { name: "Stop these emails" }).click();
  await expect(page.getByTestId("alert-outcome")).toContainText("already been used");
  await page.goto(`/alerts/confirm?token=${token}`);
  await page.getByRole("button", { name: "Start my alert" }).click();
  await expect(page.getByTestId("alert-outcome")).toContainText("already been used or has expired");
});
