import { createHash } from "node:crypto";
import pg from "pg";

/**
 * A normalised dump of what the finder serves: every trial with its search row, interventions, arm
 * groups and sites, with the columns that legitimately differ between two equal syncs left out
 * (surrogate ids of child rows, and the times a row was first seen, synced or updated). Two databases
 * with equal dumps hold the same trials, the same child rows and the same classifications.
 */
const DUMPED_TABLES: Record<string, string[]> = {
  trial: ["first_seen_at", "last_synced_at", "updated_at"],
  trial_search: [],
  intervention: ["id"],
  arm_group: ["id"],
  site: ["id"],
};

export type Dump = { tables: Record<string, string[]>; digest: string; counts: Record<string, number> };

export async function normalisedDump(url: string): Promise<Dump> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const tables: Record<string, string[]> = {};
    const counts: Record<string, number> = {};
    const hash = createHash("sha256");
    for (const [table, volatile] of Object.entries(DUMPED_TABLES)) {
      // search_doc is a tsvector: to_jsonb gives its canonical text, equal for equal input.
      const { rows } = await client.query<{ r: string }>(`SELECT (to_jsonb(x) - $1::text[])::text AS r FROM ${table} x ORDER BY 1`, [volatile]);
      tables[table] = rows.map((row) => row.r);
      counts[table] = rows.length;
      hash.update(`${table}\n`);
      for (const row of rows) hash.update(`${row.r}\n`);
    }
    return { tables, counts, digest: hash.digest("hex") };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A short, readable account of how two dumps differ (first few rows per table), for assertion messages. */
export function describeDifference(a: Dump, b: Dump, maxRows = 3): string {
  const lines: string[] = [];
  for (const table of Object.keys(DUMPED_TABLES)) {
    const left = new Set(a.tables[table]);
    const right = new Set(b.tables[table]);
    const onlyA = a.tables[table]!.filter((r) => !right.has(r));
    const onlyB = b.tables[table]!.filter((r) => !left.has(r));
    if (!onlyA.length && !onlyB.length) continue;
    lines.push(`${table}: ${a.counts[table]} vs ${b.counts[table]} rows; ${onlyA.length} only in the first, ${onlyB.length} only in the second`);
    for (const r of onlyA.slice(0, maxRows)) lines.push(`  - ${r.slice(0, 300)}`);
    for (const r of onlyB.slice(0, maxRows)) lines.push(`  + ${r.slice(0, 300)}`);
  }
  return lines.join("\n") || "no difference";
}
