import { z } from "zod";

/**
 * The eligibility self-check's contract (SPEC §9): the patient's profile (21 optional answers) and a
 * trial's rules (22 keys). No Prisma here: the rule reader, the API routes and the pages all parse
 * with these, so the three never disagree about a key or a value.
 */

const range = z.object({ min: z.number().nullable(), max: z.number().nullable() }).strict();
const excludedOrNot = z.enum(["excluded", "not-stated"]);

export const eligibilityRulesSchema = z
  .object({
    age: range,
    sex: z.enum(["all", "female", "male"]),
    painArea: z.enum(["low-back", "neck", "any"]),
    painMonths: range,
    legPain: z.enum(["required", "excluded", "not-stated"]),
    conservativeMonths: z.object({ min: z.number().nullable() }).strict(),
    conservativeRequired: z.boolean(),
    spineSurgery: z.enum(["excluded-any", "excluded-at-level", "required", "not-stated"]),
    priorCellTherapy: excludedOrNot,
    spineInjectionWeeks: z.union([z.object({ excludedWithin: z.number().nullable() }).strict(), z.literal("not-stated")]),
    pregnancy: excludedOrNot,
    bmiMax: z.number().nullable(),
    cancer: z.union([
      z.enum(["excluded-any-history", "excluded-active", "not-stated"]),
      z.object({ excludedWithinYears: z.number() }).strict(),
    ]),
    diabetes: z.enum(["excluded-any", "excluded-uncontrolled", "not-stated"]),
    immunosuppressants: excludedOrNot,
    autoimmune: excludedOrNot,
    bleeding: excludedOrNot,
    smoking: excludedOrNot,
    opioids: excludedOrNot,
    osteoporosis: excludedOrNot,
    painfulLevelsMax: z.number().nullable(),
    imagingRequired: z.enum(["required", "not-stated"]),
  })
  .strict();

export type EligibilityRules = z.infer<typeof eligibilityRulesSchema>;
export type RuleKey = keyof EligibilityRules;
export const RULE_KEYS = Object.keys(eligibilityRulesSchema.shape) as RuleKey[];

/**
 * What the rule reader stores per trial: the rules, the criterion words that decided each
 * (`"structured"` for the age/sex fields), and the criteria no rule covers (each one a thing to ask
 * the study team; their count is SPEC §9's `otherCriteria`).
 */
export const storedEligibilitySchema = z.object({
  rules: eligibilityRulesSchema,
  quotes: z.record(z.string(), z.string()),
  uncovered: z.array(z.string()),
});
export type StoredEligibility = z.infer<typeof storedEligibilitySchema>;

/** Every rule unknown: what a trial gets when its record states nothing the reader can encode. */
export const NOTHING_STATED: EligibilityRules = {
  age: { min: null, max: null },
  sex: "all",
  painArea: "any",
  painMonths: { min: null, max: null },
  legPain: "not-stated",
  conservativeMonths: { min: null },
  conservativeRequired: false,
  spineSurgery: "not-stated",
  priorCellTherapy: "not-stated",
  spineInjectionWeeks: "not-stated",
  pregnancy: "not-stated",
  bmiMax: null,
  cancer: "not-stated",
  diabetes: "not-stated",
  immunosuppressants: "not-stated",
  autoimmune: "not-stated",
  bleeding: "not-stated",
  smoking: "not-stated",
  opioids: "not-stated",
  osteoporosis: "not-stated",
  painfulLevelsMax: null,
  imagingRequired: "not-stated",
};

const years = z.number().finite().min(0).max(130);
const months = z.number().finite().min(0).max(1200);

/** The patient's answers; every key optional (unanswered = unknown); unknown keys are an error. */
export const profileSchema = z
  .object({
    age: years,
    sex: z.enum(["female", "male"]),
    painArea: z.enum(["low-back", "neck", "both"]),
    painMonths: months,
    legPain: z.boolean(),
    conservativeMonths: months,
    spineSurgery: z.boolean(),
    priorCellTherapy: z.boolean(),
    spineInjectionWeeksAgo: z.number().finite().min(0).max(5200).nullable(),
    pregnant: z.boolean(),
    bmi: z.number().finite().min(10).max(100),
    cancerYearsAgo: z.number().finite().min(0).max(130).nullable(),
    diabetes: z.enum(["none", "controlled", "uncontrolled"]),
    immunosuppressants: z.boolean(),
    autoimmune: z.boolean(),
    bleeding: z.boolean(),
    smoker: z.boolean(),
    opioids: z.boolean(),
    osteoporosis: z.boolean(),
    painfulLevels: z.number().int().min(0).max(30),
    imaging: z.boolean(),
  })
  .partial()
  .strict();

export type Profile = z.infer<typeof profileSchema>;
export type ProfileKey = keyof Profile;
export const PROFILE_KEYS = Object.keys(profileSchema.shape) as ProfileKey[];

export type CheckResult = "meets" | "fails" | "ask" | "not-asked";
export type Verdict = "ruled-out" | "no-conflict";

/** An NCT id in a request body. */
const nctIdSchema = z.string().regex(/^NCT\d{8}$/, "expected NCT followed by 8 digits");

/** Most trials one POST /api/fit may ask about (SPEC §9). */
export const FIT_MAX_IDS = 500;

/** POST /api/fit body: the answers and the trials to check them against. */
export const fitRequestSchema = z
  .object({
    profile: profileSchema,
    nctIds: z.array(nctIdSchema).max(FIT_MAX_IDS, `at most ${FIT_MAX_IDS} trials per request`),
  })
  .strict();
export type FitRequest = z.infer<typeof fitRequestSchema>;

/** POST /api/trials body: a search (its canonical query string) with the answers. */
export const searchWithProfileSchema = z
  .object({
    query: z.string().max(4000, "at most 4000 characters"),
    profile: profileSchema,
    hideRuledOut: z.boolean().default(false),
  })
  .strict();
export type SearchWithProfile = z.infer<typeof searchWithProfileSchema>;

/** A check's outcome as one search result carries it (SPEC §9 `fit`): the failing questions and how many things to ask. */
export type TrialFit = { verdict: Verdict; fails: ProfileKey[]; ask: number };
