import pg from "pg";

/**
 * Evidence that requests wrote nothing: the row count of every table, and Postgres' own counters of
 * rows inserted, updated and deleted per table (pg_stat_user_tables), which move even when a write
 * is undone by another or rolled back.
 */
export type WriteSnapshot = { counts: Record<string, number>; tuples: Record<string, { ins: number; upd: number; del: number }> };

export async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replace(/"/g, '""')}"`);
    counts[name] = rows[0]!.n;
  }
  return counts;
}

/**
 * Row counts and tuple counters of `url`'s database. Backends report their counters when they end
 * or go idle (at most once a second, or ten seconds later when busy), so this first waits until no
 * other client is connected, then reads a fresh statistics snapshot.
 */
export async function writeSnapshot(url: string): Promise<WriteSnapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
      );
      if (rows[0]!.n === 0) break;
      if (Date.now() > deadline) throw new Error(`other clients still connected to the database after 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await new Promise((r) => setTimeout(r, 2_000));
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ name: string; ins: string; upd: string; del: string }>(
      `SELECT relname AS name, n_tup_ins AS ins, n_tup_upd AS upd, n_tup_del AS del FROM pg_stat_user_tables WHERE schemaname = current_schema() ORDER BY 1`,
    );
    const tuples: WriteSnapshot["tuples"] = {};
    for (const r of rows) tuples[r.name] = { ins: Number(r.ins), upd: Number(r.upd), del: Number(r.del) };
    return { counts: await rowCounts(client), tuples };
  } finally {
    await client.end().catch(() => {});
  }
}
