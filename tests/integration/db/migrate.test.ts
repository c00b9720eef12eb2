import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "../../../lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase(); // already migrated by the runner under test
});
afterAll(async () => database?.drop());

describe("the offline migration runner", () => {
  it("records migrations as Prisma does, so `prisma migrate deploy` sees them as applied", async () => {
    const rows = await database.prisma.$queryRawUnsafe<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }[]>(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    const onDisk = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    for (const m of onDisk) {
      const row = rows.find((r) => r.migration_name === m.name)!;
      expect(row.checksum).toBe(createHash("sha256").update(readFileSync(path.join("prisma/migrations", m.name, "migration.sql"))).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("is idempotent", async () => {
    expect(await applyMigrations(database.url)).toEqual({ applied: [], alreadyApplied: readMigrations().length });
  });

  it("refuses to run when an applied migration was edited", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dtf-migrations-"));
    try {
      cpSync("prisma/migrations", dir, { recursive: true });
      const first = readMigrations(dir)[0]!;
      writeFileSync(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
      await expect(applyMigrations(database.url, dir)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rolls back a failing migration whole and names it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "dtf-migrations-"));
    try {
      cpSync("prisma/migrations", dir, { recursive: true });
      const bad = path.join(dir, "29990101000000_broken");
      cpSync(path.join(dir, readMigrations(dir)[0]!.name), bad, { recursive: true });
      writeFileSync(path.join(bad, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT no_such_function();\n`);
      await expect(applyMigrations(database.url, dir)).rejects.toThrow(/migration 29990101000000_broken failed/);
      const leftovers = await database.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'`);
      expect(Number(leftovers[0]!.n)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
