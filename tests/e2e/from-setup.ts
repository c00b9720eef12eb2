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
