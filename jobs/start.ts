/**
 * npm start: the one-command run. Embedded Postgres when DATABASE_URL is unset, migrations, a seed
 * of real recorded trials when the database is empty, then the web server and the scheduler.
 * `--dev` runs `next dev` instead of a production build.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "../lib/db/bootstrap";
import { createPrisma } from "../lib/db/client";
import { env } from "../lib/env";
import { logger } from "../lib/logger";
import { nextServerArgs } from "../lib/next-server";
import { abandonStaleRuns } from "../lib/sync/lock";
import { yieldCpuToWebApp } from "../lib/sync/priority";
import { startScheduler } from "../lib/sync/scheduler";
import { runMain } from "./run-main";
import { seedFromBundle } from "./seed-from-bundle";

await runMain(async () => {
  const e = env();
  const dev = process.argv.includes("--dev");
  const database = await openDatabase({ role: "app" });
  const prisma = createPrisma(database.url);
  // A sync killed with the last process (power cut, kill -9) must not show as running until the next one.
  const abandoned = await abandonStaleRuns(prisma);
  if (abandoned.length) logger.warn({ runIds: abandoned }, "marked sync runs left running by a stopped process as abandoned");
  const trials = await prisma.trial.count();
  if (trials === 0) {
    console.log("empty database: loading the bundled real ClinicalTrials.gov records (about a minute the first time)…");
    const seeded = await seedFromBundle(prisma);
    console.log(seeded.message);
  }

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const childEnv = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1", PORT: String(e.PORT) };
  if (!dev && !existsSync(".next/BUILD_ID")) {
    console.log("no production build yet: building the web app once (next build)…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const web = spawn(process.execPath, nextServerArgs(dev ? "dev" : "start", e.PORT), { stdio: "inherit", env: childEnv });
  // After the web child is started, so it keeps the normal priority.
  yieldCpuToWebApp({ hostsEmbeddedDatabase: database.embedded !== null });
  const scheduler = process.env.SCHEDULER === "off" ? null : startScheduler({ prisma, incrementalCron: e.SYNC_CRON, fullCron: e.SYNC_FULL_CRON });
  console.log(`Disc Trial Finder: http://localhost:${e.PORT}${database.embedded ? ` (embedded Postgres in ${e.PGLITE_DIR})` : ""}`);

  const code = await new Promise<number>((resolve) => {
    let stopping = false;
    const shutdown = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      web.kill("SIGTERM");
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
    web.once("exit", (c) => resolve(stopping ? 0 : (c ?? 1)));
  });
  await scheduler?.stop();
  await prisma.$disconnect();
  await database.stop();
  return code;
});
