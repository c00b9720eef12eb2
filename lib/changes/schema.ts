import { z } from "zod";

// SPEC §10: the meaningful changes a sync records, and the shape GET /api/trials/{nctId}/changes answers.

export const CHANGE_FIELDS = [
  "added",
  "removed",
  "restored",
  "status",
  "phase",
  "enrollment",
  "startDate",
  "completionDate",
  "sites",
  "eligibility",
  "interventions",
  "contacts",
  "title",
  "results",
] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** `from`/`to` are short plain values; for sites, eligibility, interventions and contacts `to` is a summary. */
export const fieldChangeSchema = z.object({
  field: z.enum(CHANGE_FIELDS),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const storedFieldsSchema = z.array(fieldChangeSchema);

export type TrialChange = { seenAt: string; runId: number | null; fields: FieldChange[] };
export type TrialChanges = { nctId: string; changes: TrialChange[] };
