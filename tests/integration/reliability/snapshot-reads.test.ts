import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { snapshotReads, type SqlTx } from "../../../lib/db/bulk";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

// lib/db/bulk.ts snapshotReads on Postgres: two connections, the second importing the first's
// snapshot. A write another connection commits while the first read runs is not seen by the second;
// a failing read fails the call and leaves no connection taken. Needs a Postgres server (a second
// connection meanwhile): vitest.config.mts leaves it out without one.

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 120_000);
afterAll(async () => {
  await database?.drop();
});

const one = async <T>(tx: SqlTx, q: string) => (await tx.$queryRawUnsafe<Record<string, T>[]>(q))[0]!;
const count = async (tx: SqlTx) => Number((await one<number>(tx, "SELECT count(*)::int AS n FROM trial")).n);
const pid = async (tx: SqlTx) => Number((await one<number>(tx, "SELECT pg_backend_pid() AS p")).p);

describe("two reads on one snapshot (Postgres: two connections)", () => {
  it("runs on the machine's Postgres server", () => {
    expect(database.kind, "this file needs a Postgres server; tests/run-all.sh leaves it out without one").toBe("postgres");
  });

  it("the second read, on another connection, sees the first's snapshot, not a write committed in between", async () => {
    const writer = new pg.Client({ connectionString: database.url });
    await writer.connect();
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const [first, second] = await snapshotReads(
        database.prisma,
        async (tx) => {
          const n = await count(tx);
          // The second read goes on only after another connection has committed a new trial.
          await writer.query(
            `INSERT INTO trial (nct_id, brief_title, overall_status, last_update_post_date, raw, raw_hash) VALUES ('NCT90000099', 'late', 'RECRUITING', DATE '2026-01-01', '{}'::jsonb, 'x')`,
          );
          release();
          return { n, pid: await pid(tx) };
        },
        async (tx) => {
          await gate;
          return { n: await count(tx), pid: await pid(tx) };
        },
      );
      expect(second.pid).not.toBe(first.pid);
      expect(second.n).toBe(first.n);
      const now = (await writer.query<{ n: number }>("SELECT count(*)::int AS n FROM trial")).rows[0]!.n;
      expect(now).toBe(first.n + 1);
    } finally {
      await writer.query("DELETE FROM trial WHERE nct_id = 'NCT90000099'");
      await writer.end();
    }
  });

  it("a failing read fails the call with its own error and leaves no connection taken", async () => {
    // Each pool holds two connections: a leak would make the fifth call wait for one and time out.
    for (let round = 0; round < 2; round++) {
      await expect(snapshotReads(database.prisma, async () => Promise.reject(new Error("first failed")), count)).rejects.toThrow("first failed");
      await expect(snapshotReads(database.prisma, count, async (tx) => (await tx.$queryRawUnsafe("SELECT * FROM no_such_table"), 0))).rejects.toThrow(/no_such_table/);
    }
    const [a, b] = await snapshotReads(database.prisma, count, count);
    expect(b).toBe(a);
  }, 30_000);
});
