import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkTransaction } from "../../../lib/db/bulk";
import { createPrisma } from "../../../lib/db/client";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * The quick part of the database-fault scenarios (docs/reliability.md; the long part is
 * tests/chaos/db-faults.test.ts). Needs a real Postgres server: pg_terminate_backend has no meaning
 * on embedded PGlite, where every connection shares one backend.
 */

let database: TestDatabase;
const clients: PrismaClient[] = [];

/** A client of its own whose connections carry an application_name, so they can be found and shot. */
function taggedPrisma(applicationName: string) {
  const url = new URL(database.url);
  url.searchParams.set("application_name", applicationName);
  const prisma = createPrisma(url.toString());
  clients.push(prisma);
  return prisma;
}

async function terminate(applicationName: string, where = "true") {
  const { rows } = await admin(
    `WITH victim AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND (${where}))
     SELECT pid FROM victim WHERE pg_terminate_backend(pid)`,
    [applicationName],
  );
  return rows.length;
}

async function admin(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.kind !== "postgres") throw new Error("these tests need a real Postgres server (TEST_DATABASE_URL or 127.0.0.1:5432); PGlite has one shared backend");
  await admin(`CREATE TABLE bulk_probe (n int)`);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  await database?.drop();
});

describe("a page write whose connection is killed", () => {
  it("between two statements: the write fails with the server's reason, the process lives on, and the next write gets a new connection", async () => {
    const prisma = taggedPrisma("dtf_quick_bulk");
    await expect(
      bulkTransaction(prisma, async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO bulk_probe VALUES (1)`);
        expect(await terminate("dtf_quick_bulk")).toBe(1);
        // The termination reaches the client while no statement runs: an 'error' event nobody awaits.
        await new Promise((r) => setTimeout(r, 300));
        await tx.$executeRawUnsafe(`INSERT INTO bulk_probe VALUES (2)`);
      }),
    ).rejects.toThrow(/terminating connection due to administrator command/);
    expect(await bulkTransaction(prisma, (tx) => tx.$executeRawUnsafe(`INSERT INTO bulk_probe VALUES (3)`))).toBe(1);
    // Nothing of the killed transaction was kept.
    expect((await admin(`SELECT n FROM bulk_probe ORDER BY n`)).rows).toEqual([{ n: 3 }]);
  });
});
