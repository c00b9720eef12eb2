import { createHash } from "node:crypto";
import type { Classification } from "../classify/schema";
import type { NormalizedStudy } from "../ctgov/normalize";
import { readEligibility, RULES_VERSION } from "../eligibility/read";

/**
 * Pure helpers that turn a prepared study into the JSON its bulk statements read (lib/sync/mutations.ts):
 * the raw record's hash, the trial row and its child rows, and JSON that Postgres accepts as jsonb.
 * Nothing here touches the database.
 */

export type ValidStudy = {
  raw: unknown;
  rawJson: string;
  rawHash: string;
  /** lib/changes' fingerprint of the compared fields (watchedFingerprint); null when the run records no changes (bench only). */
  watchedHash: string | null;
  normalized: NormalizedStudy;
  classification: Classification;
  /** The study's rows as JSON, built while the page is prepared (see encodeRows); built on demand when absent. */
  encoded?: EncodedRows;
};
type EncodedRows = { trial: string; interventions: string; armGroups: string; sites: string };
export type InvalidStudy = { raw: unknown; nctId: string | null; error: string };

export function hashRaw(rawJson: string) {
  return createHash("sha256").update(rawJson).digest("hex");
}

/** The trial row's columns as jsonb_to_recordset reads them; the upsert in lib/sync/mutations.ts names the same. */
export const TRIAL_COLUMNS = `nct_id text, brief_title text, official_title text, acronym text, brief_summary text, overall_status text,
  study_type text, phases text[], start_date date, primary_completion_date date, completion_date date, status_verified_date date,
  first_post_date date, last_update_post_date date, sponsor_name text, sponsor_class text, conditions text[], keywords text[],
  enrollment_count int, enrollment_type text, sex text, minimum_age text, maximum_age text, min_age_years float8, max_age_years float8,
  healthy_volunteers boolean, eligibility_criteria text, central_contacts jsonb, has_results boolean, results_published boolean, data_version text, raw jsonb,
  raw_hash text, watched_hash text, therapy text[], source text[], donor text, route text[], phase text[], flags text[], why jsonb, classifier_version int,
  countries text[], eligibility jsonb, eligibility_version int`;

export const TRIAL_NAMES = TRIAL_COLUMNS.split(",").map((c) => c.trim().split(/\s+/)[0]!);

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
    watched_hash: s.watchedHash,
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
export function joined(studies: ValidStudy[], part: keyof EncodedRows, classifierVersion: number): string {
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

function snake(row: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`), v]));
}
