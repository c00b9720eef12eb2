import { z } from "zod";

/**
 * zod schemas for the parts of a ClinicalTrials.gov v2 study the product uses. Objects are loose:
 * unknown fields pass through untouched (the raw record is stored whole). Only what we rely on is
 * checked; a record without an NCT id is invalid.
 */

const str = z.string();
const optStr = str.nullish();
const strList = z.array(str).nullish();

/** "2024", "2024-05" or "2024-05-17" (the API uses all three). */
export const partialDate = z.string().regex(/^(?!0000)\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, "expected a date as YYYY, YYYY-MM or YYYY-MM-DD");

const dateStruct = z.looseObject({ date: partialDate, type: optStr }).nullish();

const geoPoint = z.looseObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).nullish();

const contact = z.looseObject({ name: optStr, role: optStr, phone: optStr, phoneExt: optStr, email: optStr });

export const locationSchema = z.looseObject({
  facility: optStr,
  status: optStr,
  city: optStr,
  state: optStr,
  zip: optStr,
  country: optStr,
  geoPoint,
  contacts: z.array(contact).nullish(),
});

export const interventionSchema = z.looseObject({
  type: optStr,
  name: str,
  description: optStr,
  armGroupLabels: strList,
  otherNames: strList,
});

export const armGroupSchema = z.looseObject({
  label: str,
  type: optStr,
  description: optStr,
  interventionNames: strList,
});

export const studySchema = z.looseObject({
  protocolSection: z.looseObject({
    identificationModule: z.looseObject({
      nctId: z.string().regex(/^NCT\d{8}$/, "must be NCT followed by 8 digits"),
      briefTitle: optStr,
      officialTitle: optStr,
      acronym: optStr,
    }),
    statusModule: z
      .looseObject({
        overallStatus: optStr,
        statusVerifiedDate: partialDate.nullish(),
        startDateStruct: dateStruct,
        primaryCompletionDateStruct: dateStruct,
        completionDateStruct: dateStruct,
        studyFirstPostDateStruct: dateStruct,
        lastUpdatePostDateStruct: dateStruct,
      })
      .nullish(),
    sponsorCollaboratorsModule: z.looseObject({ leadSponsor: z.looseObject({ name: optStr, class: optStr }).nullish() }).nullish(),
    descriptionModule: z.looseObject({ briefSummary: optStr, detailedDescription: optStr }).nullish(),
    conditionsModule: z.looseObject({ conditions: strList, keywords: strList }).nullish(),
    designModule: z
      .looseObject({
        studyType: optStr,
        phases: strList,
        enrollmentInfo: z.looseObject({ count: z.number().int().nonnegative().max(2_147_483_647).nullish(), type: optStr }).nullish(),
      })
      .nullish(),
    armsInterventionsModule: z
      .looseObject({ armGroups: z.array(armGroupSchema).nullish(), interventions: z.array(interventionSchema).nullish() })
      .nullish(),
    eligibilityModule: z
      .looseObject({
        eligibilityCriteria: optStr,
        sex: optStr,
        minimumAge: optStr,
        maximumAge: optStr,
        healthyVolunteers: z.boolean().nullish(),
      })
      .nullish(),
    contactsLocationsModule: z
      .looseObject({ centralContacts: z.array(contact).nullish(), locations: z.array(locationSchema).nullish() })
      .nullish(),
  }),
  derivedSection: z.looseObject({ miscInfoModule: z.looseObject({ versionHolder: optStr }).nullish() }).nullish(),
  hasResults: z.boolean().nullish(),
});

export type Study = z.infer<typeof studySchema>;

export const versionSchema = z.looseObject({ apiVersion: z.string(), dataTimestamp: z.string() });
export type CtgovVersion = z.infer<typeof versionSchema>;

export const studiesPageSchema = z.looseObject({
  studies: z.array(z.unknown()),
  nextPageToken: z.string().nullish(),
  totalCount: z.number().int().nonnegative().nullish(),
});

/** A readable one-line reason from a zod error, naming the field path. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`)
    .join("; ");
}

/** Best-effort NCT id of a record that failed validation (for the invalid-records table). */
export function looseNctId(raw: unknown): string | null {
  const id = (raw as { protocolSection?: { identificationModule?: { nctId?: unknown } } } | null)?.protocolSection?.identificationModule?.nctId;
  return typeof id === "string" && id.length <= 32 ? id : null;
}
