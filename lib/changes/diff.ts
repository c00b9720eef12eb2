import { createHash } from "node:crypto";
import { normalizeStudy, type NormalizedStudy } from "../ctgov/normalize";
import { studySchema } from "../ctgov/schema";
import { STATUS_LABEL } from "../search/labels";
import { statusSlug } from "../search/schema";
import type { FieldChange } from "./schema";

/**
 * What a sync compares between the stored copy of a trial and the incoming one (SPEC §10). Both
 * sides go through the same normaliser, and every list is compared as a multiset of
 * whitespace-collapsed values: a re-ordered site list or a re-wrapped paragraph is not a change.
 * Pure and synchronous; the sync calls it only for trials whose raw record hash moved, and of those
 * only for the ones whose stored fingerprint (watchedFingerprint) differs from the incoming one.
 */

type Watched = {
  title: string;
  status: string;
  phases: string[];
  enrollment: string | null;
  startDate: string | null;
  completionDate: string | null;
  hasResults: boolean;
  eligibility: { criteria: string; sex: string; minimumAge: string; maximumAge: string; healthyVolunteers: string };
  interventions: { key: string; label: string }[];
  contacts: string[];
  sites: { key: string; label: string; status: string }[];
};

/** Collapses runs of whitespace (including non-breaking spaces and line breaks) and trims. */
export const squash = (v: string | null | undefined) => (v ?? "").replace(/[\s\u00a0]+/g, " ").trim();
const fold = (v: string | null | undefined) => squash(v).toLowerCase();

const PHASE_TEXT: Record<string, string> = { EARLY_PHASE1: "Early phase 1", PHASE1: "Phase 1", PHASE2: "Phase 2", PHASE3: "Phase 3", PHASE4: "Phase 4", NA: "Not applicable" };
const phaseText = (phases: string[]) => (phases.length ? phases.map((p) => PHASE_TEXT[p] ?? p).join(", ") : "Not stated");
const statusText = (s: string) => STATUS_LABEL[statusSlug(s)] ?? s;
const siteStatusText = (s: string) => (s ? statusText(s).toLowerCase() : "status not stated");

function watched(n: NormalizedStudy, dates: { start: string | null; completion: string | null }): Watched {
  const t = n.trial;
  const contact = (c: unknown) => {
    const o = (c ?? {}) as Record<string, unknown>;
    return [o.name, o.role, o.phone, o.phoneExt, o.email].map((x) => fold(typeof x === "string" ? x : "")).join("|");
  };
  return {
    title: squash(t.briefTitle),
    status: t.overallStatus,
    phases: [...t.phases].sort(),
    enrollment: t.enrollmentCount === null ? null : `${t.enrollmentCount}${t.enrollmentType ? ` (${t.enrollmentType.toLowerCase()})` : ""}`,
    startDate: dates.start,
    completionDate: dates.completion,
    hasResults: t.hasResults,
    eligibility: {
      criteria: squash(t.eligibilityCriteria),
      sex: squash(t.sex),
      minimumAge: squash(t.minimumAge),
      maximumAge: squash(t.maximumAge),
      healthyVolunteers: t.healthyVolunteers === null ? "" : String(t.healthyVolunteers),
    },
    interventions: n.interventions.map((i) => ({ key: `${fold(i.type)}|${fold(i.name)}`, label: squash(i.name) })),
    contacts: t.centralContacts.map(contact).sort(),
    sites: n.sites.map((s) => ({
      key: [s.facility, s.city, s.state, s.country].map(fold).join("|"),
      label: squash(s.city) || squash(s.facility) || squash(s.country) || "unnamed site",
      status: squash(s.status),
    })),
  };
}

/** Bump when watched() reads another input: stored fingerprints then all differ, and the next sync compares each rewritten trial in full once. */
const FINGERPRINT_VERSION = 1;

/**
 * A short hash of every input watched() reads, as they are: equal inputs make equal watched values,
 * so diffWatched finds nothing. The sync stores one with each trial and settles a rewritten trial
 * whose fingerprint did not move without reading its stored copy. Hashing the raw inputs, not the
 * folded, order-free watched values, costs about a third as much per study; a whitespace or
 * re-ordering edit then moves the fingerprint, which only sends that trial to the full comparison
 * (which records nothing for it). Keep it in step with watched(): lib/changes/diff.test.ts edits each
 * compared field and checks it moves.
 */
export function watchedFingerprint(n: NormalizedStudy, raw: unknown): string {
  const t = n.trial;
  const status = (raw as { protocolSection?: { statusModule?: Record<string, { date?: string } | undefined> } })?.protocolSection?.statusModule;
  const inputs = [
    FINGERPRINT_VERSION,
    t.briefTitle,
    t.overallStatus,
    t.phases,
    t.enrollmentCount,
    t.enrollmentType,
    status?.startDateStruct?.date ?? null,
    status?.completionDateStruct?.date ?? null,
    t.hasResults,
    t.eligibilityCriteria,
    t.sex,
    t.minimumAge,
    t.maximumAge,
    t.healthyVolunteers,
    n.interventions.map((i) => [i.type, i.name]),
    t.centralContacts.map((c) => {
      const o = (c ?? {}) as Record<string, unknown>;
      return [o.name, o.role, o.phone, o.phoneExt, o.email];
    }),
    n.sites.map((s) => [s.facility, s.city, s.state, s.country, s.status]),
  ];
  return createHash("sha256").update(JSON.stringify(inputs)).digest("base64url");
}

/** The fingerprint of an incoming study, or null if it cannot be made (the sync then compares that trial in full next time). */
export function fingerprintOf(normalized: NormalizedStudy, raw: unknown): string | null {
  try {
    return watchedFingerprint(normalized, raw);
  } catch {
    return null;
  }
}

/** The watched values of a validated study (the incoming side). */
export function watchedOf(normalized: NormalizedStudy, raw: unknown): Watched {
  const status = (raw as { protocolSection?: { statusModule?: Record<string, { date?: string } | undefined> } })?.protocolSection?.statusModule;
  return watched(normalized, { start: status?.startDateStruct?.date ?? null, completion: status?.completionDateStruct?.date ?? null });
}

/**
 * The parts of a record watchedOfRaw reads: `hasResults` and these modules of protocolSection. The
 * sync reads stored copies cut down to them (WATCHED_PART_SQL), not whole: a stored record is ~17 KB
 * of JSON on average, its watched part ~7 KB, and Postgres serialising, Node parsing and zod checking
 * the rest was most of what recording changes cost a sync that rewrites many trials.
 */
export const WATCHED_MODULES = ["identificationModule", "statusModule", "designModule", "armsInterventionsModule", "eligibilityModule", "contactsLocationsModule"] as const;

/** SQL: the watched part of the `raw` column, shaped as a record (a module the record lacks is JSON null, which the schema allows). */
export const WATCHED_PART_SQL = `jsonb_build_object('hasResults', raw->'hasResults', 'protocolSection', jsonb_build_object(${WATCHED_MODULES.map((m) => `'${m}', raw #> '{protocolSection,${m}}'`).join(", ")}))`;

/** The same cut in JS (for tests: it must leave watchedOfRaw's answer unchanged). */
export function watchedPart(raw: unknown): unknown {
  const r = (raw ?? {}) as { hasResults?: unknown; protocolSection?: Record<string, unknown> };
  return { hasResults: r.hasResults ?? null, protocolSection: Object.fromEntries(WATCHED_MODULES.map((m) => [m, r.protocolSection?.[m] ?? null])) };
}

/** The watched values of a stored raw record (whole, or its watched part), or null when it no longer validates (nothing is compared then). */
export function watchedOfRaw(raw: unknown): Watched | null {
  const parsed = studySchema.safeParse(raw);
  if (!parsed.success) return null;
  try {
    return watchedOf(normalizeStudy(parsed.data), raw);
  } catch {
    return null;
  }
}

/** Items of `a` not matched one-for-one in `b` (multiset difference). */
function minus<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(key(x), (left.get(key(x)) ?? 0) + 1);
  const out: T[] = [];
  for (const x of a) {
    const n = left.get(key(x)) ?? 0;
    if (n > 0) left.set(key(x), n - 1);
    else out.push(x);
  }
  return out;
}

const MAX_NAMED = 5;
/** "Boston, Denver" or "Boston, Denver, … and 3 more": distinct labels in a stable order. */
export function nameList(labels: string[]): string {
  const unique = [...new Set(labels)].sort((a, b) => a.localeCompare(b, "en"));
  const shown = unique.slice(0, MAX_NAMED).join(", ");
  return unique.length > MAX_NAMED ? `${shown} and ${unique.length - MAX_NAMED} more` : shown;
}
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function siteSummary(before: Watched["sites"], after: Watched["sites"]): string | null {
  const added = minus(after, before, (s) => s.key);
  const removed = minus(before, after, (s) => s.key);
  // Same site (key) on both sides whose own status moved. Order-free like the rest: per key, a
  // status only the new side has pairs with one only the old side has.
  const byKey = (sites: Watched["sites"]) => {
    const m = new Map<string, Watched["sites"]>();
    for (const s of sites) m.set(s.key, [...(m.get(s.key) ?? []), s]);
    return m;
  };
  const oldByKey = byKey(before);
  const moved = new Map<string, string[]>();
  for (const [key, now] of byKey(after)) {
    const was = oldByKey.get(key);
    if (!was) continue;
    const gained = minus(now, was, (s) => s.status).sort((a, b) => a.status.localeCompare(b.status));
    const lost = minus(was, now, (s) => s.status);
    for (const s of gained.slice(0, lost.length)) moved.set(s.status, [...(moved.get(s.status) ?? []), s.label]);
  }
  const parts: string[] = [];
  if (added.length) parts.push(`${count(added.length, "site", "sites")} added: ${nameList(added.map((s) => s.label))}`);
  if (removed.length) parts.push(`${count(removed.length, "site", "sites")} removed: ${nameList(removed.map((s) => s.label))}`);
  for (const [status, labels] of [...moved.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    parts.push(`${count(labels.length, "site", "sites")} now ${siteStatusText(status)}: ${nameList(labels)}`);
  }
  return parts.length ? parts.join("; ") : null;
}

function eligibilitySummary(a: Watched["eligibility"], b: Watched["eligibility"]): string | null {
  const parts: string[] = [];
  if (a.criteria !== b.criteria) parts.push("criteria text updated");
  const labelled: [keyof Watched["eligibility"], string][] = [
    ["sex", "sex"],
    ["minimumAge", "minimum age"],
    ["maximumAge", "maximum age"],
    ["healthyVolunteers", "healthy volunteers"],
  ];
  for (const [k, name] of labelled) {
    if (a[k] !== b[k]) parts.push(`${name} ${a[k] || "not stated"} → ${b[k] || "not stated"}`);
  }
  return parts.length ? parts.join("; ") : null;
}

function listSummary(before: Watched["interventions"], after: Watched["interventions"], noun: [string, string]): string | null {
  const added = minus(after, before, (x) => x.key);
  const removed = minus(before, after, (x) => x.key);
  const parts: string[] = [];
  if (added.length) parts.push(`${count(added.length, noun[0], noun[1])} added: ${nameList(added.map((x) => x.label))}`);
  if (removed.length) parts.push(`${count(removed.length, noun[0], noun[1])} removed: ${nameList(removed.map((x) => x.label))}`);
  return parts.length ? parts.join("; ") : null;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The meaningful differences between the stored and the incoming copy, in SPEC order; [] when none. */
export function diffWatched(before: Watched, after: Watched): FieldChange[] {
  const out: FieldChange[] = [];
  if (before.status !== after.status) out.push({ field: "status", from: statusText(before.status), to: statusText(after.status) });
  if (!same(before.phases, after.phases)) out.push({ field: "phase", from: phaseText(before.phases), to: phaseText(after.phases) });
  if (before.enrollment !== after.enrollment) out.push({ field: "enrollment", from: before.enrollment, to: after.enrollment });
  if (before.startDate !== after.startDate) out.push({ field: "startDate", from: before.startDate, to: after.startDate });
  if (before.completionDate !== after.completionDate) out.push({ field: "completionDate", from: before.completionDate, to: after.completionDate });
  const sites = siteSummary(before.sites, after.sites);
  if (sites) out.push({ field: "sites", from: null, to: sites });
  const elig = eligibilitySummary(before.eligibility, after.eligibility);
  if (elig) out.push({ field: "eligibility", from: null, to: elig });
  const interventions = listSummary(before.interventions, after.interventions, ["intervention", "interventions"]);
  if (interventions) out.push({ field: "interventions", from: null, to: interventions });
  // Contact details stay out of the summary (it goes into feeds and emails): the count says enough.
  const contactsAdded = minus(after.contacts, before.contacts, (x) => x).length;
  const contactsRemoved = minus(before.contacts, after.contacts, (x) => x).length;
  if (contactsAdded || contactsRemoved) {
    const parts = [contactsAdded ? `${count(contactsAdded, "contact", "contacts")} added` : "", contactsRemoved ? `${count(contactsRemoved, "contact", "contacts")} removed` : ""];
    out.push({ field: "contacts", from: null, to: parts.filter(Boolean).join("; ") });
  }
  if (before.title !== after.title) out.push({ field: "title", from: before.title, to: after.title });
  if (!before.hasResults && after.hasResults) out.push({ field: "results", from: null, to: "Results posted" });
  return out;
}
