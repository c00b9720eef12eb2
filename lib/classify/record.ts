// A tolerant view of a ClinicalTrials.gov v2 study object. Records converted from the retired v1
// API (shared/ctgov-v1) lack whole modules, and any record may lack any field, so every getter
// falls back to an empty value instead of throwing.

export type Intervention = {
  type: string;
  name: string;
  description: string;
  otherNames: string[];
  armGroupLabels: string[];
};

export type Arm = {
  label: string;
  type: string;
  description: string;
  interventionNames: string[];
};

export type Study = {
  nctId: string;
  briefTitle: string;
  officialTitle: string;
  briefSummary: string;
  detailedDescription: string;
  conditions: string[];
  keywords: string[];
  interventions: Intervention[];
  arms: Arm[];
  phases: string[];
  studyType: string;
  overallStatus: string;
  statusVerifiedDate: string;
  completionDate: string;
  primaryCompletionDate: string;
  whyStopped: string;
  /** undefined when the record does not say (v1-converted records never do). */
  hasResults: boolean | undefined;
  enrollment: number | undefined;
  versionHolder: string;
  eligibilityCriteria: string;
  /** Lead sponsor, organisation and collaborators, joined: disambiguates product names two companies use. */
  sponsor: string;
};

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {};
}
function str(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}
function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.map(str).filter((s) => s.length > 0) : [];
}
function objs(v: unknown): Obj[] {
  return Array.isArray(v) ? v.map(obj) : [];
}

/** Read the fields the classifier uses from an unknown value; never throws. */
export function readStudy(raw: unknown): Study {
  const root = obj(raw);
  const ps = obj(root.protocolSection);
  const id = obj(ps.identificationModule);
  const status = obj(ps.statusModule);
  const desc = obj(ps.descriptionModule);
  const cond = obj(ps.conditionsModule);
  const design = obj(ps.designModule);
  const ai = obj(ps.armsInterventionsModule);
  const elig = obj(ps.eligibilityModule);
  const misc = obj(obj(root.derivedSection).miscInfoModule);
  const sponsors = obj(ps.sponsorCollaboratorsModule);
  const enrollment = obj(design.enrollmentInfo).count;

  return {
    nctId: str(id.nctId),
    briefTitle: str(id.briefTitle),
    officialTitle: str(id.officialTitle),
    briefSummary: str(desc.briefSummary),
    detailedDescription: str(desc.detailedDescription),
    conditions: strs(cond.conditions),
    keywords: strs(cond.keywords),
    interventions: objs(ai.interventions).map((i) => ({
      type: str(i.type),
      name: str(i.name),
      description: str(i.description),
      otherNames: strs(i.otherNames),
      armGroupLabels: strs(i.armGroupLabels),
    })),
    arms: objs(ai.armGroups).map((a) => ({
      label: str(a.label),
      type: str(a.type),
      description: str(a.description),
      interventionNames: strs(a.interventionNames),
    })),
    phases: strs(design.phases),
    studyType: str(design.studyType),
    overallStatus: str(status.overallStatus),
    statusVerifiedDate: str(status.statusVerifiedDate),
    completionDate: str(obj(status.completionDateStruct).date),
    primaryCompletionDate: str(obj(status.primaryCompletionDateStruct).date),
    whyStopped: str(status.whyStopped),
    hasResults: typeof root.hasResults === "boolean" ? root.hasResults : undefined,
    enrollment: typeof enrollment === "number" && Number.isFinite(enrollment) ? enrollment : undefined,
    versionHolder: str(misc.versionHolder),
    eligibilityCriteria: str(elig.eligibilityCriteria),
    sponsor: [str(obj(sponsors.leadSponsor).name), str(obj(id.organization).fullName), ...objs(sponsors.collaborators).map((c) => str(c.name))]
      .filter(Boolean)
      .join(" | "),
  };
}
