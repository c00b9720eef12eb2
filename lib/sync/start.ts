import { afterSync } from "../alerts/after-sync";
import { topicQueryParams } from "../ctgov/topic";
import { CtgovClient } from "../ctgov/service";
import { env } from "../env";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import { claimRun, releaseRun, type SyncMode, type SyncTrigger } from "./lock";
import { runSync, type RunOutcome, type SyncProgress } from "./run";
import { scrubAddresses } from "../alerts/digests";

/** The one entry point for starting a sync: CLI, scheduler, admin API and the first-start seed all use it. */

export function ctgovClientFromEnv(overrides: { baseUrl?: string; rateLimitPerMin?: number } = {}) {
  const e = env();
  return new CtgovClient({
    baseUrl: overrides.baseUrl ?? e.CTGOV_BASE_URL,
    timeoutMs: e.CTGOV_TIMEOUT_MS,
    maxRetries: e.CTGOV_MAX_RETRIES,
    rateLimitPerMin: overrides.rateLimitPerMin ?? e.CTGOV_RATE_LIMIT_PER_MIN,
  });
}

export type StartSyncOptions = {
  prisma: PrismaClient;
  mode: SyncMode;
  trigger: SyncTrigger;
  client?: CtgovClient;
  params?: URLSearchParams;
  pageSize?: number;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  /** Bench only: see RunSyncOptions.benchOnlySkipChangeRecording (lib/sync/run.ts). Also skips the alert digests after the run. */
  benchOnlySkipChangeRecording?: boolean;
};

export type StartSyncResult = { ok: true; runId: number; done: Promise<RunOutcome> } | { ok: false; runningRunId: number };

/** Claims the run (or reports the one in progress) and returns at once; `done` settles when the run ends. */
export async function startSync(opts: StartSyncOptions): Promise<StartSyncResult> {
  const claim = await claimRun(opts.prisma, opts.mode, opts.trigger);
  if (!claim.ok) return claim;
  const e = env();
  const done = runSync({
    prisma: opts.prisma,
    client: opts.client ?? ctgovClientFromEnv(),
    runId: claim.runId,
    mode: opts.mode,
    params: opts.params ?? topicQueryParams(e.CTGOV_TOPIC_TERM),
    pageSize: opts.pageSize ?? e.CTGOV_PAGE_SIZE,
    overlapDays: e.SYNC_OVERLAP_DAYS,
    signal: opts.signal,
    onProgress: opts.onProgress,
    benchOnlySkipChangeRecording: opts.benchOnlySkipChangeRecording,
  })
    .finally(() => releaseRun(claim.runId))
    .then(async (outcome) => {
      // After the run has committed: alert digests (lib/alerts). A mail problem never fails the sync.
      // A run that recorded no changes (the bench's comparison) has nothing to queue.
      if (outcome.status === "succeeded" && !opts.benchOnlySkipChangeRecording) {
        await afterSync(opts.prisma, outcome.runId).catch((err: unknown) => logger.error({ runId: outcome.runId, err: scrubAddresses((err as Error).message) }, "alert digests failed"));
      }
      return outcome;
    });
  return { ok: true, runId: claim.runId, done };
}
