import en from "../i18n/messages/en/labels.json" with { type: "json" };
import type { Study } from "./record";
import { negatedAt, norm, sentences } from "./text";

// Reasons to double-check a listing. Every flag is computed against the data's own date (the
// record's version date or the sync time), never the wall clock, so re-running the classifier
// on an old snapshot gives the same answer.

/** Plain-language text the UI shows for each flag slug (reading grade 8 or below): the English `labels` catalogue's (lib/i18n/labels.ts has every language). */
export const FLAGS: Record<string, { label: string; explanation: string }> = en.flags;

const OPEN = new Set(["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION", "ACTIVE_NOT_RECRUITING"]);
const STOPPED = new Set(["TERMINATED", "WITHDRAWN", "SUSPENDED"]);
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const TWO_YEARS_MS = 2 * 365.25 * 24 * 3600 * 1000;

/**
 * The last moment a date string can mean, in UTC: "2024-08" is all of August, so a completion
 * date of "2024-08" has passed only once August is over. Accepts YYYY, YYYY-MM, YYYY-MM-DD and
 * the v1 forms "August 2024" / "August 31, 2024". Returns undefined when unreadable.
 */
export function endOf(date: string): Date | undefined {
  const d = date.trim();
  let m = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/.exec(d);
  if (m) {
    const y = Number(m[1]);
    if (m[3]) return new Date(Date.UTC(y, Number(m[2]) - 1, Number(m[3]), 23, 59, 59));
    if (m[2]) return new Date(Date.UTC(y, Number(m[2]), 0, 23, 59, 59));
    return new Date(Date.UTC(y, 11, 31, 23, 59, 59));
  }
  m = /^([A-Za-z]+)\s+(?:(\d{1,2}),\s*)?(\d{4})$/.exec(d);
  const month = m ? MONTHS.indexOf((m[1] as string).toLowerCase()) : -1;
  if (!m || month < 0) return undefined;
  const y = Number(m[3]);
  return m[2] ? new Date(Date.UTC(y, month, Number(m[2]), 23, 59, 59)) : new Date(Date.UTC(y, month + 1, 0, 23, 59, 59));
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// "This patient funded trial", "participants will pay for the treatment", "this study does not
// cover the cost of treatment". Phrases that deny payment ("at no cost to participants", "free
// of charge") are negations and never flag.
const PAYS =
  /\b(?:patient|participant|subject|self)[- ]funded\b|\bself[- ]pay(?:ing|ment)? (?:basis|for|treatment|study)\b|\b(?:patients?|participants?|subjects?|you)\s+(?:will\s+|must\s+|are\s+required\s+to\s+|have\s+to\s+|need\s+to\s+|agree\s+to\s+)?(?:pay\b|be\s+charged\b|be\s+responsible\s+for\s+(?:paying|the\s+costs?|all\s+costs?)|bear\s+the\s+costs?)|\bcosts?\s+of\s+(?:the\s+)?(?:treatment|procedure|therapy|intervention|injections?|cells?|stem\s+cells?)\s+(?:is|are|will\s+be)\s+(?:borne|paid|covered)\s+by\s+the\s+(?:patients?|participants?|subjects?)|\bat\s+(?:their|the\s+patient'?s|the\s+participant'?s)\s+own\s+(?:cost|expense)\b|\bout[- ]of[- ]pocket\b|\b(?:treatment|participation|procedure)\s+fees?\b/;
const DOES_NOT_COVER = /\b(?:does|do|will)\s+not\s+(?:cover|pay\s+for|fund|reimburse)\s+(?:the\s+)?costs?\s+of\s+(?:the\s+)?(?:treatment|procedure|therapy|intervention|injections?|cells?)/;
const FREE = /\b(?:no|without|free of|waived)\s+(?:any\s+)?(?:cost|charge|fee|payment)s?\b|\bfree of charge\b|\bat no (?:cost|charge)\b|\b(?:paid|covered|provided|funded) (?:for )?by the (?:study|sponsor|trial)\b|\bpay (?:nothing|no\b|\$0\b)|\bnothing to pay\b/;

const MONEY_HINT = /self[- ]pa|funded|pocket|\bpay\b|charged|costs? of|responsible for|\bfees?\b|expense|not (?:cover|pay|fund|reimburse)/i;

// Only the rare text that talks about money is split into sentences.
function paysIn(text: string): string | undefined {
  if (!MONEY_HINT.test(text)) return undefined;
  const n = norm(text);
  if (!PAYS.test(n) && !DOES_NOT_COVER.test(n)) return undefined;
  for (const s of sentences(text)) {
    const phrase = paysSentence(s);
    if (phrase) return phrase;
  }
  return undefined;
}

// The first text, in order, that says participants pay.
function paysInAny(texts: readonly string[]): string | undefined {
  for (const t of texts) {
    const phrase = paysIn(t);
    if (phrase) return phrase;
  }
  return undefined;
}

function paysSentence(s: string): string | undefined {
  const cover = DOES_NOT_COVER.exec(s);
  if (cover) return cover[0];
  const m = PAYS.exec(s);
  if (!m || negatedAt(s, m.index) || FREE.test(s)) return undefined;
  return m[0];
}

export type FlagResult = { flags: string[]; why: Record<string, string[]> };

/** Flags for one study as of the data's own date. */
export function flagsOf(study: Study, asOf: Date): FlagResult {
  const why: Record<string, string[]> = {};
  const status = study.overallStatus;
  const completion = endOf(study.completionDate || study.primaryCompletionDate);
  const completionText = study.completionDate || study.primaryCompletionDate;

  if (OPEN.has(status)) {
    const verified = endOf(study.statusVerifiedDate);
    const reasons: string[] = [];
    if (verified && asOf.getTime() - verified.getTime() > TWO_YEARS_MS) {
      reasons.push(`status ${status} but last verified ${study.statusVerifiedDate}, over 2 years before ${day(asOf)}`);
    }
    if (completion && completion.getTime() < asOf.getTime()) {
      reasons.push(`status ${status} but its completion date ${completionText} had passed by ${day(asOf)}`);
    }
    if (reasons.length > 0) why.stale = reasons;
  }

  const pays = paysInAny([study.briefTitle, study.officialTitle, study.briefSummary, study.detailedDescription, study.eligibilityCriteria]) ?? paysInAny(study.arms.map((a) => a.description)) ?? paysInAny(study.interventions.map((i) => i.description));
  if (pays) why["pay-to-participate"] = [`the record says '${pays}'`];

  if (status === "COMPLETED" && study.hasResults === false && completion && asOf.getTime() - completion.getTime() > TWO_YEARS_MS) {
    why["no-results"] = [`completed ${completionText}, over 2 years before ${day(asOf)}, and no results are posted`];
  }
  if (status === "UNKNOWN") why["status-unknown"] = ["ClinicalTrials.gov marks the status unknown: it was not verified for over 2 years after its expected end"];
  if (STOPPED.has(status)) {
    why["stopped-early"] = [study.whyStopped ? `status ${status}: '${study.whyStopped}'` : `status ${status}; no reason given`];
  }
  const flags = Object.keys(FLAGS).filter((f) => why[f]);
  return { flags, why };
}
