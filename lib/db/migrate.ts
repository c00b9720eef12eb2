import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations/<name>/migration.sql in order and records each in `_prisma_migrations`
 * exactly as Prisma does (same table, checksum = sha256 of the file), so `prisma migrate deploy`
 * sees the same history. We need our own runner because Prisma's CLI cannot run offline here and
 * cannot talk to embedded PGlite (docs/decisions/001-offline-migrations.md).
 */

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Key of the session advisory lock held while migrating (an arbitrary constant, unique to this app). */
export const MIGRATION_LOCK_KEY = 7_365_723_815_106;

export type Migration = { name: string; sql: string; checksum: string };

export function defaultMigrationsDir() {
  return path.resolve(process.cwd(), "prisma/migrations");
}

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class MigrationError extends Error {}

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function applyMigrations(connectionString: string, dir = defaultMigrationsDir()): Promise<MigrateResult> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 15_000, options: "-c TimeZone=UTC" });
  // A connection lost between two statements (the server restarted) arrives as an 'error' event,
  // which would crash the process unheard; the next statement then fails, and the caller sees that.
  client.on("error", () => {});
  await client.connect();
  const applied: string[] = [];
  let locked = false;
  try {
    // One migrator at a time for the whole run, including the first CREATE TABLE IF NOT EXISTS,
    // which two migrators racing on an empty database can both attempt (duplicate pg_type, 23505).
    // Session-level, so released by the unlock below or when the connection closes. On PGlite every
    // connection shares one session and it is a no-op, which is fine: one process owns PGlite.
    await client.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATION_LOCK_KEY]);
    locked = true;
    await client.query(MIGRATIONS_TABLE);
    for (const m of migrations) {
      await client.query("BEGIN");
      try {
        // Serialise concurrent migrators (several app instances starting at once).
        await client.query(`LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE`);
        const { rows } = await client.query<{ checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
          `SELECT checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = $1 AND rolled_back_at IS NULL`,
          [m.name],
        );
        const row = rows[0];
        if (row?.finished_at) {
          if (row.checksum !== m.checksum) {
            throw new MigrationError(`migration ${m.name} was edited after it was applied (checksum differs); add a new migration instead`);
          }
          await client.query("COMMIT");
          continue;
        }
        if (row && !row.finished_at) {
          throw new MigrationError(`migration ${m.name} started earlier and never finished; inspect the database, then remove its row from _prisma_migrations`);
        }
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
        applied.push(m.name);
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        if (err instanceof MigrationError) throw err;
        throw new MigrationError(`migration ${m.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } finally {
    if (locked) await client.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}
