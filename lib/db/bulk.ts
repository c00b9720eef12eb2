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

/**
 * The bulk pool of a database (two connections), or with `second`, the pool snapshotReads takes its
 * second connection from: a pool of its own, so a read holding a bulk connection never waits for
 * another one while a sync in the same process waits for it.
 */
function poolFor(url: string, second = false): pg.Pool {
  const key = second ? `second:${url}` : url;
  let pool = pools.get(key);
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
    pools.set(key, pool);
  }
  return pool;
}

export async function bulkTransaction<T>(prisma: PrismaClient, fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  const url = urls.get(prisma);
  if (!url) return prisma.$transaction((tx) => fn(tx as unknown as SqlTx), { maxWait: 30_000, timeout: 120_000 });
  return inTransaction(poolFor(url), "BEGIN", fn);
}

const SNAPSHOT_READ = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

/**
 * Two reads of one REPEATABLE READ snapshot. On Postgres they run at the same time on two
 * connections, the second importing the first's snapshot (pg_export_snapshot, as pg_dump's parallel
 * workers do), so the server works on one while this process decodes the other. One after the other
 * through Prisma (PGlite has a single connection). JIT is off: bulk reads are plain scans, whose
 * compilation cost more than it saved.
 */
export async function snapshotReads<A, B>(prisma: PrismaClient, first: (tx: SqlTx) => Promise<A>, second: (tx: SqlTx) => Promise<B>): Promise<[A, B]> {
  const url = urls.get(prisma);
  if (!url)
    return bulkTransaction(prisma, async (tx) => {
      await tx.$executeRawUnsafe("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      await tx.$executeRawUnsafe("SET LOCAL jit = off");
      return [await first(tx), await second(tx)];
    });
  return inTransaction(poolFor(url), SNAPSHOT_READ, async (a) => {
    await a.$executeRawUnsafe("SET LOCAL jit = off");
    const [row] = await a.$queryRawUnsafe<{ id: string }[]>("SELECT pg_export_snapshot() AS id");
    const id = row?.id ?? "";
    if (!/^[0-9A-F-]+$/i.test(id)) throw new Error(`unexpected snapshot id ${JSON.stringify(id)}`);
    let onSnapshot = false;
    const beside = inTransaction(poolFor(url, true), SNAPSHOT_READ, async (b) => {
      await b.$executeRawUnsafe(`SET TRANSACTION SNAPSHOT '${id}'`);
      await b.$executeRawUnsafe("SET LOCAL jit = off");
      onSnapshot = true;
      return second(b);
    });
    // Handled now (a failure beside while `first` runs is not an unhandled rejection), awaited below.
    beside.catch(() => {});
    let done: A;
    try {
      done = await first(a);
    } catch (err) {
      await beside.catch(() => {});
      throw err;
    }
    try {
      return [done, await beside];
    } catch (err) {
      // No second connection on this snapshot (none free in time, or a server that cannot import it):
      // the second read runs here, after the first, as through Prisma. A failure of the read itself stands.
      if (onSnapshot) throw err;
      return [done, await second(a)];
    }
  });
}

/** One transaction on a connection of `pool`, opened with `begin`. */
async function inTransaction<T>(pool: pg.Pool, begin: string, fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
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
    await client.query(begin);
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
