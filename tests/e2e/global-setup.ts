import type { FullConfig } from "@playwright/test";
import { startE2eServer } from "./serve";

/**
 * Starts the end-to-end server (serve.ts) on the port of the config's baseURL and hands the tests
 * what they need through the environment, which Playwright passes on to its workers:
 * E2E_DATABASE_URL (tests that compare a page with a direct query) and E2E_SERVER_LOG (what the
 * server wrote). Returns the teardown that stops the server and drops its database.
 */
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]?.use.baseURL;
  if (!baseURL) throw new Error("playwright.config.ts sets no baseURL");
  const server = await startE2eServer(Number(new URL(baseURL).port));
  process.env.E2E_DATABASE_URL = server.databaseUrl;
  process.env.E2E_SERVER_LOG = server.serverLog;
  return () => server.stop();
}
