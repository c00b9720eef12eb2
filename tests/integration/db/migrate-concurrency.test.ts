import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { applyMigrations, readMigrations } from "../../../lib/db/migrate";
import { createEmptyPostgresDatabase, createTestDatabase } from "../helpers/db";

// docker-compose starts web and worker together on an empty database: both migrate at once.
// On real Postgres a fresh, unmigrated database; on PGlite (Postgres unreachable or TEST_DB=pglite)
// the helper's already-migrated one, where one process owns the server and concurrency is trivial.
let target: { url: string; fresh: boolean; drop(): Promise<void> };
beforeAll(async () => {
  const empty = await createEmptyPostgresDatabase();
  if (empty) target = { ...empty, fresh: true };
  else {
    const db = await createTestDatabase();
    await db.prisma.$disconnect();
    target = { url: db.url, fresh: false, drop: () => db.drop() };
  }
}, 120_000);
afterAll(async () => target?.drop());

describe("concurrent migrators", () => {
  it("three at once on one database all succeed, and each migration is applied exactly once", async () => {
    const all = readMigrations();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations(target.url)));
    const appliedNames = results.flatMap((r) => r.applied);
    if (target.fresh) expect(appliedNames.sort()).toEqual(all.map((m) => m.name).sort());
    else expect(appliedNames).toEqual([]);
    for (const r of results) expect(r.applied.length + r.alreadyApplied).toBe(all.length);

    const client = new pg.Client({ connectionString: target.url, options: "-c TimeZone=UTC" });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name ORDER BY migration_name`,
      );
      expect(rows).toEqual(all.map((m) => ({ migration_name: m.name, n: 1 })));
    } finally {
      await client.end();
    }
  }, 120_000);
});
