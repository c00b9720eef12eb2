import { fingerprintOf } from "../changes/diff";
import { classifyStudy } from "../classify/classify";
import { asOfFor } from "../classify/input";
import { CLASSIFIER_VERSION } from "../classify/version";
import { RULES_VERSION } from "../eligibility/read";
import { normalizeStudy } from "../ctgov/normalize";
import { describeIssues, looseNctId, studySchema } from "../ctgov/schema";
import type { CtgovClient } from "../ctgov/service";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import { MAX_RECORD_DEPTH, pruneDeep, tooDeepAt } from "./depth";
import { lastHighWaterRun } from "./data";
import { encodeRows, hashRaw, toJson, type InvalidStudy, type ValidStudy } from "./encode";
import { HEARTBEAT_INTERVAL_MS, type SyncMode } from "./lock";
import { clearRunSeen, finishRun, heartbeat, markRunFailed, recordRunExpected, recordRunQuery, writePage, type PageCounts } from "./mutations";
import { reclassifyStale } from "./reclassify";
import { rereadEligibilityStale } from "./reread-eligibility";

export type SyncProgress = {
  runId: number;
  pagesDone: number;
  pagesExpected: number | null;
  totalExpected: number | null;
  counts: PageCounts & { removed: number };
};

export type RunSyncOptions = {
  prisma: PrismaClient;
  client: CtgovClient;
  runId: number;
  mode: SyncMode;
  /** topic parameters (query.term etc.); paging and the incremental date filter are added here */
  params: URLSearchParams;
  pageSize?: number;
  overlapDays?: number;
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  /**
   * Bench only (tests/bench/sync.ts, which measures what change history costs): true writes the
   * trials without recording their changes (no trial_change, no trial_change_head, no removal
   * history) and startSync then queues no alert digests. Nothing in the product sets it; it is not
   * an environment variable, so no deployment can turn history off by accident.
   */
  benchOnlySkipChangeRecording?: boolean;
};

/** Where a run's time went, in ms: waiting for pages, preparing them (validate, normalise, classify), waiting for writes. */
export type RunTiming = { waitFetchMs: number; prepareMs: number; waitWriteMs: number };

export type RunOutcome = { runId: number; status: "succeeded" | "failed"; error?: string; progress: SyncProgress; timing: RunTiming };

function isoDay(d: Date) {
  return d.toISOString().slice(0, 10);
}

/**
 * The incremental window starts at the last successful run's high-water LastUpdatePostDate, less an
 * overlap. Seed runs (the bundled records, loaded on first start) do not count: the records are a
 * snapshot, and the first live incremental sync must fetch everything newer than nothing.
 */
async function incrementalSince(prisma: PrismaClient, overlapDays: number): Promise<Date | null> {
  const last = await lastHighWaterRun(prisma);
  if (!last?.highWater) return null;
  return new Date(last.highWater.getTime() - overlapDays * 86_400_000);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Validates, normalises and classifies a page. CPU-bound, so it yields every few studies: the
 * previous page's write (a statement Postgres runs on the other core) keeps moving meanwhile.
 */
async function splitPage(studies: unknown[], syncedAt: Date, recordChanges: boolean): Promise<{ valid: ValidStudy[]; invalid: InvalidStudy[] }> {
  const valid: ValidStudy[] = [];
  const invalid: InvalidStudy[] = [];
  for (let i = 0; i < studies.length; i++) {
    if (i % 50 === 49) await yieldToEventLoop();
    const raw = studies[i];
    // Before anything recursive touches it (lib/sync/depth.ts): quarantined, with the part we can store.
    const deepAt = tooDeepAt(raw);
    if (deepAt) {
      invalid.push({ raw: pruneDeep(raw), nctId: looseNctId(raw), error: `nested deeper than ${MAX_RECORD_DEPTH} levels (at ${deepAt.slice(0, 200)}): quarantined; the part below that depth is not stored` });
      continue;
    }
    const parsed = studySchema.safeParse(raw);
    if (!parsed.success) {
      invalid.push({ raw, nctId: looseNctId(raw), error: describeIssues(parsed.error) });
      continue;
    }
    try {
      const rawJson = toJson(raw);
      const normalized = normalizeStudy(parsed.data);
      const study: ValidStudy = {
        raw,
        rawJson,
        rawHash: hashRaw(rawJson),
        // Made here, where preparing overlaps the previous page's write; the write compares it (lib/changes/mutations.ts).
        watchedHash: recordChanges ? fingerprintOf(normalized, raw) : null,
        normalized,
        classification: classifyStudy(raw, { asOf: asOfFor(raw, syncedAt) }),
      };
      encodeRows(study, CLASSIFIER_VERSION);
      valid.push(study);
    } catch (err) {
      invalid.push({ raw, nctId: looseNctId(raw), error: `could not be processed: ${(err as Error).message}` });
    }
  }
  return { valid, invalid };
}

/**
 * Runs one claimed sync to the end. Each page commits on its own, so a crash loses at most the page
 * in flight and the next run (upserts keyed by NCT id) finishes the work without duplicates.
 */
export async function runSync(opts: RunSyncOptions): Promise<RunOutcome> {
  const { prisma, client, runId, mode } = opts;
  const recordChanges = opts.benchOnlySkipChangeRecording !== true;
  const progress: SyncProgress = {
    runId,
    pagesDone: 0,
    pagesExpected: null,
    totalExpected: null,
    counts: { fetched: 0, inserted: 0, updated: 0, unchanged: 0, restored: 0, invalid: 0, removed: 0 },
  };
  const lost = new AbortController();
  const signal = opts.signal ? AbortSignal.any([opts.signal, lost.signal]) : lost.signal;
  const beat = setInterval(() => {
    heartbeat(prisma, runId)
      .then((ours) => {
        if (!ours) lost.abort(new Error("this run was marked abandoned by another process"));
      })
      .catch((err: unknown) => logger.warn({ runId, err: (err as Error).message }, "heartbeat failed"));
  }, HEARTBEAT_INTERVAL_MS);
  beat.unref();

  let highWater: string | null = null;
  let unidentified = 0;
  let dataTimestamp: string | null = null;
  let pages: AsyncGenerator<unknown> | null = null;
  let pendingWrite: Promise<void> | null = null;
  const timing: RunTiming = { waitFetchMs: 0, prepareMs: 0, waitWriteMs: 0 };
  const timed = async <T>(key: keyof RunTiming, work: Promise<T> | (() => Promise<T>)): Promise<T> => {
    const t0 = performance.now();
    try {
      return await (typeof work === "function" ? work() : work);
    } finally {
      timing[key] += performance.now() - t0;
    }
  };
  try {
    const reclassified = await reclassifyStale(prisma, { signal });
    if (reclassified > 0) logger.info({ runId, reclassified, version: CLASSIFIER_VERSION }, "reclassified trials for a new classifier version");
    const reread = await rereadEligibilityStale(prisma, { signal });
    if (reread > 0) logger.info({ runId, reread, version: RULES_VERSION }, "re-read eligibility rules for a new rule reader version");

    const params = new URLSearchParams(opts.params);
    params.set("format", "json");
    params.set("pageSize", String(opts.pageSize ?? 1000));
    params.set("countTotal", "true");
    let since: Date | null = null;
    if (mode === "incremental") {
      since = await incrementalSince(prisma, opts.overlapDays ?? 3);
      if (since) params.set("filter.advanced", `AREA[LastUpdatePostDate]RANGE[${isoDay(since)},MAX]`);
    }
    dataTimestamp = await client
      .version(signal)
      .then((v) => v.dataTimestamp)
      .catch((err: unknown) => {
        logger.warn({ runId, err: (err as Error).message }, "could not read ClinicalTrials.gov /version");
        return null;
      });
    await recordRunQuery(prisma, runId, { query: params.toString(), since, dataTimestamp });

    const syncedAt = new Date();
    // A three-stage pipeline: fetch page N+2, prepare page N+1 and write page N at once. Writes stay
    // in order, one transaction per page; a failed write ends the loop before the next one starts.
    const pager = client.pages(params, signal);
    pages = pager;
    let next = pager.next();
    for (;;) {
      const result = await timed("waitFetchMs", next);
      if (result.done) break;
      const page = result.value;
      next = pager.next();
      next.catch(() => {}); // its error surfaces when awaited above
      if (page.index === 0 && page.totalCount !== null) {
        progress.totalExpected = page.totalCount;
        progress.pagesExpected = Math.max(1, Math.ceil(page.totalCount / Number(params.get("pageSize"))));
        await recordRunExpected(prisma, runId, { totalExpected: progress.totalExpected, pagesExpected: progress.pagesExpected });
      }
      const { valid, invalid } = await timed("prepareMs", () => splitPage(page.studies, syncedAt, recordChanges));
      unidentified += invalid.filter((i) => !i.nctId).length;
      for (const s of valid) {
        const d = s.normalized.trial.lastUpdatePostDate;
        if (d && (!highWater || d > highWater)) highWater = d;
      }
      await timed("waitWriteMs", async () => pendingWrite);
      signal.throwIfAborted();
      pendingWrite = writePage(prisma, runId, { valid, invalid, trackSeen: mode === "full", recordChanges }, CLASSIFIER_VERSION).then((counts) => {
        for (const k of Object.keys(counts) as (keyof PageCounts)[]) progress.counts[k] += counts[k];
        progress.pagesDone++;
        opts.onProgress?.(structuredClone(progress));
      });
      pendingWrite.catch(() => {}); // awaited above or below
    }
    await timed("waitWriteMs", async () => pendingWrite);

    if (mode === "full" && progress.counts.fetched === 0) {
      const active = await prisma.trial.count({ where: { removedAt: null } });
      if (active > 0) throw new Error(`the topic query returned no studies while ${active} are stored; refusing to mark them all removed`);
    }
    // A record dated in the future (or past the data's own timestamp) must not pin the window there.
    const ceiling = [new Date().toISOString().slice(0, 10), dataTimestamp?.slice(0, 10)].filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort()[0]!;
    const mark = highWater && highWater > ceiling ? ceiling : highWater;
    const previous = await incrementalSince(prisma, 0);
    const { removed } = await finishRun(prisma, runId, {
      reconcile: mode === "full",
      totalExpected: progress.totalExpected,
      unidentified,
      // With nothing new, keep the previous high-water mark so the next window does not widen.
      highWater: mark ? new Date(`${mark}T00:00:00Z`) : previous,
      recordChanges,
    });
    progress.counts.removed = removed;
    return { runId, status: "succeeded", progress, timing };
  } catch (err) {
    // Stop fetching ahead, and let the page write in flight settle before the run is recorded as ended.
    if (!lost.signal.aborted) lost.abort(err);
    await pendingWrite?.catch(() => {});
    await pages?.return(undefined).catch(() => {});
    const reason = opts.signal?.aborted ? String((opts.signal.reason as Error)?.message ?? opts.signal.reason) : (err as Error).message;
    logger.error({ runId, err: reason }, "sync run failed");
    await markRunFailed(prisma, runId, reason).catch((e: unknown) => logger.error({ runId, err: (e as Error).message }, "could not record the failed run"));
    return { runId, status: "failed", error: reason, progress, timing };
  } finally {
    clearInterval(beat);
    await clearRunSeen(prisma, runId).catch(() => {});
  }
}
