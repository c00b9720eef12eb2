import type pg from "pg";

/**
 * Grows a database that a real sync filled from the stand-in to `n` trials: synthetic copies of the
 * real records (NCT9xxxxxxx ids, dates moved back 1..1095 days, every site moved to a real site
 * location seen in the data), the same recipe as the stand-in's synthetic mode, done in SQL because
 * pushing 100,000 records through the sync would take the benchmark's whole budget. The free-text
 * document is copied from the template (the trigger is off while copying), and `raw` is a small
 * marker instead of a 100,000-fold copy of the JSON, which search never reads.
 */
export async function growToSynthetic(client: pg.Client, n: number) {
  const { rows: cols } = await client.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'trial' AND table_schema = current_schema() ORDER BY ordinal_position`,
  );
  const exprs = cols.map(({ column_name: c, data_type: t }) => {
    if (c === "nct_id") return `'NCT9' || lpad(g::text, 7, '0')`;
    if (c === "raw") return `jsonb_build_object('synthetic', true, 'template', t.nct_id)`;
    if (c === "raw_hash") return `md5(g::text)`;
    if (t === "date") return `t.${c} - sh.days`;
    return `t.${c}`;
  });
  const { rows: counts } = await client.query<{ real: number }>(`SELECT count(*)::int AS real FROM trial WHERE removed_at IS NULL`);
  // Synthetic ids continue after those of an earlier call, so the data can be grown in steps.
  const { rows: prior } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM trial WHERE nct_id LIKE 'NCT9%' AND raw ? 'synthetic'`);
  const start = prior[0]!.n;
  const synthetic = Math.max(0, n - counts[0]!.real);
  await client.query(`ALTER TABLE trial DISABLE TRIGGER trial_search_doc_trg`);
  await client.query(`DROP TABLE IF EXISTS pg_temp.tpl; DROP TABLE IF EXISTS pg_temp.places`);
  await client.query(`CREATE TEMP TABLE tpl AS SELECT (row_number() OVER (ORDER BY nct_id) - 1)::int AS k, * FROM trial WHERE removed_at IS NULL AND NOT raw ? 'synthetic'`);
  await client.query(
    `CREATE TEMP TABLE places AS SELECT (row_number() OVER (ORDER BY country, state, city, facility, zip) - 1)::int AS k, * FROM
       (SELECT DISTINCT facility, city, state, zip, country, lat, lon FROM site WHERE lat IS NOT NULL AND city IS NOT NULL AND country IS NOT NULL) x`,
  );
  const { rows: sizes } = await client.query<{ tpl: number; places: number }>(`SELECT (SELECT count(*) FROM tpl)::int AS tpl, (SELECT count(*) FROM places)::int AS places`);
  const { tpl, places } = sizes[0]!;
  const BATCH = 20_000;
  for (let from = start; from < start + synthetic; from += BATCH) {
    const to = Math.min(start + synthetic, from + BATCH) - 1;
    await client.query(
      `INSERT INTO trial (${cols.map((c) => c.column_name).join(", ")})
       SELECT ${exprs.join(", ")} FROM generate_series(${from}, ${to}) g
       JOIN tpl t ON t.k = g % ${tpl}
       CROSS JOIN LATERAL (SELECT (1 + (g::bigint * 2654435761) % 1095)::int AS days) sh`,
    );
    await client.query(
      `INSERT INTO site (nct_id, position, facility, status, city, state, zip, country, lat, lon, contacts)
       SELECT 'NCT9' || lpad(g::text, 7, '0'), s.position, p.facility, s.status, p.city, p.state, p.zip, p.country, p.lat, p.lon, s.contacts
       FROM generate_series(${from}, ${to}) g
       JOIN tpl t ON t.k = g % ${tpl}
       JOIN site s ON s.nct_id = t.nct_id
       JOIN places p ON p.k = ((g::bigint * 7919 + s.position * 104729 + 17) % ${places})`,
    );
  }
  await client.query(`ALTER TABLE trial ENABLE TRIGGER trial_search_doc_trg`);
  await client.query(`ANALYZE trial; ANALYZE site`);
  const { rows: final } = await client.query<{ trials: number; sites: number }>(
    `SELECT (SELECT count(*) FROM trial WHERE removed_at IS NULL)::int AS trials, (SELECT count(*) FROM site)::int AS sites`,
  );
  return { ...final[0]!, templates: tpl, places };
}
