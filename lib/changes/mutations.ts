import type { NormalizedStudy } from "../ctgov/normalize";
import type { SqlTx } from "../db/bulk";
import { diffWatched, WATCHED_PART_SQL, watchedOf, watchedOfRaw } from "./diff";
import type { FieldChange } from "./schema";

/**
 * Change history, written by the sync inside the transaction that writes the trials (SPEC §10), so
 * a crash never leaves a change without its trial or the reverse. One trial_change row per trial per
 * run that changed it; trial_change_head keeps each trial's newest change so a feed sorts matching
 * trials by it without scanning the history. Both are set-based statements: a page of 1,000 new
 * trials costs one round trip.
 */

/** `watchedHash`: the incoming copy's fingerprint (watchedFingerprint), or null when it could not be made. */
export type IncomingTrial = { nctId: string; normalized: NormalizedStudy; raw: unknown; watchedHash: string | null };
/** What the sync already read about a stored trial (its page's first query): `watched_hash` is null on rows written before fingerprints. */
export type StoredState = { removed: boolean; watched_hash: string | null };

/** What recording a page did: trials that got a change row, and stored copies it had to read and compare in full. */
export type PageRecording = { recorded: number; compared: number };

const INSERT_CHANGES = `WITH ch AS (
    INSERT INTO trial_change (nct_id, run_id, fields)
    SELECT r.nct_id, $1, r.fields FROM jsonb_to_recordset($2::jsonb) AS r(nct_id text, fields jsonb)
    RETURNING id, nct_id, seen_at)
  INSERT INTO trial_change_head (nct_id, change_id, seen_at) SELECT nct_id, id, seen_at FROM ch
  ON CONFLICT (nct_id) DO UPDATE SET change_id = EXCLUDED.change_id, seen_at = EXCLUDED.seen_at`;

/**
 * Records what changed for the trials of a page the sync is about to write. Call it before the old
 * rows are replaced. `stored` maps each known trial to its state; a trial missing from it is new
 * (`added`). A known trial whose stored fingerprint equals the incoming one has nothing to record
 * (lib/changes/diff.ts, watchedFingerprint) and costs a string comparison; only the others (a
 * fingerprint that moved, or none stored yet) have their stored raw record read (its watched part
 * only) and compared in full. The trial write that follows stores the incoming fingerprint, so an
 * old row without one is compared in full once and then has one.
 */
export async function recordPageChanges(tx: SqlTx, runId: number, incoming: IncomingTrial[], stored: Map<string, StoredState>): Promise<PageRecording> {
  const rows: { nct_id: string; fields: FieldChange[] }[] = [];
  const sameFingerprint = (s: IncomingTrial) => s.watchedHash !== null && stored.get(s.nctId)?.watched_hash === s.watchedHash;
  const known = incoming.filter((s) => stored.has(s.nctId) && !sameFingerprint(s));
  const oldRaw = new Map<string, unknown>();
  if (known.length > 0) {
    const found = await tx.$queryRawUnsafe<{ nct_id: string; raw: unknown }[]>(
      `SELECT nct_id, ${WATCHED_PART_SQL} AS raw FROM trial WHERE nct_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      JSON.stringify(known.map((s) => s.nctId)),
    );
    for (const r of found) oldRaw.set(r.nct_id, typeof r.raw === "string" ? JSON.parse(r.raw) : r.raw);
  }
  for (const s of incoming) {
    const prev = stored.get(s.nctId);
    if (!prev) {
      rows.push({ nct_id: s.nctId, fields: [{ field: "added", from: null, to: null }] });
      continue;
    }
    const before = sameFingerprint(s) ? null : watchedOfRaw(oldRaw.get(s.nctId));
    const fields = before ? diffWatched(before, watchedOf(s.normalized, s.raw)) : [];
    if (prev.removed) fields.unshift({ field: "restored", from: null, to: null });
    if (fields.length) rows.push({ nct_id: s.nctId, fields });
  }
  if (rows.length > 0) await tx.$executeRawUnsafe(INSERT_CHANGES, runId, JSON.stringify(rows));
  return { recorded: rows.length, compared: known.length };
}

/**
 * The full run's removal statement with its history: marks every active trial the run did not see
 * as removed and records `removed` for each, in one statement. Its row count is the number removed.
 */
export const MARK_REMOVED_WITH_HISTORY = `WITH gone AS (
    UPDATE trial SET removed_at = now(), updated_at = now() WHERE removed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM sync_run_seen s WHERE s.run_id = $1 AND s.nct_id = trial.nct_id)
    RETURNING nct_id),
  ch AS (
    INSERT INTO trial_change (nct_id, run_id, fields)
    SELECT nct_id, $1, '[{"field":"removed","from":null,"to":null}]'::jsonb FROM gone
    RETURNING id, nct_id, seen_at)
  INSERT INTO trial_change_head (nct_id, change_id, seen_at) SELECT nct_id, id, seen_at FROM ch
  ON CONFLICT (nct_id) DO UPDATE SET change_id = EXCLUDED.change_id, seen_at = EXCLUDED.seen_at`;
