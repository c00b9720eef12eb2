import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cacheBudget, cached, cacheStats, cacheTiming } from "../../lib/search/cache";
import { createTestDatabase, type TestDatabase } from "./helpers/db";

// The search result cache against a real database: the data version is the newest sync run's
// id/status/pages done. Timings are shortened so the test runs in about a second.

let database: TestDatabase;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const settle = () => sleep(cacheTiming.VERSION_MS + 20);

const productionTiming = { ...cacheTiming };
beforeAll(async () => {
  database = await createTestDatabase();
  Object.assign(cacheTiming, { VERSION_MS: 50, REFRESH_MIN_MS: 200 });
});
afterAll(async () => {
  Object.assign(cacheTiming, productionTiming);
  await database?.drop();
});

/** A computation that answers with how many times it ran. */
function counter(delayMs = 0) {
  let runs = 0;
  const compute = async () => {
    runs++;
    const mine = runs;
    if (delayMs) await sleep(delayMs);
    return mine;
  };
  return { compute, runs: () => runs };
}

const runSql = (sql: string) => database.prisma.$executeRawUnsafe(sql);

describe("search result cache", () => {
  it("answers repeats from memory, recomputes once a sync has ended, and never remembers a failure", async () => {
    const c = counter();
    expect(await cached(database.prisma, "a", c.compute)).toBe(1);
    expect(await cached(database.prisma, "a", c.compute)).toBe(1);
    await runSql(`INSERT INTO sync_run (mode, trigger, status, finished_at) VALUES ('full', 'cli', 'succeeded', now())`);
    await settle();
    expect(await cached(database.prisma, "a", c.compute)).toBe(2);

    await expect(cached(database.prisma, "b", () => Promise.reject(new Error("database hiccup")))).rejects.toThrow("hiccup");
    expect(await cached(database.prisma, "b", c.compute)).toBe(3);
  });

  it("while a sync runs, keeps answering with the previous result while one background refresh runs", async () => {
    const c = counter(150);
    expect(await cached(database.prisma, "s", c.compute, { staleWhileSyncing: true })).toBe(1);
    const [run] = await database.prisma.$queryRawUnsafe<{ id: number }[]>(`INSERT INTO sync_run (mode, trigger, status) VALUES ('full', 'cli', 'running') RETURNING id`);
    const id = run!.id;
    await sleep(cacheTiming.REFRESH_MIN_MS + 20);
    // The version moved (a page was written): answer at once with the old result, refresh behind it.
    const answers = await Promise.all([1, 2, 3].map(() => cached(database.prisma, "s", c.compute, { staleWhileSyncing: true })));
    expect(answers).toEqual([1, 1, 1]);
    expect(c.runs()).toBe(2); // one refresh for three requests
    // Once the refresh is done, its result answers.
    const deadline = Date.now() + 10_000;
    let answer = 1;
    while (answer === 1 && Date.now() < deadline) {
      await sleep(20);
      answer = await cached(database.prisma, "s", c.compute, { staleWhileSyncing: true });
    }
    expect(answer).toBe(2);
    expect(c.runs()).toBe(2);

    // A search without the option waits for its fresh result.
    const plain = counter();
    expect(await cached(database.prisma, "p", plain.compute)).toBe(1);
    await runSql(`UPDATE sync_run SET pages_done = pages_done + 1 WHERE id = ${id}`);
    await settle();
    expect(await cached(database.prisma, "p", plain.compute)).toBe(2);

    // The run ends: the next request gets the exact result, not the one from mid-sync.
    await runSql(`UPDATE sync_run SET status = 'succeeded', finished_at = now() WHERE id = ${id}`);
    await settle();
    expect(await cached(database.prisma, "s", c.compute, { staleWhileSyncing: true })).toBe(3);
  });

  it("is bounded by the bytes of its results, not only their number: 2,000 distinct 100 KB results stay under the budget", async () => {
    const saved = cacheBudget.MAX_BYTES;
    cacheBudget.MAX_BYTES = 4 * 1024 * 1024;
    try {
      const big = "x".repeat(100_000);
      for (let i = 0; i < 2_000; i++) await cached(database.prisma, `bytes-${i}`, async () => ({ i, text: big }));
      await sleep(0);
      const stats = cacheStats();
      expect(stats.bytes).toBeLessThanOrEqual(cacheBudget.MAX_BYTES);
      expect(stats.entries).toBeLessThan(45); // ~40 results of 100 KB fit in 4 MB
      expect(stats.entries).toBeGreaterThan(30);
      // The newest are the ones kept; a result over a quarter of the budget is answered but not kept.
      const c = counter();
      expect(await cached(database.prisma, "bytes-1999", c.compute)).toEqual({ i: 1999, text: big });
      expect(c.runs()).toBe(0);
      const huge = { text: "y".repeat(2 * 1024 * 1024) };
      expect(await cached(database.prisma, "huge", async () => huge)).toBe(huge);
      await sleep(0);
      expect(cacheStats().bytes).toBeLessThanOrEqual(cacheBudget.MAX_BYTES);
      let recomputed = 0;
      await cached(database.prisma, "huge", async () => (recomputed++, huge));
      expect(recomputed).toBe(1);
    } finally {
      cacheBudget.MAX_BYTES = saved;
    }
  });
});
