import { MARK_REMOVED_WITH_HISTORY, recordPageChanges } from "../changes/mutations";
import { bulkTransaction, type SqlTx } from "../db/bulk";
import { RULES_VERSION } from "../eligibility/read";
import type { PrismaClient } from "../generated/prisma/client";
import { joined, toJson, TRIAL_COLUMNS, TRIAL_NAMES, type InvalidStudy, type ValidStudy } from "./encode";

/**
 * Every write to sync_run (and its sync_run_seen scratch rows) lives here; reads are in lib/sync/data.ts.
 * Writes take the run's id and a client: the sync job passes its page transaction, the claim its
 * advisory-locked one (lib/sync/lock.ts).
 *
 * A page of studies is written in one transaction: trials upserted, their child rows replaced, invalid
 * records quarantined with their raw JSON, seen IDs noted for the full run's reconciliation, and the
 * run's counters moved, so the counts always describe exactly what is committed. Bulk statements
 * over jsonb_to_recordset keep a 1,000-study page to a handful of round trips.
 */

type Sql = Pick<SqlTx, "$executeRawUnsafe">;

export type PageCounts = { fetched: number; inserted: number; updated: number; unchanged: number; restored: number; invalid: number };

export class LostRunError extends Error {
  constructor(runId: number) {
    super(`run ${runId} is no longer running here: another process marked it abandoned`);
  }
}

/** Opens a run as the running one (the partial unique index on status = 'running' allows one). */
export async function insertRunningRun(tx: Pick<SqlTx, "$queryRawUnsafe">, run: { mode: string; trigger: string; host: string; pid: number }): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO sync_run (mode, trigger, status, started_at, heartbeat_at, host, pid) VALUES ($1, $2, 'running', now(), now(), $3, $4) RETURNING id`,
    run.mode,
    run.trigger,
    run.host,
    run.pid,
  );
  return rows[0]!.id;
}

/** Ends a running run that has no live holder; its seen rows go with it. */
export async function markRunAbandoned(tx: Sql, runId: number, reason: string) {
  await tx.$executeRawUnsafe(
    `UPDATE sync_run SET status = 'abandoned', finished_at = now(), error = $2 WHERE id = $1 AND status = 'running'`,
    runId,
    `abandoned: ${reason}; the next run picks up the work`,
  );
  await tx.$executeRawUnsafe(`DELETE FROM sync_run_seen WHERE run_id = $1`, runId);
}

/**
 * The run's guard: touches the row only while its status is 'running'. Returns false when the run is
 * no longer ours (someone marked it abandoned): the caller must stop.
 */
export async function heartbeat(db: Sql, runId: number): Promise<boolean> {
  const count = await db.$executeRawUnsafe(`UPDATE sync_run SET heartbeat_at = now() WHERE id = $1 AND status = 'running'`, runId);
  return count === 1;
}

/** A process that lost its run must not write: the guard as the first statement of every write transaction. */
async function fence(db: Sql, runId: number) {
  if (!(await heartbeat(db, runId))) throw new LostRunError(runId);
}

/** What the run asked ClinicalTrials.gov, once it knows. */
export async function recordRunQuery(prisma: PrismaClient, runId: number, q: { query: string; since: Date | null; dataTimestamp: string | null }) {
  await prisma.syncRun.update({ where: { id: runId }, data: q });
}

/** The size the API announced with the first page. */
export async function recordRunExpected(prisma: PrismaClient, runId: number, e: { totalExpected: number | null; pagesExpected: number | null }) {
  await prisma.syncRun.update({ where: { id: runId }, data: e });
}

/** Records why the run ended; a run already ended elsewhere (abandoned) keeps its status. */
export async function markRunFailed(prisma: PrismaClient, runId: number, reason: string) {
  await prisma.syncRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "failed", finishedAt: new Date(), error: reason.slice(0, 2000) } });
}

/** The run's seen IDs matter only until it ends. */
export async function clearRunSeen(prisma: PrismaClient, runId: number) {
  await prisma.syncRunSeen.deleteMany({ where: { runId } });
}

const UPSERT_TRIALS = `INSERT INTO trial (${TRIAL_NAMES.join(", ")}, removed_at, first_seen_at, last_synced_at, updated_at)
  SELECT ${TRIAL_NAMES.map((c) => `r.${c}`).join(", ")}, NULL, now(), now(), now()
  FROM jsonb_to_recordset($1::jsonb) AS r(${TRIAL_COLUMNS})
  ON CONFLICT (nct_id) DO UPDATE SET ${TRIAL_NAMES.filter((c) => c !== "nct_id")
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(", ")}, removed_at = NULL, last_synced_at = now(), updated_at = now()`;

const INSERT_INTERVENTIONS = `INSERT INTO intervention (nct_id, position, type, name, description, other_names, arm_group_labels)
  SELECT r.nct_id, r.position, r.type, r.name, r.description, r.other_names, r.arm_group_labels
  FROM jsonb_to_recordset($1::jsonb) AS r(nct_id text, position int, type text, name text, description text, other_names text[], arm_group_labels text[])`;

const INSERT_ARM_GROUPS = `INSERT INTO arm_group (nct_id, position, label, type, description, intervention_names)
  SELECT r.nct_id, r.position, r.label, r.type, r.description, r.intervention_names
  FROM jsonb_to_recordset($1::jsonb) AS r(nct_id text, position int, label text, type text, description text, intervention_names text[])`;

const INSERT_SITES = `INSERT INTO site (nct_id, position, facility, status, city, state, zip, country, lat, lon, contacts)
  SELECT r.nct_id, r.position, r.facility, r.status, r.city, r.state, r.zip, r.country, r.lat, r.lon, COALESCE(r.contacts, '[]'::jsonb)
  FROM jsonb_to_recordset($1::jsonb) AS r(nct_id text, position int, facility text, status text, city text, state text, zip text, country text, lat float8, lon float8, contacts jsonb)`;

/** MARK_REMOVED_WITH_HISTORY without the history: only for a run that does not record changes (the bench's comparison). */
const MARK_REMOVED = `UPDATE trial SET removed_at = now(), updated_at = now() WHERE removed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM sync_run_seen s WHERE s.run_id = $1 AND s.nct_id = trial.nct_id)`;

/** A statement failed because of the data (bad value, out of range, bad encoding), not the connection or the lock. */
export function isDataError(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ""} ${(err as Error)?.message ?? ""} ${JSON.stringify((err as { meta?: unknown })?.meta ?? "")}`;
  return /\b22[0-9A-Z]{3}\b|out of range|invalid input|unsupported Unicode|invalid byte sequence|date\/time field value|value too long|invalid escape|malformed array/i.test(text);
}

/**
 * Change history is recorded unless `recordChanges` is false, which only bench:sync asks for (through
 * runSync's benchOnlySkipChangeRecording): the same trials written without their history, to
 * measure what the history costs.
 */
type Page = { valid: ValidStudy[]; invalid: InvalidStudy[]; trackSeen: boolean; recordChanges?: boolean };

/**
 * Writes a page in one transaction. If the database rejects a value the schema let through (a year
 * 0000, an overflowing number, …) the page is split in halves and retried until the offending record
 * stands alone; it is then quarantined like any invalid record and the rest land.
 */
export async function writePage(prisma: PrismaClient, runId: number, page: Page, classifierVersion: number): Promise<PageCounts> {
  try {
    return await writeBatch(prisma, runId, page, classifierVersion, true);
  } catch (err) {
    if (!isDataError(err) || page.valid.length === 0) throw err;
    const counts = await writeBisecting(prisma, runId, page, classifierVersion);
    // The halves did not count the page (countPage false): count it once, under the same guard.
    const count = await prisma.$executeRawUnsafe(`UPDATE sync_run SET pages_done = pages_done + 1 WHERE id = $1 AND status = 'running'`, runId);
    if (count !== 1) throw new LostRunError(runId);
    return counts;
  }
}

async function writeBisecting(prisma: PrismaClient, runId: number, page: Page, classifierVersion: number): Promise<PageCounts> {
  try {
    return await writeBatch(prisma, runId, page, classifierVersion, false);
  } catch (err) {
    if (!isDataError(err)) throw err;
    if (page.valid.length === 1) {
      const s = page.valid[0]!;
      const error = `rejected by the database: ${((err as Error).message.split("\n").pop() ?? "").slice(0, 500)}`;
      const quarantined = { raw: s.raw, nctId: s.normalized.trial.nctId, error };
      return writeBatch(prisma, runId, { ...page, valid: [], invalid: [...page.invalid, quarantined] }, classifierVersion, false);
    }
    const half = Math.ceil(page.valid.length / 2);
    const a = await writeBisecting(prisma, runId, { ...page, valid: page.valid.slice(0, half) }, classifierVersion);
    const b = await writeBisecting(prisma, runId, { ...page, valid: page.valid.slice(half), invalid: [] }, classifierVersion);
    return Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof PageCounts] + b[k as keyof PageCounts]])) as PageCounts;
  }
}

async function writeBatch(prisma: PrismaClient, runId: number, page: Page, classifierVersion: number, countPage: boolean): Promise<PageCounts> {
  // The same study twice in a page (paging over changing data): keep the last copy.
  const byId = new Map(page.valid.map((s) => [s.normalized.trial.nctId, s]));
  const valid = [...byId.values()];
  const ids = [...byId.keys()];
  return bulkTransaction(prisma, async (tx) => {
      // First statement: the guard. It also row-locks the run, so a claimer marking it abandoned waits for this page.
      await fence(tx, runId);
      const existing = await tx.$queryRawUnsafe<{ nct_id: string; raw_hash: string; watched_hash: string | null; removed: boolean; classifier_version: number; eligibility_version: number }[]>(
        `SELECT nct_id, raw_hash, watched_hash, removed_at IS NOT NULL AS removed, classifier_version, eligibility_version FROM trial WHERE nct_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        toJson(ids),
      );
      const known = new Map(existing.map((r) => [r.nct_id, r]));
      const counts: PageCounts = { fetched: valid.length + page.invalid.length, inserted: 0, updated: 0, unchanged: 0, restored: 0, invalid: page.invalid.length };
      const changed: ValidStudy[] = [];
      for (const s of valid) {
        const prev = known.get(s.normalized.trial.nctId);
        if (!prev) {
          counts.inserted++;
          changed.push(s);
        } else if (prev.raw_hash === s.rawHash && !prev.removed && prev.classifier_version === classifierVersion && prev.eligibility_version === RULES_VERSION) {
          counts.unchanged++; // counted, not rewritten
        } else {
          if (prev.removed) counts.restored++;
          if (prev.raw_hash !== s.rawHash || prev.classifier_version !== classifierVersion || prev.eligibility_version !== RULES_VERSION) counts.updated++;
          changed.push(s);
        }
      }
      if (changed.length > 0) {
        // Change history (lib/changes) reads the stored copies, so it goes before they are replaced.
        if (page.recordChanges !== false) await recordPageChanges(tx, runId, changed.map((s) => ({ nctId: s.normalized.trial.nctId, normalized: s.normalized, raw: s.raw, watchedHash: s.watchedHash })), known);
        // Old child rows go first, then the trials (with their countries), then the new children: the
        // site triggers then find every trial's countries already right and rewrite nothing.
        // New trials have no child rows to delete.
        const replacedIds = changed.filter((s) => known.has(s.normalized.trial.nctId)).map((s) => s.normalized.trial.nctId);
        if (replacedIds.length > 0) {
          for (const table of ["intervention", "arm_group", "site"]) {
            await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE nct_id IN (SELECT jsonb_array_elements_text($1::jsonb))`, toJson(replacedIds));
          }
        }
        await tx.$executeRawUnsafe(UPSERT_TRIALS, joined(changed, "trial", classifierVersion));
        const interventions = joined(changed, "interventions", classifierVersion);
        const armGroups = joined(changed, "armGroups", classifierVersion);
        const sites = joined(changed, "sites", classifierVersion);
        if (interventions !== "[]") await tx.$executeRawUnsafe(INSERT_INTERVENTIONS, interventions);
        if (armGroups !== "[]") await tx.$executeRawUnsafe(INSERT_ARM_GROUPS, armGroups);
        if (sites !== "[]") await tx.$executeRawUnsafe(INSERT_SITES, sites);
      }
      if (page.invalid.length > 0) {
        await tx.$executeRawUnsafe(
          `INSERT INTO invalid_record (run_id, nct_id, raw, error) SELECT $1, r.nct_id, r.raw, r.error FROM jsonb_to_recordset($2::jsonb) AS r(nct_id text, raw jsonb, error text)`,
          runId,
          toJson(page.invalid.map((i) => ({ nct_id: i.nctId, raw: i.raw, error: i.error }))),
        );
      }
      if (page.trackSeen) {
        // Invalid records are still on ClinicalTrials.gov: seeing them keeps their old copy from being marked removed.
        const seen = [...ids, ...page.invalid.flatMap((i) => (i.nctId ? [i.nctId] : []))];
        await tx.$executeRawUnsafe(
          `INSERT INTO sync_run_seen (run_id, nct_id) SELECT $1, x FROM jsonb_array_elements_text($2::jsonb) AS x ON CONFLICT DO NOTHING`,
          runId,
          toJson(seen),
        );
      }
      await tx.$executeRawUnsafe(
        `UPDATE sync_run SET fetched = fetched + $2, inserted = inserted + $3, updated = updated + $4, unchanged = unchanged + $5,
           restored = restored + $6, invalid = invalid + $7, pages_done = pages_done + $8, heartbeat_at = now() WHERE id = $1`,
        runId,
        counts.fetched,
        counts.inserted,
        counts.updated,
        counts.unchanged,
        counts.restored,
        counts.invalid,
        countPage ? 1 : 0,
      );
      return counts;
  });
}

/**
 * Ends a run in one guarded transaction. A full run first checks it saw (nearly) every study the API
 * said it would — a run cut short must not mark the rest removed — then marks every active trial it
 * did not see as removed (kept, out of search), then records success.
 */
export async function finishRun(
  prisma: PrismaClient,
  runId: number,
  opts: { reconcile: boolean; totalExpected: number | null; unidentified: number; highWater: Date | null; recordChanges?: boolean },
): Promise<{ removed: number }> {
  return bulkTransaction(prisma, async (tx) => {
      await fence(tx, runId);
      let removed = 0;
      if (opts.reconcile) {
        const [{ seen }] = (await tx.$queryRawUnsafe<{ seen: number }[]>(`SELECT count(*)::int AS seen FROM sync_run_seen WHERE run_id = $1`, runId)) as [{ seen: number }];
        const accounted = seen + opts.unidentified;
        const expected = opts.totalExpected ?? 0;
        // Studies can move in and out of the result set while a run pages through it: allow a little churn.
        if (accounted < expected - Math.max(5, Math.ceil(expected * 0.01))) {
          throw new Error(`the full run saw ${accounted} of the ${expected} studies ClinicalTrials.gov reported; not marking any trial removed`);
        }
        // Marks the unseen trials removed and records it in their history (lib/changes), in one statement.
        removed = await tx.$executeRawUnsafe(opts.recordChanges === false ? MARK_REMOVED : MARK_REMOVED_WITH_HISTORY, runId);
      }
      await tx.$executeRawUnsafe(
        `UPDATE sync_run SET status = 'succeeded', finished_at = now(), removed = $2, high_water = $3::date WHERE id = $1 AND status = 'running'`,
        runId,
        removed,
        opts.highWater ? opts.highWater.toISOString().slice(0, 10) : null,
      );
      return { removed };
  });
}
