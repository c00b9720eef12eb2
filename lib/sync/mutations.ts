import { createHash } from "node:crypto";
import type { Classification } from "../classify/schema";
import type { NormalizedStudy } from "../ctgov/normalize";
import { readEligibility, RULES_VERSION } from "../eligibility/read";
import type { PrismaClient } from "../generated/prisma/client";
import { bulkTransaction, type SqlTx } from "../db/bulk";
import { MARK_REMOVED_WITH_HISTORY, recordPageChanges } from "../changes/mutations";
import { LostRunError } from "./lock";

/**
 * Writes one page of studies in one transaction: trials upserted, their child rows replaced, invalid
 * records quarantined with their raw JSON, seen IDs noted for the full run's reconciliation, and the
 * run's counters moved, so the counts always describe exactly what is committed. Bulk statements
 * over jsonb_to_recordset keep a 1,000-study page to a handful of round trips.
 */

export type ValidStudy = {
  raw: unknown;
  rawJson: string;
  rawHash: string;
  normalized: NormalizedStudy;
  classification: Classification;
  /** The study's rows as JSON, built while the page is prepared (see encodeRows); built on demand when absent. */
  encoded?: EncodedRows;
};
type EncodedRows = { trial: string; interventions: string; armGroups: string; sites: string };
export type InvalidStudy = { raw: unknown; nctId: string | null; error: string };
export type PageCounts = { fetched: number; inserted: number; updated: number; unchanged: number; restored: number; invalid: number };

export function hashRaw(rawJson: string) {
  return createHash("sha256").update(rawJson).digest("hex");
}

const TRIAL_COLUMNS = `nct_id text, brief_title text, official_title text, acronym text, brief_summary text, overall_status text,
  study_type text, phases text[], start_date date, primary_completion_date date, completion_date date, status_verified_date date,
  first_post_date date, last_update_post_date date, sponsor_name text, sponsor_class text, conditions text[], keywords text[],
  enrollment_count int, enrollment_type text, sex text, minimum_age text, maximum_age text, min_age_years float8, max_age_years float8,
  healthy_volunteers boolean, eligibility_criteria text, central_contacts jsonb, has_results boolean, results_published boolean, data_version text, raw jsonb,
  raw_hash text, therapy text[], source text[], donor text, route text[], phase text[], flags text[], why jsonb, classifier_version int,
  countries text[], eligibility jsonb, eligibility_version int`;

const TRIAL_NAMES = TRIAL_COLUMNS.split(",").map((c) => c.trim().split(/\s+/)[0]!);

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

function trialRecord(s: ValidStudy, classifierVersion: number) {
  const t = s.normalized.trial;
  const c = s.classification;
  return {
    nct_id: t.nctId,
    brief_title: t.briefTitle,
    official_title: t.officialTitle,
    acronym: t.acronym,
    brief_summary: t.briefSummary,
    overall_status: t.overallStatus,
    study_type: t.studyType,
    phases: t.phases,
    start_date: t.startDate,
    primary_completion_date: t.primaryCompletionDate,
    completion_date: t.completionDate,
    status_verified_date: t.statusVerifiedDate,
    first_post_date: t.firstPostDate,
    last_update_post_date: t.lastUpdatePostDate,
    sponsor_name: t.sponsorName,
    sponsor_class: t.sponsorClass,
    conditions: t.conditions,
    keywords: t.keywords,
    enrollment_count: t.enrollmentCount,
    enrollment_type: t.enrollmentType,
    sex: t.sex,
    minimum_age: t.minimumAge,
    maximum_age: t.maximumAge,
    min_age_years: t.minAgeYears,
    max_age_years: t.maxAgeYears,
    healthy_volunteers: t.healthyVolunteers,
    eligibility_criteria: t.eligibilityCriteria,
    central_contacts: t.centralContacts,
    has_results: t.hasResults,
    results_published: t.resultsPublished,
    data_version: t.dataVersion,
    raw_hash: s.rawHash,
    therapy: c.therapy,
    source: c.source,
    donor: c.donor,
    route: c.route,
    phase: c.phase,
    flags: c.flags,
    why: c.why,
    classifier_version: classifierVersion,
    // Written with the trial: the site triggers then have nothing to correct (migration cheaper_search_triggers).
    countries: [...new Set(s.normalized.sites.flatMap((site) => (site.country ? [site.country] : [])))].sort(),
    // Read with the trial and written in the same statement, so rules never describe another copy of the record.
    eligibility: readEligibility(s.raw),
    eligibility_version: RULES_VERSION,
  };
}

/** The page's trial rows as one JSON array, splicing in each raw record's JSON (already serialised for its hash) instead of serialising it twice. */
/**
 * Serialises a study's rows for the bulk statements. The sync calls it while preparing a page, so
 * this work overlaps the previous page's write instead of delaying the next one (Postgres is the
 * slower side). The raw record's JSON, already made for its hash, is spliced in, not re-serialised.
 */
export function encodeRows(s: ValidStudy, classifierVersion: number): EncodedRows {
  const nctId = s.normalized.trial.nctId;
  const children = (rows: object[]) => rows.map((r) => toJson({ ...snake(r), nct_id: nctId })).join(",");
  s.encoded = {
    trial: `${toJson(trialRecord(s, classifierVersion)).slice(0, -1)},"raw":${s.rawJson}}`,
    interventions: children(s.normalized.interventions),
    armGroups: children(s.normalized.armGroups),
    sites: children(s.normalized.sites),
  };
  return s.encoded;
}

/** One JSON array of the given part of every study's rows. */
function joined(studies: ValidStudy[], part: keyof EncodedRows, classifierVersion: number): string {
  const items = studies.map((s) => (s.encoded ?? encodeRows(s, classifierVersion))[part]).filter((x) => x.length > 0);
  return `[${items.join(",")}]`;
}

/** Rebuilds a value without what Postgres rejects in text and jsonb: NUL characters (in keys too) and lone UTF-16 surrogates. */
function cleanForPostgres(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\0", "").toWellFormed();
  if (Array.isArray(value)) return value.map(cleanForPostgres);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replaceAll("\0", "").toWellFormed(), cleanForPostgres(v)]));
  }
  return value;
}

// JSON.stringify writes NUL as \u0000 and a lone surrogate as \udXXX: cheap to spot in the text.
const NEEDS_CLEANING = /\\u0000|\\ud[89a-f][0-9a-f]{2}/i;

/** JSON that Postgres accepts as jsonb. The common case costs one stringify and one fast substring search. */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value);
  // JSON.stringify writes \u escapes only for control characters and lone surrogates, so most records
  // never reach the (slower) precise check.
  return json.includes("\\u") && NEEDS_CLEANING.test(json) ? JSON.stringify(cleanForPostgres(value)) : json;
}

/** A statement failed because of the data (bad value, out of range, bad encoding), not the connection or the lock. */
export function isDataError(err: unknown): boolean {
  const text = `${(err as { code?: string })?.code ?? ""} ${(err as Error)?.message ?? ""} ${JSON.stringify((err as { meta?: unknown })?.meta ?? "")}`;
  return /\b22[0-9A-Z]{3}\b|out of range|invalid input|unsupported Unicode|invalid byte sequence|date\/time field value|value too long|invalid escape|malformed array/i.test(text);
}

type Page = { valid: ValidStudy[]; invalid: InvalidStudy[]; trackSeen: boolean };

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
    await fenced(prisma, runId, `UPDATE sync_run SET pages_done = pages_done + 1 WHERE id = $1`);
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

/** Runs a statement on the run's row only while it is still running: a process that lost its run must not write. */
async function fenced(db: Pick<SqlTx, "$executeRawUnsafe">, runId: number, sql: string) {
  const count = await db.$executeRawUnsafe(sql.replace(/WHERE id = \$1/, "WHERE id = $1 AND status = 'running'"), runId);
  if (count !== 1) throw new LostRunError(runId);
}

async function writeBatch(prisma: PrismaClient, runId: number, page: Page, classifierVersion: number, countPage: boolean): Promise<PageCounts> {
  // The same study twice in a page (paging over changing data): keep the last copy.
  const byId = new Map(page.valid.map((s) => [s.normalized.trial.nctId, s]));
  const valid = [...byId.values()];
  const ids = [...byId.keys()];
  return bulkTransaction(prisma, async (tx) => {
      // First statement: fence. It also row-locks the run, so a claimer marking it abandoned waits for this page.
      await fenced(tx, runId, `UPDATE sync_run SET heartbeat_at = now() WHERE id = $1`);
      const existing = await tx.$queryRawUnsafe<{ nct_id: string; raw_hash: string; removed: boolean; classifier_version: number; eligibility_version: number }[]>(
        `SELECT nct_id, raw_hash, removed_at IS NOT NULL AS removed, classifier_version, eligibility_version FROM trial WHERE nct_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
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
        await recordPageChanges(tx, runId, changed.map((s) => ({ nctId: s.normalized.trial.nctId, normalized: s.normalized, raw: s.raw })), known);
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

function snake(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), v]));
}

/**
 * Ends a run in one fenced transaction. A full run first checks it saw (nearly) every study the API
 * said it would — a run cut short must not mark the rest removed — then marks every active trial it
 * did not see as removed (kept, out of search), then records success.
 */
export async function finishRun(
  prisma: PrismaClient,
  runId: number,
  opts: { reconcile: boolean; totalExpected: number | null; unidentified: number; highWater: Date | null },
): Promise<{ removed: number }> {
  return bulkTransaction(prisma, async (tx) => {
      await fenced(tx, runId, `UPDATE sync_run SET heartbeat_at = now() WHERE id = $1`);
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
        removed = await tx.$executeRawUnsafe(MARK_REMOVED_WITH_HISTORY, runId);
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
