import type { ProfileKey } from "./schema";

/** The short name of each answer, as a card says what rules a patient out ("Rules you out: age, smoking or nicotine"). */
export const ANSWER_NAMES: Record<ProfileKey, string> = {
  age: "age",
  sex: "sex",
  pregnant: "pregnancy or breastfeeding",
  bmi: "body mass index",
  painArea: "where the pain is",
  painMonths: "how long you have had the pain",
  legPain: "leg pain",
  painfulLevels: "number of painful discs",
  imaging: "MRI or CT findings",
  conservativeMonths: "non-surgical care tried",
  spineSurgery: "earlier spine surgery",
  priorCellTherapy: "earlier cell or biologic treatment",
  spineInjectionWeeksAgo: "recent spinal injection",
  opioids: "opioid pain medicine",
  cancerYearsAgo: "cancer",
  diabetes: "diabetes",
  immunosuppressants: "immune-weakening drugs or steroids",
  autoimmune: "autoimmune or inflammatory joint disease",
  bleeding: "bleeding disorder or blood thinners",
  smoker: "smoking or nicotine",
  osteoporosis: "osteoporosis",
};

/** The short name of an answer; an unknown key as it is. */
export const shortName = (key: string) => ANSWER_NAMES[key as ProfileKey] ?? key;
