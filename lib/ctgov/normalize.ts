import type { Study } from "./schema";

/**
 * Turns a validated v2 study into the columns and child rows we store. Pure and synchronous so the
 * sync can do it for a whole page before opening its transaction.
 */

/** "2024-05" → 2024-05-31, "2024" → 2024-12-31, "2024-05-17" as is (AACT's convention, so month dates compare the same way). */
export function parsePartialDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : 12;
  if (month < 1 || month > 12) return null;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m[3] ? Number(m[3]) : lastDay;
  if (day < 1 || day > lastDay) return null;
  return `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const AGE_UNITS: Record<string, number> = {
  year: 1,
  years: 1,
  month: 1 / 12,
  months: 1 / 12,
  week: 7 / 365.25,
  weeks: 7 / 365.25,
  day: 1 / 365.25,
  days: 1 / 365.25,
  hour: 1 / 8766,
  hours: 1 / 8766,
  minute: 1 / 525960,
  minutes: 1 / 525960,
};

/** "18 Years" → 18, "6 Months" → 0.5; anything else → null. */
export function parseAgeYears(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(value);
  const factor = m ? AGE_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || factor === undefined) return null;
  return Math.round(Number(m[1]) * factor * 1000) / 1000;
}

export type TrialColumns = {
  nctId: string;
  briefTitle: string;
  officialTitle: string | null;
  acronym: string | null;
  briefSummary: string | null;
  overallStatus: string;
  studyType: string | null;
  phases: string[];
  startDate: string | null;
  primaryCompletionDate: string | null;
  completionDate: string | null;
  statusVerifiedDate: string | null;
  firstPostDate: string | null;
  lastUpdatePostDate: string | null;
  sponsorName: string | null;
  sponsorClass: string | null;
  conditions: string[];
  keywords: string[];
  enrollmentCount: number | null;
  enrollmentType: string | null;
  sex: string | null;
  minimumAge: string | null;
  maximumAge: string | null;
  minAgeYears: number | null;
  maxAgeYears: number | null;
  healthyVolunteers: boolean | null;
  eligibilityCriteria: string | null;
  centralContacts: unknown[];
  hasResults: boolean;
  /** A listed publication is marked as reporting results (referencesModule type RESULT). */
  resultsPublished: boolean;
  dataVersion: string | null;
};

export type InterventionRow = { position: number; type: string | null; name: string; description: string | null; otherNames: string[]; armGroupLabels: string[] };
export type ArmGroupRow = { position: number; label: string; type: string | null; description: string | null; interventionNames: string[] };
export type SiteRow = {
  position: number;
  facility: string | null;
  status: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  contacts: unknown[];
};

export type NormalizedStudy = { trial: TrialColumns; interventions: InterventionRow[]; armGroups: ArmGroupRow[]; sites: SiteRow[] };

const n = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** Whether the record lists a publication of type RESULT (referencesModule is not in the zod schema: read it loosely). */
function resultPublication(protocol: unknown): boolean {
  const refs = (protocol as { referencesModule?: { references?: unknown } } | null)?.referencesModule?.references;
  return Array.isArray(refs) && refs.some((r) => !!r && typeof r === "object" && (r as { type?: unknown }).type === "RESULT");
}

export function normalizeStudy(study: Study): NormalizedStudy {
  const p = study.protocolSection;
  const id = p.identificationModule;
  const status = p.statusModule;
  const design = p.designModule;
  const elig = p.eligibilityModule;
  const arms = p.armsInterventionsModule;
  const contacts = p.contactsLocationsModule;
  const trial: TrialColumns = {
    nctId: id.nctId,
    briefTitle: id.briefTitle?.trim() || id.officialTitle?.trim() || id.nctId,
    officialTitle: n(id.officialTitle),
    acronym: n(id.acronym),
    briefSummary: n(p.descriptionModule?.briefSummary),
    overallStatus: status?.overallStatus ?? "UNKNOWN",
    studyType: n(design?.studyType),
    phases: design?.phases ?? [],
    startDate: parsePartialDate(status?.startDateStruct?.date),
    primaryCompletionDate: parsePartialDate(status?.primaryCompletionDateStruct?.date),
    completionDate: parsePartialDate(status?.completionDateStruct?.date),
    statusVerifiedDate: parsePartialDate(status?.statusVerifiedDate),
    firstPostDate: parsePartialDate(status?.studyFirstPostDateStruct?.date),
    lastUpdatePostDate: parsePartialDate(status?.lastUpdatePostDateStruct?.date),
    sponsorName: n(p.sponsorCollaboratorsModule?.leadSponsor?.name),
    sponsorClass: n(p.sponsorCollaboratorsModule?.leadSponsor?.class),
    conditions: p.conditionsModule?.conditions ?? [],
    keywords: p.conditionsModule?.keywords ?? [],
    enrollmentCount: n(design?.enrollmentInfo?.count),
    enrollmentType: n(design?.enrollmentInfo?.type),
    sex: n(elig?.sex),
    minimumAge: n(elig?.minimumAge),
    maximumAge: n(elig?.maximumAge),
    minAgeYears: parseAgeYears(elig?.minimumAge),
    maxAgeYears: parseAgeYears(elig?.maximumAge),
    healthyVolunteers: n(elig?.healthyVolunteers),
    eligibilityCriteria: n(elig?.eligibilityCriteria),
    centralContacts: contacts?.centralContacts ?? [],
    hasResults: study.hasResults ?? false,
    resultsPublished: resultPublication(p),
    dataVersion: n(study.derivedSection?.miscInfoModule?.versionHolder),
  };
  return {
    trial,
    interventions: (arms?.interventions ?? []).map((i, position) => ({
      position,
      type: n(i.type),
      name: i.name,
      description: n(i.description),
      otherNames: i.otherNames ?? [],
      armGroupLabels: i.armGroupLabels ?? [],
    })),
    armGroups: (arms?.armGroups ?? []).map((a, position) => ({
      position,
      label: a.label,
      type: n(a.type),
      description: n(a.description),
      interventionNames: a.interventionNames ?? [],
    })),
    sites: (contacts?.locations ?? []).map((l, position) => ({
      position,
      facility: n(l.facility),
      status: n(l.status),
      city: n(l.city),
      state: n(l.state),
      zip: n(l.zip),
      country: n(l.country),
      lat: l.geoPoint?.lat ?? null,
      lon: l.geoPoint?.lon ?? null,
      contacts: l.contacts ?? [],
    })),
  };
}
