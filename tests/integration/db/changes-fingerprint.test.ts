import { describe, expect, it } from "vitest";
import { fingerprintOf, watchedFingerprint } from "../../../lib/changes/diff";
import { recordPageChanges, type StoredState } from "../../../lib/changes/mutations";
import { normalizeStudy } from "../../../lib/ctgov/normalize";
import { studySchema } from "../../../lib/ctgov/schema";
import { bulkTransaction } from "../../../lib/db/bulk";
import { fileWorld, type StudyRaw } from "../helpers/world";

// The stored fingerprint of the compared fields (trial.watched_hash, lib/changes/diff.ts): a
// rewritten trial whose fingerprint did not move is settled without reading its stored copy; a
// moved or missing one falls back to the full comparison, and the write leaves the new one behind.

const world = fileWorld({ synced: true });

const db = () => world.database.prisma;
const storedHash = async (nctId: string) => (await db().$queryRawUnsafe<{ h: string | null }[]>(`SELECT watched_hash AS h FROM trial WHERE nct_id = $1`, nctId))[0]!.h;
const setStoredHash = (nctId: string, h: string | null) => db().$executeRawUnsafe(`UPDATE trial SET watched_hash = $2 WHERE nct_id = $1`, nctId, h);
/** Edits the stored copy of a trial behind its fingerprint's back: only a sync that reads the copy can see it. */
const tamperStoredStatus = (nctId: string, status: string) =>
  db().$executeRawUnsafe(`UPDATE trial SET raw = jsonb_set(raw, '{protocolSection,statusModule,overallStatus}', to_jsonb($2::text)) WHERE nct_id = $1`, nctId, status);
const fingerprintOfRaw = (raw: unknown) => watchedFingerprint(normalizeStudy(studySchema.parse(raw)), raw);
const fingerprintOfStored = async (nctId: string) => fingerprintOfRaw((await db().trial.findUniqueOrThrow({ where: { nctId } })).raw);
const changesOfRun = (runId: number) =>
  db().$queryRawUnsafe<{ nct_id: string; fields: { field: string; from: string | null; to: string | null }[] }[]>(`SELECT nct_id, fields FROM trial_change WHERE run_id = $1 ORDER BY nct_id`, runId);
/** A later revision of the record that changes nothing compared: the sync rewrites it. */
const touch = (raw: StudyRaw, day: string) => {
  raw.protocolSection.statusModule!.lastUpdatePostDateStruct = { date: day };
};
type Sites = { locations?: unknown[] };

/** Recruiting trials with at least two sites, in a stable order (the bundled records have plenty). */
async function candidates(): Promise<string[]> {
  const rows = await db().$queryRawUnsafe<{ nct_id: string }[]>(
    `SELECT nct_id FROM trial WHERE removed_at IS NULL AND overall_status = 'RECRUITING'
       AND jsonb_array_length(COALESCE(raw #> '{protocolSection,contactsLocationsModule,locations}', '[]')) >= 2 ORDER BY nct_id LIMIT 8`,
  );
  expect(rows.length).toBe(8);
  return rows.map((r) => r.nct_id);
}

describe("the stored fingerprint of the compared fields", () => {
  it("is written with every trial the sync writes, and is the fingerprint of the stored copy", async () => {
    const rows = await db().$queryRawUnsafe<{ nct_id: string; raw: unknown; watched_hash: string | null }[]>(`SELECT nct_id, raw, watched_hash FROM trial`);
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) expect(r.watched_hash, r.nct_id).toBe(fingerprintOfRaw(r.raw));
  });

  it("settles an unchanged rewritten trial by the fingerprint alone: recordPageChanges reads no stored copy for it", async () => {
    const ids = (await candidates()).slice(0, 3);
    const stored = new Map<string, StoredState>();
    const rows = await db().$queryRawUnsafe<{ nct_id: string; raw: unknown; watched_hash: string | null }[]>(
      `SELECT nct_id, raw, watched_hash FROM trial WHERE nct_id = ANY($1::text[])`,
      ids,
    );
    const incoming = rows.map((r) => {
      stored.set(r.nct_id, { removed: false, watched_hash: r.watched_hash });
      const normalized = normalizeStudy(studySchema.parse(r.raw));
      return { nctId: r.nct_id, normalized, raw: r.raw, watchedHash: fingerprintOf(normalized, r.raw) };
    });
    // runId 0 matches no run: nothing may be inserted, or the foreign key would fail the call.
    expect(await bulkTransaction(db(), (tx) => recordPageChanges(tx, 0, incoming, stored))).toEqual({ recorded: 0, compared: 0 });
    // The same trials without a stored fingerprint are read and compared (and still record nothing).
    stored.set(ids[0]!, { removed: false, watched_hash: null });
    stored.set(ids[1]!, { removed: false, watched_hash: "stale" });
    expect(await bulkTransaction(db(), (tx) => recordPageChanges(tx, 0, incoming, stored))).toEqual({ recorded: 0, compared: 2 });
  });

  it("an unchanged re-sync records nothing and does not read the stored copy (an edit made behind the fingerprint stays unseen)", async () => {
    const [id] = await candidates();
    await world.editStudy(id!, (raw) => touch(raw, "2026-12-02"));
    const before = await storedHash(id!);
    // Had the sync read the stored copy, it would record Withdrawn → Recruiting.
    await tamperStoredStatus(id!, "WITHDRAWN");
    const outcome = await world.sync();
    expect(outcome.progress.counts.updated).toBe(1); // rewritten…
    expect(await changesOfRun(outcome.runId)).toEqual([]); // …settled by the fingerprint
    expect(await storedHash(id!)).toBe(before);
    // A second sync with nothing new rewrites nothing and records nothing.
    const again = await world.sync();
    expect(again.progress.counts.updated).toBe(0);
    expect(await changesOfRun(again.runId)).toEqual([]);
  });

  it("a changed field under a stale or missing fingerprint is still recorded, and the write fills in the new fingerprint", async () => {
    const [, missing, stale, quiet] = await candidates();
    for (const id of [missing!, stale!]) await world.setStatus(id, "ACTIVE_NOT_RECRUITING");
    await world.editStudy(quiet!, (raw) => touch(raw, "2026-12-03"));
    await setStoredHash(missing!, null); // a row written before fingerprints existed
    await setStoredHash(stale!, "stale");
    await setStoredHash(quiet!, null); // no fingerprint and nothing compared changed
    const outcome = await world.sync();
    expect(outcome.progress.counts.updated).toBe(3);
    const status = [{ field: "status", from: "Recruiting", to: "Active, not recruiting" }];
    expect(await changesOfRun(outcome.runId)).toEqual([...[missing!, stale!].map((nct_id) => ({ nct_id, fields: status }))].sort((a, b) => a.nct_id.localeCompare(b.nct_id)));
    for (const id of [missing!, stale!, quiet!]) {
      const h = await storedHash(id);
      expect(h, id).not.toBeNull();
      expect(h, id).toBe(await fingerprintOfStored(id));
    }
  });

  it("a whitespace or re-ordering edit is not a change: it moves the fingerprint, and the full comparison finds nothing", async () => {
    const [, , , , withHash, withoutHash] = await candidates();
    const noisy = (raw: StudyRaw) => {
      const id = raw.protocolSection.identificationModule!;
      id.briefTitle = `  ${String(id.briefTitle).replace(/ /g, "  ")}\n`;
      (raw.protocolSection.contactsLocationsModule as Sites).locations!.reverse();
      touch(raw, "2026-12-04");
    };
    const before = await storedHash(withHash!);
    await world.editStudy(withHash!, noisy);
    await world.editStudy(withoutHash!, noisy);
    await setStoredHash(withoutHash!, null);
    const outcome = await world.sync();
    expect(outcome.progress.counts.updated).toBe(2);
    expect(await changesOfRun(outcome.runId)).toEqual([]);
    // It hashes the inputs as they are: the noisy copy has another fingerprint, now stored.
    expect(await storedHash(withHash!)).not.toBe(before);
    for (const id of [withHash!, withoutHash!]) expect(await storedHash(id), id).toBe(await fingerprintOfStored(id));
  });
});
