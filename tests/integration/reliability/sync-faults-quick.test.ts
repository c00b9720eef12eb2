import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { logger } from "../../../lib/logger";
import { searchTrials } from "../../../lib/search/data";
import { parseSearch } from "../../../lib/search/schema";
import { lastSuccessfulRun } from "../../../lib/sync/data";
import type { Standin } from "../../ctgov-standin/server";
import { describeDifference, normalisedDump, type Dump } from "../../chaos/helpers/dump";
import { faultKinds, ledgerProblems, mixedFaults, recordingClient, retryAfterViolations, startExactPagesStandin, syncWith } from "../../chaos/helpers/sync-faults";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { childRowMismatches } from "../helpers/sync";

// The quick half of the fault suite (the long one is tests/chaos/sync-faults.test.ts): one sync under
// every stand-in fault at once must store exactly what a clean sync stores, and a run whose retries
// run out must fail with its reason and leave the previous data as it was, still searchable.

logger.level = "fatal"; // retries and the expected failure log; the assertions say what matters

const PAGE_SIZE = 6; // many pages from the bundled records, so faults land mid-run
const TIMEOUT_MS = 1_000;

let standin: Standin;
let total: number;
let reference: TestDatabase;
let referenceDump: Dump;
const databases: TestDatabase[] = [];

async function freshDatabase() {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

beforeAll(async () => {
  ({ standin, total } = await startExactPagesStandin(PAGE_SIZE, 0));
  reference = await freshDatabase();
  const clean = await syncWith({ prisma: reference.prisma, client: recordingClient(standin.url).client, mode: "full", pageSize: PAGE_SIZE });
  expect(clean.status).toBe("succeeded");
  referenceDump = await normalisedDump(reference.url);
  expect(referenceDump.counts.trial).toBe(total);
});

afterAll(async () => {
  await standin?.close();
  for (const d of databases) await d.drop().catch(() => {});
});

describe("sync under faults (quick)", () => {
  it("every fault at once (5xx, 429 bursts with Retry-After, resets, truncated JSON, timeouts, the quirk): same database as a clean run", async () => {
    const database = await freshDatabase();
    standin.resetStats();
    standin.setFaults(mixedFaults(TIMEOUT_MS, 7));
    const { client, exchanges } = recordingClient(standin.url, { timeoutMs: TIMEOUT_MS });
    try {
      const outcome = await syncWith({
        prisma: database.prisma,
        client,
        mode: "full",
        pageSize: PAGE_SIZE,
        // A 429 burst in the middle of the run, on top of the per-second limit.
        atPage: (done) => done === 5 && standin.setFaults({ rateLimitNext: 2 }),
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome.status).toBe("succeeded");
    } finally {
      standin.resetFaults();
    }

    const fired = standin.stats().faults;
    for (const kind of faultKinds) expect(fired[kind], `${kind} never fired`).toBeGreaterThan(0);
    expect(retryAfterViolations(exchanges)).toEqual([]);
    const dump = await normalisedDump(database.url);
    expect(dump.digest, describeDifference(referenceDump, dump)).toBe(referenceDump.digest);
    expect(await childRowMismatches(database.prisma)).toEqual([]);
    expect(await ledgerProblems(database.prisma)).toEqual([]);
  });

  it("retries run out mid-run: the run fails with the reason, the previous data is untouched and still found by search", async () => {
    const before = await lastSuccessfulRun(reference.prisma);
    const { client } = recordingClient(standin.url, { maxRetries: 2 });
    let outcome;
    try {
      outcome = await syncWith({
        prisma: reference.prisma,
        client,
        mode: "full",
        pageSize: PAGE_SIZE,
        atPage: (done) => done === 3 && standin.setFaults({ failRate: 1 }),
      });
    } finally {
      standin.resetFaults();
    }
    expect(outcome.status).toBe("failed");
    expect(outcome.progress.pagesDone).toBeGreaterThanOrEqual(3);
    const run = await reference.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/gave up after 3 attempts: HTTP 50[023]/);

    // A full run cut short marks nothing removed: the database is what the clean run left.
    const dump = await normalisedDump(reference.url);
    expect(dump.digest, describeDifference(referenceDump, dump)).toBe(referenceDump.digest);
    expect((await lastSuccessfulRun(reference.prisma))?.id).toBe(before?.id);
    const everything = parseSearch(new URLSearchParams("status=any&therapy=cell-therapy,prp,acellular-biologic,other")).filters;
    const found = await searchTrials(reference.prisma, everything, null);
    expect(found.total).toBe(total);
  });
});
