import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { facetCounts, pageOfTrials } from "../../../lib/search/data";
import { readDataVersion } from "../../../lib/search/index-build";
import { indexedMatchingIds, indexedSearch, readyIndex } from "../../../lib/search/index-run";
import { runSearch } from "../../../lib/search/run";
import { parseSearch } from "../../../lib/search/schema";
import { startStandin } from "../../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { standinClient, syncOnce } from "../helpers/sync";

// Freshness of the in-memory index with production timings: a sync's writes show in search (the
// production path, result cache included) within 2 s of the sync ending, and every answer the index
// gives while a sync writes page after page is exactly the SQL answer at one data version (never
// half of a page, never counts of one version with the page of another).

let database: TestDatabase;
let standin: Awaited<ReturnType<typeof startStandin>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ALL = "therapy=cell-therapy,prp,acellular-biologic,other&status=any";
const prepared = (qs: string) => {
  const p = parseSearch(new URLSearchParams(qs));
  expect(p.errors).toEqual([]);
  return { filters: p.filters, place: null, errors: [] };
};

beforeAll(async () => {
  database = await createTestDatabase();
  standin = await startStandin({ port: 0, synthetic: 150 });
  const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full", 25);
  expect(outcome.status).toBe("succeeded");
}, 240_000);
afterAll(async () => {
  await standin?.close();
  await database?.drop();
});

/** Polls `check` every 25 ms for up to `ms`; returns the time it took to hold, or null. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if (await check()) return performance.now() - t0;
    await sleep(25);
  }
  return null;
}

describe("search index freshness", () => {
  it("a sync's writes are visible within 2 s of it ending, in the production search path and in the index itself", async () => {
    const search = prepared(ALL);
    const before = await runSearch(database.prisma, search);
    // The index gets built for the current version and answers.
    expect(await within(5_000, async () => (await indexedSearch(database.prisma, search.filters, null)) !== null)).not.toBeNull();
    const gone = (await indexedMatchingIds(database.prisma, search.filters, null))!.find((id) => !id.startsWith("NCT9"))!;
    expect(gone).toBeDefined();
    standin.removeStudy(gone);
    try {
      const outcome = await syncOnce(database.prisma, standinClient(standin.url), "full", 25);
      expect(outcome.progress.counts.removed).toBe(1);
      const t0 = performance.now();
      const viaProduction = await within(2_000, async () => (await runSearch(database.prisma, search)).total === before.total - 1);
      const viaIndex = await within(2_000 - (performance.now() - t0), async () => {
        const ids = await indexedMatchingIds(database.prisma, search.filters, null);
        return ids !== null && !ids.includes(gone) && ids.length === before.total - 1;
      });
      expect(viaProduction, "the production path showed the removal within 2 s").not.toBeNull();
      expect(viaIndex, "the index answered with the removal within 2 s").not.toBeNull();
    } finally {
      standin.restoreStudy(gone);
    }
  }, 120_000);

  it("while a sync writes, every index answer equals the SQL answer read at the same data version", async () => {
    const { filters } = prepared(`${ALL}&sort=updated`);
    // Every synthetic record changes (dates move forward), and pages come slowly: many versions.
    standin.setSyntheticRevision(standin.syntheticRevision() + 1);
    standin.setFaults({ latencyMs: 400 });
    const compared = new Set<string>();
    let answers = 0;
    // Once an index exists, a running sync never sends searches back to SQL: the last build answers.
    let refused = 0;
    let done = false;
    const sync = syncOnce(database.prisma, standinClient(standin.url), "full", 20).finally(() => (done = true));
    try {
      while (!done) {
        const index = await readyIndex(database.prisma);
        if (!index) {
          // (The run may have just ended: then null is right. A version still running now was running then.)
          if (answers > 0 && (await readDataVersion(database.prisma)).includes(":running:")) refused++;
          await sleep(20);
          continue;
        }
        answers++;
        const got = index.search(filters, null, null);
        // The oracle in one snapshot, with the version that snapshot holds (sequential: PGlite has one connection).
        const oracle = await database.prisma.$transaction(
          async (tx) => {
            const v = await readDataVersion(tx);
            if (v !== index.version) return null;
            const counts = await facetCounts(tx as unknown as PrismaClient, filters, null);
            const page = await pageOfTrials(tx as unknown as PrismaClient, filters, null);
            return { ...counts, pageIds: page.map((t) => t.nctId), trials: page };
          },
          { isolationLevel: "RepeatableRead" },
        );
        if (oracle) {
          expect(got, `at version ${index.version}`).toEqual(oracle);
          compared.add(index.version);
        }
        await sleep(30);
      }
      expect((await sync).status).toBe("succeeded");
    } finally {
      standin.resetFaults();
    }
    expect(answers).toBeGreaterThan(0);
    expect(refused, "calls answered null by readyIndex while the sync ran").toBe(0);
    // Versions in the middle of the run were compared (how many depends on the machine's load).
    expect([...compared].filter((v) => v.includes(":running:")).length, [...compared].join(" ")).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
