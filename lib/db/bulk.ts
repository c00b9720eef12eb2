import pg from "pg";
import type { PrismaClient } from "../generated/prisma/client";
import { isEmbeddedUrl } from "./embedded";

/**
 * Bulk writes straight through node-postgres. The sync sends each page as a few multi-megabyte JSON
 * parameters; through Prisma's raw-query path every one is re-encoded and decoded again in
 * JavaScript, which cost more than the classification of the page. Same database, same session
 * settings (UTC), a small pool of its own; callers keep Prisma's method names so the transaction
 * bodies read the same either way (and fall back to Prisma when the client's URL is unknown).
 */

export type SqlTx = {
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number>;
};

const urls = new WeakMap<object, string>();
const pools = new Map<string, pg.Pool>();

/** Called by createPrisma: lets bulk writes reach the same database without Prisma in the way. */
export function rememberConnectionString(client: object, connectionString: string) {
  // Embedded PGlite: stay on the client's single connection (lib/db/client.ts says why).
  if (!isEmbeddedUrl(connectionString)) urls.set(client, connectionString);
}

function poolFor(url: string): pg.Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({
      connectionString: url,
      max: 2,
      options: "-c TimeZone=UTC",
      connectionTimeoutMillis: 10_000,
      statement_timeout: 120_000,
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
    });
    // An idle connection the server dropped (restart, DROP DATABASE … FORCE) must not crash the process.
    pool.on("error", () => {});
    pools.set(url, pool);
  }
  return pool;
}

export async function bulkTransaction<T>(prisma: PrismaClient, fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  const url = urls.get(prisma);
  if (!url) return prisma.$transaction((tx) => fn(tx as unknown as SqlTx), { maxWait: 30_000, timeout: 120_000 });
  const client = await poolFor(url).connect();
  // A connection lost between two statements (pg_terminate_backend, a restart) arrives as an 'error'
  // event on the checked-out client, which the pool does not listen to: unheard, it crashes the
  // process. Heard, it fails this transaction with the server's reason.
  let lost: Error | undefined;
  const onLost = (err: Error) => {
    lost ??= err;
  };
  client.on("error", onLost);
  let broken = false;
  try {
    await client.query("BEGIN");
    const tx: SqlTx = {
      $queryRawUnsafe: async <R>(sql: string, ...params: unknown[]) => (await client.query(sql, params)).rows as R,
      $executeRawUnsafe: async (sql: string, ...params: unknown[]) => (await client.query(sql, params)).rowCount ?? 0,
    };
    const result = await fn(tx);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    // The first failure is the one that explains (a lost connection fails every statement after it).
    const cause = lost ?? err;
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw cause;
  } finally {
    client.removeListener("error", onLost);
    client.release(broken || lost !== undefined);
  }
}

export async function endBulkPools() {
  await Promise.all([...pools.values()].map((p) => p.end().catch(() => {})));
  pools.clear();
}
