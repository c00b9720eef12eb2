import cron, { type ScheduledTask } from "node-cron";
import { retryDigests } from "../alerts/after-sync";
import { DIGEST_RETRY_CRON } from "../alerts/digests";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import type { SyncMode } from "./lock";
import type { RunOutcome } from "./run";
import { startSync } from "./start";
import { scrubAddresses } from "../alerts/digests";

/**
 * The jobs worker: an incremental sync on SYNC_CRON and a full reconciliation on SYNC_FULL_CRON,
 * both in UTC. node-cron's noOverlap skips a tick while this process still runs the previous one; the
 * database lock (lib/sync/lock.ts) keeps other processes out. stop() stops scheduling, asks a running
 * sync to stop after its current page, and waits for it. A third task retries alert digests a mail
 * failure held back (lib/alerts/digests.ts: each digest's backoff and bounds decide what is due).
 */
/**
 * How late a tick may still run. node-cron runs a tick only if its timer fires within this of the
 * scheduled second (default 1 s) and otherwise drops it as missed; on a busy machine (a sync, the web
 * app and a build sharing two cores) the timer can be seconds late, and a dropped tick of a one-a-day
 * schedule is a day without fresh data. A tick is still never run later than the next one is due.
 */
export const LATE_TICK_TOLERANCE_MS = 60_000;

export type Scheduler = { stop(): Promise<void>; nextRuns(): { incremental: Date | null; full: Date | null } };

export function nextRunsFor(incrementalCron: string, fullCron: string) {
  const next = (expr: string) => {
    // A task that was never started reports no next run; its schedule still lists the upcoming ones.
    const task = cron.createTask(expr, () => {}, { timezone: "UTC" });
    const at = task.getNextRuns(1)[0] ?? null;
    void task.destroy();
    return at;
  };
  return { incremental: next(incrementalCron), full: next(fullCron) };
}

export function startScheduler(opts: { prisma: PrismaClient; incrementalCron: string; fullCron: string; digestRetryCron?: string }): Scheduler {
  const stopping = new AbortController();
  const inFlight = new Set<Promise<RunOutcome>>();
  const ticks = new Set<Promise<void>>();

  const tick = (mode: SyncMode) => () => {
    // Tracked from the first await, so stop() also waits for a tick that is still claiming its run.
    const work = runTick(mode);
    ticks.add(work);
    return work.finally(() => ticks.delete(work));
  };

  const runTick = async (mode: SyncMode) => {
    if (stopping.signal.aborted) return;
    const result = await startSync({ prisma: opts.prisma, mode, trigger: "schedule", signal: stopping.signal }).catch((err: unknown) => {
      logger.error({ mode, err: (err as Error).message }, "scheduled sync could not start");
      return null;
    });
    if (!result) return;
    if (!result.ok) {
      logger.info({ mode, runningRunId: result.runningRunId }, "scheduled sync skipped: another run is in progress");
      return;
    }
    logger.info({ mode, runId: result.runId }, "scheduled sync started");
    inFlight.add(result.done);
    const outcome = await result.done.finally(() => inFlight.delete(result.done));
    logger.info({ mode, runId: outcome.runId, status: outcome.status, error: outcome.error, counts: outcome.progress.counts }, "scheduled sync finished");
  };

  const retryTick = () => {
    if (stopping.signal.aborted) return;
    const work = retryDigests(opts.prisma, stopping.signal).then(
      () => {},
      (err: unknown) => logger.error({ err: scrubAddresses((err as Error).message) }, "alert digest retry failed"),
    );
    ticks.add(work);
    return work.finally(() => ticks.delete(work));
  };

  const digestRetryCron = opts.digestRetryCron ?? DIGEST_RETRY_CRON;
  const schedule = (expr: string, fn: () => unknown, name: string) => {
    const task = cron.schedule(expr, fn, { name, noOverlap: true, timezone: "UTC", missedExecutionTolerance: LATE_TICK_TOLERANCE_MS });
    task.on("execution:missed", (ctx) => logger.warn({ task: name, at: ctx.date.toISOString() }, "scheduled tick missed: the process was busy past its tolerance"));
    return task;
  };
  const tasks: ScheduledTask[] = [
    schedule(opts.incrementalCron, tick("incremental"), "sync-incremental"),
    schedule(opts.fullCron, tick("full"), "sync-full"),
    schedule(digestRetryCron, retryTick, "alerts-retry"),
  ];
  logger.info({ incremental: opts.incrementalCron, full: opts.fullCron, digestRetry: digestRetryCron, next: nextRunsFor(opts.incrementalCron, opts.fullCron) }, "scheduler started (UTC)");

  return {
    nextRuns: () => nextRunsFor(opts.incrementalCron, opts.fullCron),
    async stop() {
      stopping.abort(new Error("the worker is shutting down (the next run picks up the work)"));
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.allSettled([...ticks, ...inFlight]);
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
