import { createServer } from "node:net";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import english from "../../lib/i18n/messages/en/alerts.json" with { type: "json" };
import { nextServerArgs } from "../../lib/next-server";
import { type Proc, spawnProc } from "../integration/helpers/procs";
import { e2eDatabaseUrl } from "./from-setup";

// The subscribe form under "Follow this search" (SPEC §10), against the e2e server's in-process SMTP
// server, and against a second server of the same build started without SMTP_URL (alerts off).

/** axe on the "Follow this search" panel in the state the test left it (the rest of /trials has its own checks). */
const axe = async (page: Page) => {
  const results = await new AxeBuilder({ page }).include('[data-testid="follow-search"]').withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

async function openFollow(page: Page, base = "") {
  await page.goto(`${base}/trials?status=any`);
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  await page.getByText("Follow this search", { exact: true }).click();
  await expect(page.getByTestId("feed-link")).toBeVisible();
}

test("the subscribe form says what happened: a bad address, then a request accepted", async ({ page }) => {
  await openFollow(page);
  const email = page.getByLabel("Email address");
  await expect(email).toBeVisible();
  await expect(page.getByTestId("alerts-off")).toHaveCount(0);
  await email.fill("not an address");
  await page.getByRole("button", { name: "Email me" }).click();
  await expect(page.getByTestId("alert-form-status")).toHaveText(english.form.badAddress);
  expect(await axe(page)).toEqual([]);
  await email.fill(`e2e-${Date.now()}@example.org`);
  await page.getByRole("button", { name: "Email me" }).click();
  await expect(page.getByTestId("alert-form-status")).toContainText("Check your inbox");
  expect(await axe(page)).toEqual([]);
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

test.describe("with SMTP_URL unset (alerts off)", () => {
  let server: Proc | undefined;
  let base = "";

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    const port = await new Promise<number>((resolve, reject) => {
      const probe = createServer();
      probe.once("error", reject);
      probe.listen(0, "127.0.0.1", () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: e2eDatabaseUrl(),
      NEXT_TELEMETRY_DISABLED: "1",
    };
    delete env.SMTP_URL;
    server = spawnProc("web without SMTP", nextServerArgs("start", port, "127.0.0.1"), env);
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (Date.now() > deadline || !server.running()) throw new Error(`the alerts-off server did not start:\n${server.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test("'Follow this search' says alerts are off, offers no form, and the feed still works", async ({ page }) => {
    await openFollow(page, base);
    await expect(page.getByTestId("alerts-off")).toHaveText(english.form.off);
    await expect(page.getByLabel("Email address")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Email me" })).toHaveCount(0);
    expect(await axe(page)).toEqual([]);

    const feed = await page.request.get(`${base}${await page.getByTestId("feed-link").getAttribute("href")}`);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    // A subscribe request sent anyway is refused plainly, not with a failure.
    const post = await page.request.post(`${base}/api/alerts`, { data: { email: "someone@example.org", query: "status=any" } });
    expect(post.status()).toBe(503);
    expect((await post.json()).error).toBe("alerts_off");
  });
});
