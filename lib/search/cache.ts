import "server-only";
import { searchCacheEnabled } from "../env";
import type { PrismaClient } from "../generated/prisma/client";
import { logger } from "../logger";
import { DATA_VERSION_SQL } from "../sync/data";

// Search results change only when a sync (or reclassify) writes, yet the same few searches are
// asked again and again. Results are kept per canonical search for up to TTL_MS, keyed on the data
// version: the newest sync run's id, status and pages done, read at most once per VERSION_MS (one
// primary-key lookup).
//
// When the version moves and no sync is running any more (a run just ended), the next request
// recomputes: results are exact as soon as a sync is done. While a sync is running, the version
// moves with every page (every few seconds), and recomputing every search at each page made every
// request wait behind a burst of SQL competing with the sync (p95 3-4x idle in the load test). So a
// search with the `staleWhileSyncing` option keeps answering with its previous result while a single
// background refresh runs, at most once per REFRESH_MIN_MS: during a sync, answers may lag the
// writes by a few seconds. SEARCH_CACHE=off disables caching (the benchmark measures both).

/** Exported so a test can shorten the waits; nothing else changes them. */
export const cacheTiming = { TTL_MS: 60_000, VERSION_MS: 1_000, REFRESH_MIN_MS: 5_000 };
const MAX_ENTRIES = 1_000;
/**
 * The cache is bounded by the bytes of its results (their JSON size), not only by entries: 1,000
 * results of trials with very long text grew the server past 3 GB (issue 19). A result larger than
 * a quarter of the budget is answered but not kept.
 */
export const cacheBudget = { MAX_BYTES: 64 * 1024 * 1024 };

type Entry = { at: number; version: string; value: Promise<unknown>; settled: boolean; refreshing: boolean; bytes: number };
const entries = new Map<string, Entry>();
let totalBytes = 0;

function drop(key: string, entry: Entry) {
  if (entries.get(key) !== entry) return;
  entries.delete(key);
  totalBytes -= entry.bytes;
}

function evict() {
  while (entries.size > MAX_ENTRIES || totalBytes > cacheBudget.MAX_BYTES) {
    const [key, oldest] = entries.entries().next().value!;
    drop(key, oldest);
  }
}

/** What the cache holds now (for tests and the reliability suite's figures). */
export function cacheStats() {
  return { entries: entries.size, bytes: totalBytes };
}
let version: { at: number; value: Promise<string> } | null = null;

async function readVersion(prisma: PrismaClient): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ v: string }[]>(`SELECT ${DATA_VERSION_SQL} AS v`);
  return rows[0]?.v ?? "-";
}

function dataVersion(prisma: PrismaClient): Promise<string> {
  const now = Date.now();
  if (!version || now - version.at > cacheTiming.VERSION_MS) {
    const value = readVersion(prisma);
    version = { at: now, value };
    value.catch(() => (version = null));
  }
  return version.value;
}

const syncing = (v: string) => v.includes(":running:");

function store<T>(key: string, v: string, value: Promise<T>): Entry {
  const previous = entries.get(key);
  if (previous) drop(key, previous);
  const entry: Entry = { at: Date.now(), version: v, value, settled: false, refreshing: false, bytes: 0 };
  entries.set(key, entry);
  value.then(
    (result) => {
      entry.settled = true;
      if (entries.get(key) !== entry) return;
      entry.bytes = Buffer.byteLength(JSON.stringify(result) ?? "") + key.length;
      if (entry.bytes > cacheBudget.MAX_BYTES / 4) return drop(key, entry);
      totalBytes += entry.bytes;
      evict();
    },
    // A failure must not be remembered.
    () => drop(key, entry),
  );
  evict();
  return entry;
}

export async function cached<T>(prisma: PrismaClient, key: string, compute: () => Promise<T>, opts: { staleWhileSyncing?: boolean } = {}): Promise<T> {
  if (!searchCacheEnabled()) return compute();
  const v = await dataVersion(prisma);
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && now - hit.at < cacheTiming.TTL_MS) {
    if (hit.version === v) {
      // Refresh its place in the LRU order (its bytes stay counted).
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    if (opts.staleWhileSyncing && syncing(v) && hit.settled) {
      if (!hit.refreshing && now - hit.at >= cacheTiming.REFRESH_MIN_MS) {
        hit.refreshing = true;
        const next = compute();
        // The new result replaces the old once it is ready; until then (or if it fails) the old one answers.
        // Only over the entry it refreshes: a newer one (stored since, e.g. once the run ended) stays.
        next.then(
          () => entries.get(key) === hit && store(key, v, next),
          (err: unknown) => {
            hit.refreshing = false;
            logger.warn({ key, err: (err as Error).message }, "search cache refresh failed; the previous result still answers");
          },
        );
      }
      return hit.value as Promise<T>;
    }
  }
  return store(key, v, compute()).value as Promise<T>;
}
