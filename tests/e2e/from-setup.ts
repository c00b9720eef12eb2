import { test } from "@playwright/test";
import pg from "pg";

// What global-setup.ts hands the tests (Playwright passes its process.env on to the workers).

function fromSetup(name: "E2E_DATABASE_URL" | "E2E_SERVER_LOG"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is unset: tests/e2e/global-setup.ts sets it; run the tests through \`npx playwright test\``);
  return value;
}

/** The URL of the database the e2e server reads, for tests that compare a page with a direct query. */
export const e2eDatabaseUrl = () => fromSetup("E2E_DATABASE_URL");
/** The file holding everything the e2e server wrote to stdout and stderr. */
export const e2eServerLog = () => fromSetup("E2E_SERVER_LOG");

/**
 * A client on the e2e database for the spec that calls this at its top level: connected before the
 * spec's tests, closed after them. Read it as `db.client` inside a test.
 */
export function e2eDatabaseForSpec(): { readonly client: pg.Client } {
  const handle: { client: pg.Client | undefined } = { client: undefined };
  test.beforeAll(async () => {
    handle.client = new pg.Client({ connectionString: e2eDatabaseUrl() });
    await handle.client.connect();
  });
  test.afterAll(async () => {
    await handle.client?.end();
  });
  return {
    get client() {
      if (!handle.client) throw new Error("e2eDatabaseForSpec: the client is connected in beforeAll; read it inside a test");
      return handle.client;
    },
  };
}
