import type { FieldChange, TrialChange } from "./schema";

// Plain-English wording of recorded changes, shared by the trial page, the feed and the email
// digests. Kept in one place, phrase by phrase, so a translation catalog can take it over later.

const PHRASES = {
  added: () => "First listed here",
  removed: () => "No longer listed on ClinicalTrials.gov for this topic",
  restored: () => "Listed again",
  status: (f: FieldChange) => `Now ${(f.to ?? "status not stated").toLowerCase()}`,
  phase: (f: FieldChange) => `Phase changed: ${f.from ?? "not stated"} → ${f.to ?? "not stated"}`,
  enrollment: (f: FieldChange) => `Enrollment changed: ${f.from ?? "not stated"} → ${f.to ?? "not stated"}`,
  startDate: (f: FieldChange) => `Start date changed: ${f.from ?? "not stated"} → ${f.to ?? "not stated"}`,
  completionDate: (f: FieldChange) => `Completion date changed: ${f.from ?? "not stated"} → ${f.to ?? "not stated"}`,
  sites: (f: FieldChange) => f.to ?? "Sites changed",
  eligibility: (f: FieldChange) => `Who can join: ${f.to ?? "changed"}`,
  interventions: (f: FieldChange) => `Treatments: ${f.to ?? "changed"}`,
  contacts: (f: FieldChange) => `Contacts: ${f.to ?? "changed"}`,
  title: (f: FieldChange) => `Title changed to “${f.to ?? ""}”`,
  results: () => "Results posted",
} satisfies Record<FieldChange["field"], (f: FieldChange) => string>;

export function describeField(f: FieldChange): string {
  return PHRASES[f.field](f);
}

/** "Now recruiting · 2 sites added: Boston, Denver" */
export function describeChange(fields: FieldChange[]): string {
  return fields.map(describeField).join(" · ");
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "12 Nov 2026" (UTC: the day the sync saw the change). */
export function changeDay(seenAt: string | Date): string {
  return DAY.format(typeof seenAt === "string" ? new Date(seenAt) : seenAt);
}

/** "12 Nov 2026: Now recruiting · 2 sites added: Boston, Denver" */
export function describeDated(change: TrialChange): string {
  return `${changeDay(change.seenAt)}: ${describeChange(change.fields)}`;
}

export const WHAT_CHANGED = {
  heading: "What changed",
  none: "No changes recorded since this trial was first listed here.",
  intro: "Changes our regular check of ClinicalTrials.gov noticed, newest first.",
};
