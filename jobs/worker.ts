/** npm run jobs: the scheduler alone (its own process; docker-compose runs it as the worker). */
import { openDatabase } from "../lib/db/bootstrap";
import { createPrisma } from "../lib/db/client";
import { env } from "../lib/env";
import { logger } from "../lib/logger";
import { abandonStaleRuns } from "../lib/sync/lock";
import { yieldCpuToWebApp } from "../lib/sync/priority";
import { startScheduler } from "../lib/sync/scheduler";
import { runMain } from "./run-main";

await runMain(async () => {
  const e = env();
  const database = await openDatabase({ role: "app" });
  yieldCpuToWebApp({ hostsEmbeddedDatabase: database.embedded !== null });
  const prisma = createPrisma(database.url);
  // A sync killed with the last process (power cut, kill -9) must not show as running until the next one.
  const abandoned = await abandonStaleRuns(prisma);
  if (abandoned.length) logger.warn({ runIds: abandoned }, "marked sync runs left running by a stopped process as abandoned");
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
