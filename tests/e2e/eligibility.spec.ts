import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { e2eServerLog } from "./from-setup";
import { openSearch as open, settled, watchRequests as watch } from "./page-helpers";

// The "Could I join?" self-check (SPEC §9) in Chromium against the production build: answering
// questions changes the cards, hiding ruled-out trials changes the counts, the trial page shows each
// criterion with its result, answers last for the tab's session (or on the device when asked), can be
// forgotten, and never appear in a URL or the server's log.

/** An age no trial, id, date or count on these pages would show by chance; it rules out adult-only trials. */
const AGE = "13.25";

const total = async (page: Page) => Number(/(\d+)/.exec((await page.getByTestId("result-count").textContent()) ?? "")?.[1]);

async function answerAge(page: Page, age = AGE) {
  await page.getByRole("button", { name: /Answer the questions|Change my answers/ }).click();
  await page.getByLabel("How old are you?").fill(age);
  await settled(page);
}

test("answering changes the cards, hiding ruled-out trials makes the counts follow, and no answer reaches a URL or the log", async ({ page }) => {
  const seen = watch(page);
  await open(page, "/trials?status=any");
  const before = await total(page);
  await expect(page.locator("[data-fit]")).toHaveCount(0);

  await answerAge(page);
  await expect(page.locator("li.card [data-fit='ruled-out']").first()).toContainText("Rules you out: age");
  expect(await total(page)).toBe(before);

  await page.getByRole("checkbox", { name: "Hide trials that rule me out" }).check();
  await settled(page);
  const after = await total(page);
  expect(after).toBeLessThan(before);
  await expect(page.locator("li.card [data-fit='ruled-out']")).toHaveCount(0);
  // The counts beside the filters follow too: "Either" (whose cells) counts every trial shown.
  await expect(page.locator("fieldset:has(legend:text('Whose cells')) label", { hasText: "Either" }).locator(".count")).toHaveText(` (${after})`);

  await page.getByRole("checkbox", { name: "Hide trials that rule me out" }).uncheck();
  await settled(page);
  expect(await total(page)).toBe(before);

  expect(page.url()).not.toContain(AGE);
  for (const url of seen.urls) expect(decodeURIComponent(url)).not.toContain(AGE);
  expect(seen.bodies.some((b) => b.includes(`"age":${AGE}`))).toBe(true);

  const log = readFileSync(e2eServerLog(), "utf8");
  expect(log).not.toContain(AGE);
});

test("the trial page lists each rule with its result beside the record's words, and the questions to ask", async ({ page }) => {
  await open(page, "/trials?status=any");
  await answerAge(page);
  const ruledOut = page.locator("li.card:has([data-fit='ruled-out'])").first();
  const id = await ruledOut.getAttribute("data-nct");
  await ruledOut.locator("h3 a").click();
  await expect(page).toHaveURL(new RegExp(`/trials/${id}$`));
  const view = page.getByTestId("fit-view");
  await expect(view.locator("[data-fit='ruled-out']")).toContainText("Rules you out: age");
  const age = view.locator("li[data-question='age']");
  await expect(age).toHaveAttribute("data-result", "fails");
  // Sentences round to one decimal place.
  await expect(age).toContainText("You said you are 13.3.");
  await expect(age.locator(".record-words")).toContainText("The record says");
  await expect(page.getByTestId("questions-to-ask")).toBeVisible();
  await expect(page.getByRole("button", { name: "Print these questions" })).toBeVisible();
  expect(page.url()).not.toContain(AGE);

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("answers last for the tab's session, stay on the device only when asked, and can be forgotten", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await open(page, "/trials?status=any");
  await answerAge(page);
  await expect(page.locator("li.card [data-fit]").first()).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("dtf-eligibility")))).toEqual([]);

  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole("button", { name: "Change my answers (1 given)" })).toBeVisible();
  await expect(page.locator("li.card [data-fit='ruled-out']").first()).toBeVisible();

  // Session storage is per tab: a new tab starts without answers.
  const other = await context.newPage();
  await open(other, "/trials?status=any");
  await expect(other.getByRole("button", { name: "Answer the questions" })).toBeVisible();

  await page.getByRole("checkbox", { name: "Remember my answers on this device" }).check();
  expect(await page.evaluate(() => localStorage.getItem("dtf-eligibility"))).toContain(AGE);
  await open(other, "/trials?status=any");
  await expect(other.getByRole("button", { name: "Change my answers (1 given)" })).toBeVisible();

  await page.getByRole("button", { name: "Forget my answers" }).click();
  await settled(page);
  await expect(page.locator("li.card [data-fit]")).toHaveCount(0);
  expect(await page.evaluate(() => [localStorage.getItem("dtf-eligibility"), sessionStorage.getItem("dtf-eligibility")])).toEqual([null, null]);
  await page.reload();
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await expect(page.getByRole("button", { name: "Answer the questions" })).toBeVisible();
  await context.close();
});

test("on a phone the questions work, BMI is worked out in the browser, and axe finds no violations", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, "/trials?status=any");
  await page.getByRole("button", { name: "Answer the questions" }).click();
  await page.getByLabel("Height").fill("170");
  await page.getByLabel("Weight").fill("85");
  await expect(page.getByTestId("bmi-value")).toContainText("BMI: 29.4");
  await page.getByRole("group", { name: "Do you smoke or use nicotine?" }).getByLabel("Yes").check();
  await settled(page);
  await expect(page.locator("li.card [data-fit]").first()).toBeVisible();
  // Height and weight never leave the browser; the BMI does, in a POST body only.
  for (const body of seen.bodies) {
    expect(body).not.toMatch(/170|"85"|:85\b/);
  }
  expect(seen.bodies.some((b) => b.includes('"bmi":29.4'))).toBe(true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  await context.close();
});
