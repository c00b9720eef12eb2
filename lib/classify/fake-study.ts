// Builds v2-shaped study objects for the classifier's tests from short snippets of real records,
// so each test shows only the fields its rule reads.

export type FakeIntervention = { type?: string; name: string; description?: string; otherNames?: string[]; armGroupLabels?: string[] };
export type FakeArm = { label: string; type?: string; description?: string; interventionNames?: string[] };

export type FakeStudy = {
  nctId?: string;
  briefTitle?: string;
  officialTitle?: string;
  briefSummary?: string;
  detailedDescription?: string;
  conditions?: string[];
  keywords?: string[];
  interventions?: FakeIntervention[];
  arms?: FakeArm[];
  phases?: string[];
  studyType?: string;
  overallStatus?: string;
  statusVerifiedDate?: string;
  completionDate?: string;
  whyStopped?: string;
  hasResults?: boolean;
  versionHolder?: string;
  eligibilityCriteria?: string;
  sponsor?: string;
};

export function fakeStudy(s: FakeStudy): Record<string, unknown> {
  return {
    protocolSection: {
      identificationModule: { nctId: s.nctId ?? "NCT00000000", briefTitle: s.briefTitle ?? "", officialTitle: s.officialTitle, organization: { fullName: s.sponsor } },
      statusModule: {
        overallStatus: s.overallStatus ?? "COMPLETED",
        statusVerifiedDate: s.statusVerifiedDate,
        completionDateStruct: s.completionDate ? { date: s.completionDate } : undefined,
        whyStopped: s.whyStopped,
      },
      sponsorCollaboratorsModule: { leadSponsor: { name: s.sponsor } },
      descriptionModule: { briefSummary: s.briefSummary, detailedDescription: s.detailedDescription },
      conditionsModule: { conditions: s.conditions ?? [], keywords: s.keywords },
      designModule: { studyType: s.studyType ?? "INTERVENTIONAL", phases: s.phases },
      armsInterventionsModule: {
        interventions: (s.interventions ?? []).map((i) => ({ type: i.type ?? "BIOLOGICAL", ...i })),
        armGroups: s.arms,
      },
      eligibilityModule: { eligibilityCriteria: s.eligibilityCriteria },
    },
    derivedSection: { miscInfoModule: { versionHolder: s.versionHolder } },
    hasResults: s.hasResults,
  };
}
