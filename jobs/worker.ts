/** npm run jobs: the scheduler alone (its own process; docker-compose runs it as the worker). */
import { openDatabase } from "../lib/db/bootstrap";
import { createPrisma } from "../lib/db/client";
import { env } from "../lib/env";
import { logger } from "../lib/logger";
import { yieldCpuToWebApp } from "../lib/sync/priority";
import { startScheduler } from "../lib/sync/scheduler";
import { runMain } from "./run-main";

await runMain(async () => {
  const e = env();
  const database = await openDatabase({ role: "app" });
  yieldCpuToWebApp({ hostsEmbeddedDatabase: database.embedded !== null });
  const prisma = createPrisma(database.url);
  const scheduler = startScheduler({ prisma, incrementalCron: e.SYNC_CRON, fullCron: e.SYNC_FULL_CRON });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "stopping the scheduler");
      resolve();
    };
    process.once("SIGTERM", () => shutdown("SIGTERM"));
    process.once("SIGINT", () => shutdown("SIGINT"));
  });
  await scheduler.stop();
  await prisma.$disconnect();
  await database.stop();
  logger.info("scheduler stopped");
});
