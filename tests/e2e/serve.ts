/**
 * The end-to-end tests' server: a fresh database (the machine's Postgres, or embedded PGlite), filled
 * by a real full sync from the ClinicalTrials.gov stand-in serving the bundled records, then
 * `next start` of the production build pointed at it. The stand-in stays up (port E2E_STANDIN_PORT)
 * so admin tests can resync against it.
 */
import { spawn } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CtgovClient } from "../../lib/ctgov/service";
import { nextServerArgs } from "../../lib/next-server";
import { startSync } from "../../lib/sync/start";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { applyRecordedChange } from "./changed-record";
import { startSmtp } from "../integration/helpers/smtp";

const port = Number(process.argv[process.argv.indexOf("--port") + 1] || 3100);
const standinPort = Number(process.env.E2E_STANDIN_PORT ?? 3199);

const database = await createTestDatabase();
const standin = await startStandin({ port: standinPort });
const client = new CtgovClient({ baseUrl: standin.url, rateLimitPerMin: 6000, backoffBaseMs: 50 });
const result = await startSync({ prisma: database.prisma, mode: "full", trigger: "seed", client });
if (!result.ok) throw new Error("could not claim the seed sync");
const outcome = await result.done;
if (outcome.status !== "succeeded") throw new Error(`seed sync failed: ${outcome.error}`);
// A second sync over one changed record, so the trial page has a "What changed" to show (changes.spec.ts).
await applyRecordedChange(standin);
const second = await startSync({ prisma: database.prisma, mode: "full", trigger: "seed", client });
if (!second.ok || (await second.done).status !== "succeeded") throw new Error("the second seed sync failed");
// Tests that compare the page with a direct database query read the URL from here.
writeFileSync(path.join(os.tmpdir(), `dtf-e2e-db-${port}.txt`), database.url);
console.log(`e2e: ${database.kind} database seeded with ${outcome.progress.counts.inserted} trials from ${standin.url}`);

// A real SMTP server in this process, so the subscribe form can succeed (alerts.spec.ts).
const smtp = await startSmtp();

// The server's output is shown as before and also kept in a file, so a test can check what it logged
// (the eligibility answers must never reach it).
const serverLog = createWriteStream(path.join(os.tmpdir(), `dtf-e2e-server-${port}.log`));
const web = spawn(process.execPath, nextServerArgs("start", port, "127.0.0.1"), {
  stdio: ["ignore", "pipe", "pipe"],
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    CTGOV_BASE_URL: standin.url,
    CTGOV_RATE_LIMIT_PER_MIN: "6000",
    // Small pages so an admin resync shows its progress page by page (204 studies → 5 pages).
    CTGOV_PAGE_SIZE: "50",
    NEXT_TELEMETRY_DISABLED: "1",
    SMTP_URL: smtp.url,
    ALERTS_FROM: "Disc Trial Finder <alerts@e2e.test>",
    ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD ?? "e2e-admin-password-123",
    ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN ?? "e2e-admin-token-0123456789abcdef",
    SESSION_SECRET: process.env.E2E_SESSION_SECRET ?? "e2e-session-secret-0123456789abcdef0123",
  },
});

web.stdout!.on("data", (chunk: Buffer) => (process.stdout.write(chunk), serverLog.write(chunk)));
web.stderr!.on("data", (chunk: Buffer) => (process.stderr.write(chunk), serverLog.write(chunk)));

const stop = async () => {
  web.kill("SIGTERM");
  await standin.close();
  await database.drop();
  process.exit(0);
};
process.once("SIGTERM", () => void stop());
process.once("SIGINT", () => void stop());
web.once("exit", (code) => {
  void standin.close().then(() => database.drop()).finally(() => process.exit(code ?? 1));
});
