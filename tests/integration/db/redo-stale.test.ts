import { describe, expect, it } from "vitest";
import { RULES_VERSION } from "../../../lib/eligibility/read";
import { reclassifyStale } from "../../../lib/sync/reclassify";
import { rereadEligibilityStale } from "../../../lib/sync/reread-eligibility";
import { fileWorld } from "../helpers/world";

// What a sync runs first after a new classifier or rule reader: the stored trials read under an older
// version are redone from their raw records, batch by batch, and only those.

const world = fileWorld({ synced: true });

const CLASSIFIED = `SELECT nct_id, therapy, source, donor, route, phase, flags, why, classifier_version FROM trial ORDER BY nct_id`;
const READ = `SELECT nct_id, eligibility, eligibility_version FROM trial ORDER BY nct_id`;
const everySeventh = (rows: { nct_id: string }[]) => rows.filter((_, i) => i % 7 === 0).map((r) => r.nct_id);

describe("redoing stale readings", () => {
  it("reclassifyStale redoes exactly the trials stored under another classifier version, across batches, as the sync classified them", async () => {
    const prisma = world.database.prisma;
    const synced = await prisma.$queryRawUnsafe<{ nct_id: string }[]>(CLASSIFIED);
    const stale = everySeventh(synced);
    expect(stale.length).toBeGreaterThan(20);
    await prisma.$executeRawUnsafe(`UPDATE trial SET therapy = '{}', source = '{}', donor = NULL, route = '{}', phase = '{}', flags = '{}', why = '{}'::jsonb, classifier_version = 0 WHERE nct_id = ANY($1)`, stale);
    expect(await reclassifyStale(prisma, { batchSize: 10 })).toBe(stale.length);
    expect(await prisma.$queryRawUnsafe(CLASSIFIED)).toEqual(synced);
    expect(await reclassifyStale(prisma)).toBe(0);
    expect(await reclassifyStale(prisma, { all: true, batchSize: 100 })).toBe(synced.length);
  });

  it("rereadEligibilityStale redoes exactly the trials read under another rules version, across batches, as the sync read them", async () => {
    const prisma = world.database.prisma;
    const synced = await prisma.$queryRawUnsafe<{ nct_id: string; eligibility_version: number }[]>(READ);
    expect(synced.every((r) => r.eligibility_version === RULES_VERSION)).toBe(true);
    const stale = everySeventh(synced);
    await prisma.$executeRawUnsafe(`UPDATE trial SET eligibility = NULL, eligibility_version = 0 WHERE nct_id = ANY($1)`, stale);
    expect(await rereadEligibilityStale(prisma, { batchSize: 10 })).toBe(stale.length);
    expect(await prisma.$queryRawUnsafe(READ)).toEqual(synced);
    expect(await rereadEligibilityStale(prisma)).toBe(0);
    const aborted = new AbortController();
    aborted.abort();
    await expect(rereadEligibilityStale(prisma, { all: true, signal: aborted.signal })).rejects.toThrow();
  });
});
