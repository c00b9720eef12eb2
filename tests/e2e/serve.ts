/**
 * The end-to-end tests' server: a fresh database (the machine's Postgres, or embedded PGlite), filled
 * by a real full sync from the ClinicalTrials.gov stand-in serving the bundled records, then
 * `next start` of the production build pointed at it. The stand-in stays up (port E2E_STANDIN_PORT)
 * so admin tests can resync against it. Started by Playwright's global setup (global-setup.ts),
 * which hands the database URL and the server log's path to the tests.
 */
import { createWriteStream } from "node:fs";
import os from "node:os";
import path from "node:path";
import { CtgovClient } from "../../lib/ctgov/service";
import { nextServerArgs } from "../../lib/next-server";
import { startSync } from "../../lib/sync/start";
import { startStandin } from "../ctgov-standin/server";
import { createTestDatabase } from "../integration/helpers/db";
import { applyRecordedChange } from "./changed-record";
import { spawnProc } from "../integration/helpers/procs";
import { startSmtp } from "../integration/helpers/smtp";

export type E2eServer = { databaseUrl: string; serverLog: string; stop(): Promise<void> };

export async function startE2eServer(port: number): Promise<E2eServer> {
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
  console.log(`e2e: ${database.kind} database seeded with ${outcome.progress.counts.inserted} trials from ${standin.url}`);

  // A real SMTP server in this process, so the subscribe form can succeed (alerts.spec.ts).
  const smtp = await startSmtp();

  // The server's output is shown as before and also kept in a file, so a test can check what it logged
  // (the eligibility answers must never reach it).
  const serverLogPath = path.join(os.tmpdir(), `dtf-e2e-server-${port}.log`);
  const serverLog = createWriteStream(serverLogPath);
  const web = spawnProc(
    "web",
    nextServerArgs("start", port, "127.0.0.1"),
    {
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
    { onData: (chunk, stream) => ((stream === "stdout" ? process.stdout : process.stderr).write(chunk), serverLog.write(chunk)) },
  );
  let stopping = false;
  void web.exited.then(({ code, signal }) => {
    if (!stopping) console.error(`e2e: next start exited early (code ${code}, signal ${signal}); the tests will fail to reach it`);
  });
  const stop = async () => {
    stopping = true;
    await web.stop(15_000);
    serverLog.end();
    await smtp.close();
    await standin.close();
    await database.drop();
  };

  // Ready once the health check answers, as Playwright's webServer used to wait.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (!web.running()) {
      await stop();
      throw new Error("e2e: next start exited before it answered /api/health");
    }
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.status < 500, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`e2e: no answer from http://127.0.0.1:${port}/api/health within 240 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { databaseUrl: database.url, serverLog: serverLogPath, stop };
}
