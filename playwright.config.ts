import { defineConfig } from "@playwright/test";

// End-to-end tests in real Chromium against `next start` of the production build, on a database
// filled by a real sync from the ClinicalTrials.gov stand-in (tests/e2e/serve.ts, started by global-setup.ts).
const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = process.env.CHROMIUM_PATH;

export default defineConfig({
  testDir: "tests/e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  reporter: "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  // The server (a seeded database, the stand-in, `next start`) starts here, not as a webServer, so
  // the tests get its database URL through the environment (tests/e2e/global-setup.ts).
  globalSetup: "./tests/e2e/global-setup.ts",
});
