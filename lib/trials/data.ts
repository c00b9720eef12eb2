import "server-only";
import { storedOrReread } from "../eligibility/data";
import type { EligibilityRules } from "../eligibility/schema";
import type { PrismaClient } from "../generated/prisma/client";
import { milesBetween } from "../geo/distance";
import type { Place } from "../geo/resolve";
import { lastSuccessfulRun } from "../sync/data";
import { type Status, statusSlug } from "../search/schema";
import type { ClassificationColumns } from "../search/sql";
import { trialDates, type TrialDates } from "./dates";
import { evidence, type Evidence } from "./evidence";

// One trial with everything its page and /api/trials/{nctId} show. Removed trials are returned
// too (with removedAt set): their page explains they left ClinicalTrials.gov's results.

export type Contact = { name?: string; role?: string; phone?: string; phoneExt?: string; email?: string };
export type TrialSite = {
  facility: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  status: Status | null;
  distanceMiles: number | null;
  contacts: Contact[];
};
export type TrialDetail = ClassificationColumns & {
  nctId: string;
  title: string;
  officialTitle: string | null;
  summary: string | null;
  status: Status;
  why: Record<string, string[]>;
  interventions: { type: string | null; name: string; description: string | null }[];
  enrollment: { count: number | null; type: string | null };
  eligibility: { sex: string | null; minimumAge: string | null; maximumAge: string | null; healthyVolunteers: boolean | null; criteria: string | null };
  /** SPEC §9: the rules read from the record, the words behind each, and the criteria no rule covers. */
  eligibilityRules: EligibilityRules;
  quotes: Record<string, string>;
  uncoveredCriteria: string[];
  conditions: string[];
  sponsor: string | null;
  startDate: string | null;
  completionDate: string | null;
  lastUpdated: string | null;
  lastSyncedAt: string;
  removedAt: string | null;
  centralContacts: Contact[];
  sites: TrialSite[];
  url: string;
  /** Start and end dates as the record gives them (precision and type), for wording. */
  dates: TrialDates;
  /** Publications and posted results, from the stored record. */
  evidence: Evidence;
  hasResults: boolean;
};

export const NCT_ID = /^NCT\d{8}$/;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

function contacts(v: unknown): Contact[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((c): c is Record<string, unknown> => !!c && typeof c === "object")
    .map((c) => {
      const pick = (k: string) => (typeof c[k] === "string" ? (c[k] as string) : undefined);
      return { name: pick("name"), role: pick("role"), phone: pick("phone"), phoneExt: pick("phoneExt"), email: pick("email") };
    });
}

export async function getTrial(prisma: PrismaClient, nctId: string, place: Place | null = null): Promise<TrialDetail | null> {
  if (!NCT_ID.test(nctId)) return null;
  // Unchanged records are not rewritten by a sync, so a live trial is as fresh as the last successful run.
  const lastSync = await lastSuccessfulRun(prisma);
  const t = await prisma.trial.findUnique({
    where: { nctId },
    include: { sites: { orderBy: { position: "asc" } }, interventions: { orderBy: { position: "asc" } } },
  });
  if (!t) return null;
  const sites = t.sites.map((s) => ({
    facility: s.facility,
    city: s.city,
    state: s.state,
    zip: s.zip,
    country: s.country,
    status: s.status ? statusSlug(s.status) : null,
    distanceMiles: place && s.lat !== null && s.lon !== null ? Math.round(milesBetween(place, { lat: s.lat, lon: s.lon }) * 10) / 10 : null,
    contacts: contacts(s.contacts),
  }));
  if (place) sites.sort((a, b) => (a.distanceMiles ?? Infinity) - (b.distanceMiles ?? Infinity));
  const elig = storedOrReread({ eligibility: t.eligibility, eligibility_version: t.eligibilityVersion, raw: t.raw });
  const why = t.why && typeof t.why === "object" && !Array.isArray(t.why) ? (t.why as Record<string, string[]>) : {};
  return {
    nctId: t.nctId,
    title: t.briefTitle,
    officialTitle: t.officialTitle,
    summary: t.briefSummary,
    status: statusSlug(t.overallStatus),
    phase: t.phase,
    therapy: t.therapy,
    source: t.source,
    donor: t.donor,
    route: t.route,
    flags: t.flags,
    why,
    interventions: t.interventions.map((i) => ({ type: i.type, name: i.name, description: i.description })),
    enrollment: { count: t.enrollmentCount, type: t.enrollmentType },
    eligibility: { sex: t.sex, minimumAge: t.minimumAge, maximumAge: t.maximumAge, healthyVolunteers: t.healthyVolunteers, criteria: t.eligibilityCriteria },
    eligibilityRules: elig.rules,
    quotes: elig.quotes,
    uncoveredCriteria: elig.uncovered,
    conditions: t.conditions,
    sponsor: t.sponsorName,
    startDate: day(t.startDate),
    completionDate: day(t.completionDate),
    lastUpdated: day(t.lastUpdatePostDate),
    lastSyncedAt: (t.removedAt ? t.lastSyncedAt : latest(t.lastSyncedAt, lastSync?.finishedAt)).toISOString(),
    removedAt: t.removedAt ? t.removedAt.toISOString() : null,
    centralContacts: contacts(t.centralContacts),
    sites,
    url: `https://clinicaltrials.gov/study/${t.nctId}`,
    dates: trialDates(t.raw),
    evidence: evidence(t.raw),
    hasResults: t.hasResults,
  };
}

function latest(a: Date, b: Date | null | undefined): Date {
  return b && b > a ? b : a;
}
