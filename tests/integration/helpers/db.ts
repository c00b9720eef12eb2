import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrisma } from "../../../lib/db/client";
import { startEmbeddedPostgres } from "../../../lib/db/embedded";
import { applyMigrations } from "../../../lib/db/migrate";
import type { PrismaClient } from "../../../lib/generated/prisma/client";

/**
 * A fresh, migrated database for one test file: a new database on the machine's Postgres
 * (TEST_DATABASE_URL, default 127.0.0.1:5432), or embedded PGlite when that is unreachable or
 * TEST_DB=pglite. Migrated exactly as production is.
 */
export type TestDatabase = { url: string; kind: "postgres" | "pglite"; prisma: PrismaClient; drop(): Promise<void> };

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/** Every connection in UTC, as production's are, so no test depends on the machine's zone. */
const UTC = "-c TimeZone=UTC";
/** Test databases older than this are leftovers of killed runs (drop() never ran): swept on create. */
const STALE_AFTER_S = 3600;

function adminClient(opts: { connectionTimeoutMillis?: number } = {}) {
  return new pg.Client({ connectionString: ADMIN_URL, options: UTC, ...opts });
}

async function postgresReachable(): Promise<boolean> {
  const client = adminClient({ connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drops `dtf_test_*` databases left by runs that died before drop(). Names carry their creation
 * time (`dtf_test_<unixsecs>_<hex>`); older unstamped ones (`dtf_test_<hex>`) are judged by the
 * mtime of their PG_VERSION file when the role may read it. Best effort: errors are ignored.
 */
async function sweepStaleTestDatabases(admin: pg.Client) {
  const now = Math.floor(Date.now() / 1000);
  const { rows } = await admin.query<{ datname: string; oid: number }>("SELECT datname, oid FROM pg_database WHERE datname LIKE 'dtf\\_test\\_%'");
  for (const { datname, oid } of rows) {
    let createdAt: number | undefined;
    const stamped = /^dtf_test_(\d{10})_[0-9a-f]+$/.exec(datname);
    if (stamped) createdAt = Number(stamped[1]);
    else if (/^dtf_test_[0-9a-f]+$/.test(datname)) {
      const r = await admin
        .query<{ t: number }>(`SELECT extract(epoch FROM (pg_stat_file('base/' || $1::text || '/PG_VERSION')).modification)::float8 AS t`, [oid])
        .catch(() => undefined);
      if (r?.rows[0]) createdAt = Number(r.rows[0].t);
    }
    if (createdAt === undefined || now - createdAt <= STALE_AFTER_S) continue;
    await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
}

/**
 * A new, empty (unmigrated) database on the machine's Postgres, or undefined when it is unreachable
 * or TEST_DB=pglite. Sweeps stale test databases first.
 */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  if (process.env.TEST_DB === "pglite" || !(await postgresReachable())) return undefined;
  const name = `dtf_test_${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString("hex")}`;
  const admin = adminClient();
  await admin.connect();
  try {
    await sweepStaleTestDatabases(admin).catch(() => {});
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end().catch(() => {});
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = adminClient();
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end().catch(() => {});
      }
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyPostgresDatabase();
  if (empty) return migrated(empty.url, "postgres", () => empty.drop());
  const dir = mkdtempSync(path.join(os.tmpdir(), "dtf-pglite-"));
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite") });
  return migrated(embedded.url, "pglite", async () => {
    await embedded.stop();
    rmSync(dir, { recursive: true, force: true });
  });
}

/** Migrates the empty database at `url` as production does; drop() disconnects, then removes it with `remove`. */
async function migrated(url: string, kind: TestDatabase["kind"], remove: () => Promise<void>): Promise<TestDatabase> {
  await applyMigrations(url);
  const prisma = createPrisma(url);
  return {
    url,
    kind,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await remove();
    },
  };
}
