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

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.TEST_DB !== "pglite" && (await postgresReachable())) {
    const name = `dtf_test_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    const prisma = createPrisma(url.toString());
    return {
      url: url.toString(),
      kind: "postgres",
      prisma,
      async drop() {
        await prisma.$disconnect();
        const a = new pg.Client({ connectionString: ADMIN_URL });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "dtf-pglite-"));
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite") });
  await applyMigrations(embedded.url);
  const prisma = createPrisma(embedded.url);
  return {
    url: embedded.url,
    kind: "pglite",
    prisma,
    async drop() {
      await prisma.$disconnect();
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
