import { describe, expect, it } from "vitest";

import { logger } from "../../../lib/logger";
import { searchTrials } from "../../../lib/search/data";
import { parseSearch } from "../../../lib/search/schema";
import { lastSuccessfulRun } from "../../../lib/sync/data";
import { describeDifference, normalisedDump } from "../../chaos/helpers/dump";
import { faultKinds, faultReferenceFixture, ledgerProblems, mixedFaults, recordingClient, retryAfterViolations, syncWith } from "../../chaos/helpers/sync-faults";
import { childRowMismatches } from "../helpers/sync";

// The quick half of the fault suite (the long one is tests/chaos/sync-faults.test.ts): one sync under
// every stand-in fault at once must store exactly what a clean sync stores, and a run whose retries
// run out must fail with its reason and leave the previous data as it was, still searchable.

logger.level = "fatal"; // retries and the expected failure log; the assertions say what matters

const PAGE_SIZE = 6; // many pages from the bundled records, so faults land mid-run
const TIMEOUT_MS = 1_000;

const ref = faultReferenceFixture(PAGE_SIZE, 0);

describe("sync under faults (quick)", () => {
  it("every fault at once (5xx, 429 bursts with Retry-After, resets, truncated JSON, timeouts, the quirk): same database as a clean run", async () => {
    const database = await ref.freshDatabase();
    ref.standin.resetStats();
    ref.standin.setFaults(mixedFaults(TIMEOUT_MS, 7));
    const { client, exchanges } = recordingClient(ref.standin.url, { timeoutMs: TIMEOUT_MS });
    try {
      const outcome = await syncWith({
        prisma: database.prisma,
        client,
        mode: "full",
        pageSize: PAGE_SIZE,
        // A 429 burst in the middle of the run, on top of the per-second limit.
        atPage: (done) => done === 5 && ref.standin.setFaults({ rateLimitNext: 2 }),
      });
      expect(outcome.error).toBeUndefined();
      expect(outcome.status).toBe("succeeded");
    } finally {
      ref.standin.resetFaults();
    }

    const fired = ref.standin.stats().faults;
    for (const kind of faultKinds) expect(fired[kind], `${kind} never fired`).toBeGreaterThan(0);
    expect(retryAfterViolations(exchanges)).toEqual([]);
    const dump = await normalisedDump(database.url);
    expect(dump.digest, describeDifference(ref.referenceDump, dump)).toBe(ref.referenceDump.digest);
    expect(await childRowMismatches(database.prisma)).toEqual([]);
    expect(await ledgerProblems(database.prisma)).toEqual([]);
  });

  it("retries run out mid-run: the run fails with the reason, the previous data is untouched and still found by search", async () => {
    const before = await lastSuccessfulRun(ref.reference.prisma);
    const { client } = recordingClient(ref.standin.url, { maxRetries: 2 });
    let outcome;
    try {
      outcome = await syncWith({
        prisma: ref.reference.prisma,
        client,
        mode: "full",
        pageSize: PAGE_SIZE,
        atPage: (done) => done === 3 && ref.standin.setFaults({ failRate: 1 }),
      });
    } finally {
      ref.standin.resetFaults();
    }
    expect(outcome.status).toBe("failed");
    expect(outcome.progress.pagesDone).toBeGreaterThanOrEqual(3);
    const run = await ref.reference.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
    expect(run.status).toBe("failed");
    expect(run.error).toMatch(/gave up after 3 attempts: HTTP 50[023]/);

    // A full run cut short marks nothing removed: the database is what the clean run left.
    const dump = await normalisedDump(ref.reference.url);
    expect(dump.digest, describeDifference(ref.referenceDump, dump)).toBe(ref.referenceDump.digest);
    expect((await lastSuccessfulRun(ref.reference.prisma))?.id).toBe(before?.id);
    const everything = parseSearch(new URLSearchParams("status=any&therapy=cell-therapy,prp,acellular-biologic,other")).filters;
    const found = await searchTrials(ref.reference.prisma, everything, null);
    expect(found.total).toBe(ref.total);
  });
});
