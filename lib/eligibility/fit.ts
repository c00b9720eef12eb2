import { checkRules, criterionFor, judge, QUESTION_ORDER, QUESTION_RULES, type Check } from "./check";
import type { Profile, ProfileKey, StoredEligibility, TrialFit, Verdict } from "./schema";

/** One trial's answer to POST /api/fit (SPEC §9). */
export type FitResult = { nctId: string; verdict: Verdict; checks: Check[]; otherCriteria: number };

export function fitTrial(nctId: string, stored: StoredEligibility, profile: Profile): FitResult {
  const { verdict, checks } = checkRules(stored.rules, profile, stored.quotes);
  return { nctId, verdict, checks, otherCriteria: stored.uncovered.length };
}

/**
 * The short form a search result carries: the questions that rule the patient out, and the things
 * to ask the study team (questions the answers leave open plus the criteria no rule covers).
 */
export function summarizeFit(r: FitResult): TrialFit {
  return {
    verdict: r.verdict,
    fails: r.checks.filter((c) => c.result === "fails").map((c) => c.question),
    ask: r.checks.filter((c) => c.result === "ask").length + r.otherCriteria,
  };
}

// The JSON body of POST /api/fit, written as bytes: 500 trials × 21 checks are ~10,000 sentences and
// ~1.5 MB, and building them as objects, stringifying them and encoding the string was most of the
// request's time. What does not depend on the answers is encoded once per stored reading (the rules
// cache in data.ts keeps the same object until the trial's row changes); what does is worked out and
// encoded once per distinct rule within a request (most trials share their age range, their "not
// stated" keys…), not once per trial. The body is then one copy of those pieces.

type Prepared = {
  /** Per question (QUESTION_ORDER): the rule values the result depends on, as one string. */
  signature: string[];
  /** Per question: the criterion as JSON (`null` when there is none), UTF-8. */
  criterion: Buffer[];
  /** `"otherCriteria":n}` and what closes the trial. */
  end: Buffer;
};

const preparedOf = new WeakMap<StoredEligibility, Prepared>();

function prepare(stored: StoredEligibility): Prepared {
  const hit = preparedOf.get(stored);
  if (hit) return hit;
  const signature: string[] = [];
  const criterion: Buffer[] = [];
  for (const q of QUESTION_ORDER) {
    let sig: string = q;
    for (const key of QUESTION_RULES[q]) sig += `\u0000${JSON.stringify(stored.rules[key])}`;
    signature.push(sig);
    criterion.push(Buffer.from(JSON.stringify(criterionFor(q, stored.rules, stored.quotes))));
  }
  const out = { signature, criterion, end: Buffer.from(`],"otherCriteria":${stored.uncovered.length}}`) };
  preparedOf.set(stored, out);
  return out;
}

/** A judgement as JSON pieces: the check is `head + criterion + tail`, or `whole` when it has no criterion. */
type Judgement = { fails: boolean; head: Buffer; tail: Buffer; whole: Buffer | null };

const bytes = (s: string) => Buffer.from(s);
const OPEN = bytes('{"results":[');
const CLOSE = bytes("]}");
const COMMA = bytes(",");
const RULED_OUT = bytes('"ruled-out","checks":[');
const NO_CONFLICT = bytes('"no-conflict","checks":[');

/**
 * POST /api/fit's `{"results": […]}` for one profile, as UTF-8 JSON: the same text as
 * `JSON.stringify({results: ids.map(id => fitTrial(id, …))})`, trials not in `rules` left out.
 */
export function fitResultsBody(ids: readonly string[], rules: ReadonlyMap<string, StoredEligibility>, profile: Profile): Buffer<ArrayBuffer> {
  const memo = new Map<string, Judgement>();
  const judged = (q: ProfileKey, sig: string, stored: StoredEligibility): Judgement => {
    let j = memo.get(sig);
    if (!j) {
      const { result, why } = judge(q, stored.rules, profile);
      const head = `{"question":"${q}","result":"${result}","criterion":`;
      const tail = `,"why":${JSON.stringify(why)}}`;
      j = { fails: result === "fails", head: bytes(head), tail: bytes(tail), whole: result === "not-asked" ? bytes(`${head}null${tail}`) : null };
      memo.set(sig, j);
    }
    return j;
  };
  const out: Buffer[] = [OPEN];
  let first = true;
  for (const id of ids) {
    const stored = rules.get(id);
    if (!stored) continue;
    const p = prepare(stored);
    out.push(bytes(`${first ? "" : ","}{"nctId":${JSON.stringify(id)},"verdict":`));
    first = false;
    const verdictAt = out.length;
    out.push(NO_CONFLICT);
    for (let i = 0; i < QUESTION_ORDER.length; i++) {
      const j = judged(QUESTION_ORDER[i]!, p.signature[i]!, stored);
      if (i > 0) out.push(COMMA);
      if (j.whole !== null) out.push(j.whole);
      else out.push(j.head, p.criterion[i]!, j.tail);
      if (j.fails) out[verdictAt] = RULED_OUT;
    }
    out.push(p.end);
  }
  out.push(CLOSE);
  return Buffer.concat(out);
}
