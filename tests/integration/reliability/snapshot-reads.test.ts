import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshotReads } from "../../../lib/db/bulk";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// lib/db/bulk.ts snapshotReads on Postgres: two connections, the second importing the first's
// snapshot. A write another connection commits while the first read runs is not seen by the second.
// Needs a Postgres server (a second connection meanwhile): vitest.config.mts leaves it out without one.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

describe("two reads on one snapshot (Postgres: two connections)", () => {
  it("the second read sees the first's snapshot, not a write committed in between", async () => {
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    try {
      const count = async (tx: { $queryRawUnsafe<T>(q: string): Promise<T> }) => (await tx.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM trial"))[0]!.n;
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const [first, second] = await snapshotReads(
        database.prisma,
        async (tx) => {
          const n = await count(tx);
          // Let the second read start only after another connection has committed a new trial.
          await writer.query(
            `INSERT INTO trial (nct_id, brief_title, overall_status, last_update_post_date, raw, raw_hash) VALUES ('NCT90000099', 'late', 'RECRUITING', DATE '2026-01-01', '{}'::jsonb, 'x')`,
          );
          release();
          return n;
        },
        async (tx) => {
          await gate;
          return count(tx);
        },
      );
      expect(second).toBe(first);
      const now = (await writer.query<{ n: number }>("SELECT count(*)::int AS n FROM trial")).rows[0]!.n;
      expect(now).toBe(first + 1);
    } finally {
      await writer.query("DELETE FROM trial WHERE nct_id = 'NCT90000099'");
      await writer.end();
    }
  });
});
