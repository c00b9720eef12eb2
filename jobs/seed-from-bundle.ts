import { CtgovClient } from "../lib/ctgov/service";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { logger } from "../lib/logger";
import { describeSummary } from "../lib/sync/progress-format";
import { startSync } from "../lib/sync/start";
import { startStandin } from "../tests/ctgov-standin/server";

/**
 * Fills a database from the real recorded records bundled in tests/fixtures/ctgov, through the same
 * sync code path as production: the stand-in serves them as ClinicalTrials.gov would, and a full
 * sync with the topic query takes what the topic selects.
 */
export async function seedFromBundle(prisma: PrismaClient): Promise<{ ok: boolean; message: string }> {
  const standin = await startStandin({ port: 0 });
  const started = Date.now();
  try {
    const client = new CtgovClient({ baseUrl: standin.url, rateLimitPerMin: 6000, timeoutMs: 30_000, maxRetries: 2, backoffBaseMs: 100 });
    const result = await startSync({ prisma, mode: "full", trigger: "seed", client });
    if (!result.ok) return { ok: false, message: `a sync is already running (run ${result.runningRunId}); not seeding` };
    const outcome = await result.done;
    const summary = describeSummary(outcome.progress, (Date.now() - started) / 1000);
    if (outcome.status !== "succeeded") return { ok: false, message: `seed run ${outcome.runId} failed: ${outcome.error}` };
    logger.info({ runId: outcome.runId }, `seeded from bundled records: ${summary}`);
    return { ok: true, message: `seeded from the bundled real records (run ${outcome.runId}): ${summary}` };
  } finally {
    await standin.close();
  }
}
