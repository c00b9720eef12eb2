/**
 * Field extraction and text normalisation shared by the Essie matcher, the store and synthetic
 * studies. Field names are the API's "piece names" (Study Data Structure); search areas and the
 * fields in them follow the API's Search Areas page (areas list as of June 2024):
 *   query.term → BasicSearch, query.cond → ConditionSearch, query.intr → InterventionSearch,
 *   query.titles → TitleSearch, query.locn → LocationSearch, query.outc → OutcomeSearch,
 *   query.spons → SponsorSearch, query.lead → LeadSponsorName, query.id → IdSearch,
 *   query.patient → PatientSearch.
 * Note that BasicSearch does not include DetailedDescription or EligibilityCriteria.
 */

export type Raw = Record<string, unknown>;

type Getter = (s: Raw) => unknown;

const get = (o: unknown, ...keys: string[]): unknown => {
  let cur = o;
  for (const k of keys) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Raw)[k];
  }
  return cur;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const pluck = (arr: unknown, ...keys: string[]) => list(arr).map((x) => get(x, ...keys));

const p = (...keys: string[]): Getter => (s) => get(s, "protocolSection", ...keys);
const each = (path: string[], ...keys: string[]): Getter => (s) => pluck(get(s, "protocolSection", ...path), ...keys);
const derived = (mod: string, kind: string): Getter => (s) => pluck(get(s, "derivedSection", mod, kind), "term");
const outcomes = (kind: string, key: string): Getter => (s) => pluck(get(s, "protocolSection", "outcomesModule", kind), key);
const results = (key: string): Getter => (s) => pluck(get(s, "resultsSection", "outcomeMeasuresModule", "outcomeMeasures"), key);
const design = (...keys: string[]): Getter => p("designModule", "designInfo", ...keys);
const loc = (key: string): Getter => each(["contactsLocationsModule", "locations"], key);

/** Text-like fields by piece name. */
export const FIELDS: Record<string, Getter> = {
  NCTId: p("identificationModule", "nctId"),
  NCTIdAlias: p("identificationModule", "nctIdAliases"),
  Acronym: p("identificationModule", "acronym"),
  BriefTitle: p("identificationModule", "briefTitle"),
  OfficialTitle: p("identificationModule", "officialTitle"),
  OrgStudyId: p("identificationModule", "orgStudyIdInfo", "id"),
  SecondaryId: each(["identificationModule", "secondaryIdInfos"], "id"),
  OrgFullName: p("identificationModule", "organization", "fullName"),
  OverallStatus: p("statusModule", "overallStatus"),
  Condition: p("conditionsModule", "conditions"),
  Keyword: p("conditionsModule", "keywords"),
  ConditionMeshTerm: derived("conditionBrowseModule", "meshes"),
  ConditionAncestorTerm: derived("conditionBrowseModule", "ancestors"),
  InterventionMeshTerm: derived("interventionBrowseModule", "meshes"),
  InterventionAncestorTerm: derived("interventionBrowseModule", "ancestors"),
  InterventionName: each(["armsInterventionsModule", "interventions"], "name"),
  InterventionOtherName: each(["armsInterventionsModule", "interventions"], "otherNames"),
  InterventionDescription: each(["armsInterventionsModule", "interventions"], "description"),
  InterventionType: each(["armsInterventionsModule", "interventions"], "type"),
  ArmGroupLabel: each(["armsInterventionsModule", "armGroups"], "label"),
  ArmGroupDescription: each(["armsInterventionsModule", "armGroups"], "description"),
  ArmGroupType: each(["armsInterventionsModule", "armGroups"], "type"),
  BriefSummary: p("descriptionModule", "briefSummary"),
  DetailedDescription: p("descriptionModule", "detailedDescription"),
  Phase: p("designModule", "phases"),
  StudyType: p("designModule", "studyType"),
  StdAge: p("eligibilityModule", "stdAges"),
  EligibilityCriteria: p("eligibilityModule", "eligibilityCriteria"),
  StudyPopulation: p("eligibilityModule", "studyPopulation"),
  DesignAllocation: design("allocation"),
  DesignInterventionModel: design("interventionModel"),
  DesignPrimaryPurpose: design("primaryPurpose"),
  DesignObservationalModel: design("observationalModel"),
  DesignTimePerspective: design("timePerspective"),
  DesignMasking: design("maskingInfo", "masking"),
  DesignWhoMasked: design("maskingInfo", "whoMasked"),
  BioSpecDescription: p("designModule", "bioSpec", "description"),
  PrimaryOutcomeMeasure: outcomes("primaryOutcomes", "measure"),
  PrimaryOutcomeDescription: outcomes("primaryOutcomes", "description"),
  SecondaryOutcomeMeasure: outcomes("secondaryOutcomes", "measure"),
  SecondaryOutcomeDescription: outcomes("secondaryOutcomes", "description"),
  OtherOutcomeMeasure: outcomes("otherOutcomes", "measure"),
  OtherOutcomeDescription: outcomes("otherOutcomes", "description"),
  OutcomeMeasureTitle: results("title"),
  OutcomeMeasureDescription: results("description"),
  LeadSponsorName: p("sponsorCollaboratorsModule", "leadSponsor", "name"),
  LeadSponsorClass: p("sponsorCollaboratorsModule", "leadSponsor", "class"),
  CollaboratorName: each(["sponsorCollaboratorsModule", "collaborators"], "name"),
  CollaboratorClass: each(["sponsorCollaboratorsModule", "collaborators"], "class"),
  ResponsiblePartyInvestigatorFullName: p("sponsorCollaboratorsModule", "responsibleParty", "investigatorFullName"),
  ResponsiblePartyInvestigatorTitle: p("sponsorCollaboratorsModule", "responsibleParty", "investigatorTitle"),
  ResponsiblePartyInvestigatorAffiliation: p("sponsorCollaboratorsModule", "responsibleParty", "investigatorAffiliation"),
  ResponsiblePartyOldNameTitle: p("sponsorCollaboratorsModule", "responsibleParty", "oldNameTitle"),
  ResponsiblePartyOldOrganization: p("sponsorCollaboratorsModule", "responsibleParty", "oldOrganization"),
  OverallOfficialName: each(["contactsLocationsModule", "overallOfficials"], "name"),
  OverallOfficialAffiliation: each(["contactsLocationsModule", "overallOfficials"], "affiliation"),
  OverallOfficialRole: each(["contactsLocationsModule", "overallOfficials"], "role"),
  CentralContactName: each(["contactsLocationsModule", "centralContacts"], "name"),
  LocationFacility: loc("facility"),
  LocationCity: loc("city"),
  LocationState: loc("state"),
  LocationCountry: loc("country"),
  LocationZip: loc("zip"),
  LocationStatus: loc("status"),
  LocationContactName: (s) => list(get(s, "protocolSection", "contactsLocationsModule", "locations")).flatMap((l) => pluck(get(l, "contacts"), "name")),
};

/** Fields whose values come from `locations[]` (synthetic studies replace them). */
export const LOCATION_FIELDS = new Set(Object.keys(FIELDS).filter((f) => f.startsWith("Location")));

/** Date fields of statusModule by piece name: value is `statusModule[key]` or `statusModule[key + "Struct"].date`. */
export const DATE_FIELDS: Record<string, string> = Object.fromEntries(
  [
    "StatusVerifiedDate", "StartDate", "PrimaryCompletionDate", "CompletionDate", "StudyFirstSubmitDate",
    "StudyFirstSubmitQCDate", "StudyFirstPostDate", "LastUpdateSubmitDate", "LastUpdatePostDate",
    "ResultsFirstSubmitDate", "ResultsFirstSubmitQCDate", "ResultsFirstPostDate",
    "DispFirstSubmitDate", "DispFirstSubmitQCDate", "DispFirstPostDate",
  ].map((f) => [f, f[0]!.toLowerCase() + f.slice(1).replace("QC", "Qc")]),
);

export function dateOf(study: Raw, field: string): string | undefined {
  const key = DATE_FIELDS[field];
  if (!key) return undefined;
  const sm = get(study, "protocolSection", "statusModule");
  const v = get(sm, key) ?? get(sm, `${key}Struct`, "date");
  return typeof v === "string" ? v : undefined;
}

const BASIC = [
  "NCTId", "Acronym", "BriefTitle", "OfficialTitle", "Condition", "InterventionName", "InterventionOtherName", "Phase", "StdAge",
  "PrimaryOutcomeMeasure", "Keyword", "BriefSummary", "ArmGroupLabel", "SecondaryOutcomeMeasure", "InterventionDescription",
  "ArmGroupDescription", "PrimaryOutcomeDescription", "LeadSponsorName", "OrgStudyId", "SecondaryId", "NCTIdAlias", "InterventionType",
  "ArmGroupType", "SecondaryOutcomeDescription", "LocationFacility", "LocationStatus", "LocationState", "LocationCountry", "LocationCity",
  "BioSpecDescription", "ResponsiblePartyInvestigatorFullName", "ResponsiblePartyInvestigatorTitle", "ResponsiblePartyInvestigatorAffiliation",
  "ResponsiblePartyOldNameTitle", "ResponsiblePartyOldOrganization", "OverallOfficialAffiliation", "OverallOfficialRole", "OverallOfficialName",
  "CentralContactName", "ConditionMeshTerm", "InterventionMeshTerm", "DesignAllocation", "DesignInterventionModel", "DesignMasking",
  "DesignWhoMasked", "DesignObservationalModel", "DesignPrimaryPurpose", "DesignTimePerspective", "StudyType", "ConditionAncestorTerm",
  "InterventionAncestorTerm", "CollaboratorName", "OtherOutcomeMeasure", "OutcomeMeasureTitle", "OtherOutcomeDescription",
  "OutcomeMeasureDescription", "LocationContactName",
];

/** Search areas (the weighted field groups the API searches); weights are irrelevant without ranking. */
export const AREAS: Record<string, string[]> = {
  BasicSearch: BASIC,
  ConditionSearch: ["Condition", "BriefTitle", "OfficialTitle", "ConditionMeshTerm", "ConditionAncestorTerm", "Keyword", "NCTId"],
  InterventionSearch: [
    "InterventionName", "InterventionType", "ArmGroupType", "InterventionOtherName", "BriefTitle", "OfficialTitle", "ArmGroupLabel",
    "InterventionMeshTerm", "Keyword", "InterventionAncestorTerm", "InterventionDescription", "ArmGroupDescription",
  ],
  InterventionNameSearch: ["InterventionName", "InterventionOtherName"],
  ObsoleteConditionSearch: ["Condition", "ConditionMeshTerm", "ConditionAncestorTerm", "Keyword"],
  ExternalIdsSearch: ["OrgStudyId", "SecondaryId"],
  EligibilitySearch: ["EligibilityCriteria", "StudyPopulation"],
  OutcomeSearch: [
    "PrimaryOutcomeMeasure", "SecondaryOutcomeMeasure", "PrimaryOutcomeDescription", "SecondaryOutcomeDescription", "OtherOutcomeMeasure",
    "OutcomeMeasureTitle", "OtherOutcomeDescription", "OutcomeMeasureDescription",
  ],
  TitleSearch: ["Acronym", "BriefTitle", "OfficialTitle"],
  LocationSearch: ["LocationCity", "LocationState", "LocationCountry", "LocationFacility", "LocationZip"],
  ContactSearch: ["OverallOfficialName", "CentralContactName", "OverallOfficialAffiliation", "LocationContactName"],
  NCTIdSearch: ["NCTId", "NCTIdAlias"],
  IdSearch: ["NCTId", "NCTIdAlias", "Acronym", "OrgStudyId", "SecondaryId"],
  SponsorSearch: ["LeadSponsorName", "CollaboratorName", "OrgFullName"],
  FunderTypeSearch: ["LeadSponsorClass", "CollaboratorClass"],
  PatientSearch: BASIC.filter(
    (f) => !["NCTId", "Phase", "InterventionType", "ArmGroupType", "LocationStatus", "DesignAllocation", "StudyType", "OverallOfficialRole", "OutcomeMeasureTitle", "OutcomeMeasureDescription"].includes(f),
  ),
};

/** query.* parameter → the area it searches. */
export const QUERY_PARAM_AREAS: Record<string, string> = {
  "query.term": "BasicSearch",
  "query.cond": "ConditionSearch",
  "query.intr": "InterventionSearch",
  "query.titles": "TitleSearch",
  "query.locn": "LocationSearch",
  "query.outc": "OutcomeSearch",
  "query.spons": "SponsorSearch",
  "query.lead": "LeadSponsorName",
  "query.id": "IdSearch",
  "query.patient": "PatientSearch",
};

/** The fields an area (or a single field used as an area) covers, or undefined for an unknown name. */
export function fieldsOf(area: string): string[] | undefined {
  return AREAS[area] ?? (FIELDS[area] || DATE_FIELDS[area] ? [area] : undefined);
}

/** All string values of a field, flattened. */
export function valuesOf(study: Raw, field: string): string[] {
  const getter = FIELDS[field];
  const v = getter ? getter(study) : dateOf(study, field);
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === "string") out.push(x);
    else if (typeof x === "number" || typeof x === "boolean") out.push(String(x));
    else if (Array.isArray(x)) x.forEach(walk);
  };
  walk(v);
  return out;
}

/**
 * Plural folding, the stand-in's only stemming: "therapies" → "therapy", "discs" → "disc";
 * words ending in -ss, -us, -is keep their s ("stenosis", "nucleus pulposus").
 */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  if (token.endsWith("ies") && token.length > 4) return `${token.slice(0, -3)}y`;
  if (token.endsWith("s") && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

/** Lower-cased, accent-free, plural-folded words; underscores stay inside words so enum values stay whole. */
export function tokenize(text: string): string[] {
  const plain = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  return (plain.match(/[a-z0-9_]+/g) ?? []).map(stem);
}

/** Searchable text of some values: " w1 w2 | w3 " — a needle " a b " can never span two values. */
export function indexText(values: string[]): string {
  let out = " ";
  for (const v of values) {
    const words = tokenize(v);
    if (words.length) out += `${words.join(" ")} | `;
  }
  return out;
}
