import pg from "pg";

/**
 * Looking at (and shooting at) a database from outside the process under test. Every call opens its
 * own short-lived connection, so a probe keeps working across a restart that killed the last one.
 */

/** The URL with an application_name, which names a process's connections in pg_stat_activity and the server log. */
export function withAppName(url: string, name: string): string {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  return u.toString();
}

export async function sql<T extends object = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC", connectionTimeoutMillis: 5_000 });
  client.on("error", () => {}); // a restart may drop it between statements
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Like sql(), but undefined while the database cannot be reached (for polling across an outage). */
export async function sqlIfUp<T extends object = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[] | undefined> {
  try {
    return await sql<T>(url, text, params);
  } catch {
    return undefined;
  }
}

export type RunRow = {
  id: number;
  status: string;
  trigger: string;
  mode: string;
  error: string | null;
  pid: number | null;
  pages_done: number;
  fetched: number;
  inserted: number;
  started_at: Date;
  finished_at: Date | null;
};

export async function syncRuns(url: string): Promise<RunRow[]> {
  return sql<RunRow>(url, `SELECT id, status, trigger, mode, error, pid, pages_done, fetched, inserted, started_at, finished_at FROM sync_run ORDER BY id`);
}

export type KilledBackend = { pid: number; state: string; query: string };

/**
 * pg_terminate_backend on the backends of one database and application_name, optionally only those
 * matching an extra condition on pg_stat_activity. Chosen first (a materialised CTE: in a plain WHERE
 * the planner may call pg_terminate_backend before the other conditions), then killed, so what is
 * reported is what each backend was doing when it was shot.
 */
export async function terminateBackends(adminUrl: string, database: string, applicationName: string, where = "true"): Promise<KilledBackend[]> {
  return sql<KilledBackend>(
    adminUrl,
    `WITH victim AS MATERIALIZED (
       SELECT pid, state, left(query, 120) AS query FROM pg_stat_activity
        WHERE datname = $1 AND application_name = $2 AND pid <> pg_backend_pid() AND (${where}))
     SELECT pid, state, query FROM victim WHERE pg_terminate_backend(pid)`,
    [database, applicationName],
  );
}

/**
 * Takes a table lock in a transaction of its own and keeps it until release(): a writer that needs a
 * conflicting lock waits there, in the middle of its own transaction, where a test can shoot it.
 */
export async function holdTableLock(url: string, table: string, mode = "SHARE"): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  await client.connect();
  await client.query("BEGIN");
  await client.query(`LOCK TABLE ${table} IN ${mode} MODE`);
  return {
    async release() {
      await client.query("ROLLBACK").catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
