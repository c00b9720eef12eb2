import type { Criterion } from "./criteria";
import { AT_LEVEL, clauseOf, discounted, finding, firstCounted, segmentOf, type Finding, type ReadInput } from "./reading";
import type { EligibilityRules } from "./schema";
import { durations, toYears } from "./text";

/** Health conditions and medicines that rule a patient out: the yes/no keys, pregnancy, BMI, cancer, diabetes. */

type YesNoKey = "immunosuppressants" | "autoimmune" | "bleeding" | "smoking" | "opioids" | "osteoporosis";

// `notHere`: a mention that does not count, tested on "<up to 30 characters before> NUL <the mention and 40 after>".
type YesNoRule = { key: YesNoKey; term: RegExp; skip?: RegExp; qualified?: RegExp; notHere?: RegExp };

// `skip`: the mention is about something else; `qualified`: only some of it is ruled out and no value
// keeps the qualifier ("more than 20 cigarettes a day", "opioid dose > 30 mg") — left for the team.
const YES_NO: YesNoRule[] = [
  {
    key: "immunosuppressants",
    term: /\bimmuno-?suppress\w*|\bimmune[- ]?suppress\w*|\b(?:cortico)?steroids? (?:drug )?(?:use|usage|therapy|treatment)\b|\bimmunologically suppressed\b|\bimmune[- ]?compromised\b|\bimmunocompromised\b|\b(?:chronic|long-term|long term|systemic|oral|daily|maintenance) (?:\w+ ){0,2}(?:cortico)?steroids?\b|\b(?:use of|taking|treatment with|on|history of) (?:\w+ ){0,2}(?:cortico)?steroids?\b/g,
    skip: /\binhaled\b|\btopical\b|\bepidural\b|\bintra-?articular\b|\bsteroid injections?\b/,
    // "Radiation pneumonitis requiring steroid therapy": a disease once treated, not a medicine taken
    // (a steroid mention with nothing before it saying how long or how it is taken, after "requiring").
    notHere: /\b(?:requir\w*|need\w*) (?:\w+ )?\u0000(?:cortico)?steroid/,
  },
  {
    key: "autoimmune",
    term: /\bauto-?immune\b|\brheumat(?:oid|ic) arthritis\b|\brheumatoid\b|\blupus\b|\bsle\b|\bankylosing spondylitis\b|\bpsoriatic arthritis\b|\binflammatory (?:arthritis|arthropath\w*|joint diseases?|spondyl(?:o)?arthr\w*)|\bspondyl(?:o)?arthr(?:itis|opath\w*)|\bscleroderma\b|\bsj[oö]gren|\brheumat\w* (?:diseases?|disorders?|conditions?)\b|\brheumatolog\w*|\binflammatory (?:spinal |joint |rheumatic |systemic )?(?:diseases?|disorders?|conditions?)\b|\bsystemic inflammatory\b|\bbechterew/g,
    // "Spinal inflammatory disease", "inflammatory spondylopathy": inflammation of the spine (often an
    // infection), not a disease of the immune system.
    skip: /\b(?:spinal|spine|vertebral|dis[ck]) inflammatory\b|\binflammatory spondylopath\w*|\bspondylodiscitis\b/,
  },
  {
    key: "bleeding",
    term: /\bbleeding (?:disorders?|diathesis|tendenc\w*|diseases?)|\b(?:excessive|abnormal) bleeding\b|\bcoagulopath\w*|\bcoagulation (?:disorders?|abnormalit\w*|defects?)|\bclotting disorders?|\bha?emophilia\b|\banti-?coagula\w*|\bblood thinn\w*|\banti-?platelet\w*|\bwarfarin\b|\bha?emorrhagic (?:diseases?|diathesis|disorders?)|\bthrombocytopeni\w*/g,
  },
  {
    key: "smoking",
    term: /\bsmok\w*|\btobacco\b|\bnicotine\b|\bcigarettes?\b|\bvap(?:e|ing)\b/g,
    skip: /\bsmoke inhalation\b|\b(?:smoking|tobacco|nicotine) cessation\b/,
    qualified: /\b(?:more than|>|over) ?\d+ (?:cigarettes|packs?)|\bpack[- ]years?\b|\bheavy (?:smok|use)|\bcigarettes? (?:per|a) day\b|\bpacks? (?:per|a) day\b/,
  },
  {
    key: "opioids",
    term: /\b(?:continuous|continual|regular|daily|chronic|long-term) (?:use of )?(?:pain ?killers?|pain medications?|pain medicines?|analgesics?)\b|\b(?:continuous|regular|daily|chronic) (?:pain ?killer|analgesic|pain medication) (?:drug )?use\b|\bopioids?\b|\bopiates?\b|\bnarcotics?\b|\bmorphine\b|\boxycodone\b|\bhydrocodone\b|\bfentanyl\b|\btramadol\b|\bbuprenorphine\b|\bmethadone\b/g,
    skip: /\bnon-?morphine\b|\bnon-?opioid\b|\babuse\b|\baddiction\b|\bdependen\w*|\buse disorder\b/,
    // "Hospitalization for intravenous or intramuscular narcotics", "long-term strong opiates": only some opioid use.
    qualified: /\bmg\b|\bmme\b|\bmorphine (?:milligram )?equivalent|\bdoses?\b|\bdosage\b|\bmilligrams?\b|\bintravenous\b|\bintramuscular\b|\bhospitali[sz]\w*|\bparenteral\b|\bstrong (?:opioids?|opiates?|narcotics?)\b/,
  },
  {
    key: "osteoporosis",
    term: /\bosteoporo\w*|\bosteopeni\w*|\blow bone (?:mineral )?density\b|\b(?:metabolic|known) bone diseases?\b(?! (?:associated with|due to|secondary to|caused by|related to))/g,
    // "History of vertebral fracture or osteoporotic fracture": only people who had such a fracture.
    skip: /\bcauses? of osteoporosis\b/,
    notHere: /\u0000osteoporotic (?:(?:vertebral|spine|spinal|hip|wrist|compression) )?fractures?\b/,
  },
];

// An allergy to a medicine, or a device that holds one, is not taking it.
const NOT_TAKING = /\ballerg\w*|\bhypersensitiv\w*|\bintoleran\w*|\bpumps?\b/;

function readYesNo(rule: YesNoRule, input: ReadInput): Finding | null {
  for (const { item, text } of input.excluded) {
    if (rule.skip?.test(text) || NOT_TAKING.test(text)) continue;
    const notHere = rule.notHere;
    const m = firstCounted(rule.term, text, notHere ? (hit) => notHere.test(`${text.slice(Math.max(0, hit.index - 30), hit.index)}\u0000${text.slice(hit.index, hit.index + 40)}`) : undefined);
    if (!m) continue;
    if (rule.qualified?.test(text)) continue;
    // "… spondyloarthropathy affecting the index disc": limited to the treated disc, which these keys cannot say.
    if (AT_LEVEL.test(segmentOf(text, m.index))) continue;
    return finding(rule.key, "excluded", item);
  }
  return null;
}

const PREGNANCY = /\bpregnan\w*|\blactat\w*|\bbreast-?\s?feed\w*|\bnursing\b(?! homes?\b| staff\b| care\b| facilit)/g;
const NOT_BEING_PREGNANT = /\b(?:become|becoming|get|getting) pregnant\b|\bpregnancy tests?\b|\bpregnancy prevention\b|\bcontracepti\w*|\bbirth control\b/g;

/** Pregnancy or breastfeeding ruled out (by an exclusion, or an inclusion that needs a negative test). */
export function readPregnancy(input: ReadInput): Finding | null {
  for (const { item, text } of input.excluded) {
    // "Women who are or intend to become pregnant": being pregnant now is ruled out too.
    const positiveTest = /\bpositive (?:\w+ ){0,2}pregnancy test\b|\b(?:are|is) or (?:\w+ ){0,3}(?:become|get) pregnant\b/.test(text);
    const rest = text.replace(NOT_BEING_PREGNANT, " ");
    if (positiveTest || firstCounted(PREGNANCY, rest)) return finding("pregnancy", "excluded", item);
  }
  for (const item of input.required) {
    // "Skeletally mature male or female (non-pregnant)": the inclusion rules pregnancy out.
    if (/\bnegative (?:\w+ ){0,2}pregnancy test\b|\bnon-?pregnant\b|\bnot (?:be )?pregnant\b/.test(item.lower)) return finding("pregnancy", "excluded", item);
  }
  return null;
}

const BMI = /\bbmi\b|\bbody mass index\b/g;
const UPPER_STRICT = /^(?:>|greater than|more than|over|above|exceeding|in excess of)$/;
const UPPER_INCLUSIVE = /^(?:>=|greater than or equal to|at least|of at least|equal to or greater than|equal or greater than)$/;
const BELOW_STRICT = /^(?:<|less than|under|below|lower than)$/;
const BELOW_INCLUSIVE = /^(?:<=|less than or equal to|at most|up to|no more than|not more than|not exceeding|maximum(?: of)?|equal to or less than)$/;
const BMI_BOUND =
  /(>=|<=|>|<|greater than or equal to|less than or equal to|equal to or greater than|equal or greater than|equal to or less than|greater than|more than|less than|lower than|in excess of|over|above|exceeding|under|below|of at least|at least|at most|up to|no more than|not more than|not exceeding|maximum(?: of)?) ?(\d{2}(?:\.\d)?)(?!\d)|\b(\d{2}(?:\.\d)?) ?(?:kg\/m2|kg\/m\^?2)? ?(or (?:more|greater|higher|above)|and (?:above|over))|\b(\d{2}(?:\.\d)?) ?(?:-|to|and) ?(\d{2}(?:\.\d)?)\b/g;

/** The highest BMI allowed: "BMI > 35" excluded → 35, "≥ 35" → 34.9, inclusion "BMI < 30" → 29.9. */
export function readBmi(input: ReadInput): Finding | null {
  let max: number | null = null;
  let from: Criterion | null = null;
  const cap = (n: number, item: Criterion) => {
    if (n >= 15 && n <= 70 && (max === null || n < max)) {
      max = Math.round(n * 10) / 10;
      from = item;
    }
  };
  const scan = (item: Criterion, text: string, exclusion: boolean) => {
    BMI.lastIndex = 0;
    const at = BMI.exec(text);
    if (!at || discounted(text, at.index)) return;
    const window = text.slice(at.index, at.index + 90);
    for (const m of window.matchAll(BMI_BOUND)) {
      if (m[2] !== undefined) {
        const op = m[1] ?? "";
        const n = Number(m[2]);
        if (exclusion && UPPER_STRICT.test(op)) cap(n, item);
        else if (exclusion && UPPER_INCLUSIVE.test(op)) cap(n - 0.1, item);
        else if (!exclusion && BELOW_STRICT.test(op)) cap(n - 0.1, item);
        else if (!exclusion && BELOW_INCLUSIVE.test(op)) cap(n, item);
      } else if (m[4] !== undefined) {
        if (exclusion) cap(Number(m[3]) - 0.1, item);
      } else if (m[6] !== undefined && !exclusion) {
        const lo = Number(m[5]);
        const hi = Number(m[6]);
        if (lo < hi) cap(hi, item);
      }
    }
  };
  for (const item of input.required) scan(item, item.lower, false);
  for (const { item, text } of input.excluded) scan(item, text, true);
  if (max === null || from === null) return null;
  return finding("bmiMax", max, from);
}

const CANCER = /\bcancers?\b|\bmalignan\w*|\bneoplas\w*|\bcarcinomas?\b|\btumou?r(?:s|ous)?\b(?! necrosis)|\bsarcomas?\b|\blymphomas?\b|\bleuka?emias?\b|\bmetasta\w*|\boncolog\w*/g;
// "Instability associated with … surgery for tumours", "fracture due to neoplastic pathology": a cause, not the patient's cancer.
// "Other causes of radicular syndrome such as cancer": one cause of something else, not cancer itself.
// "Indication for surgery other than degenerative disease (e.g., neoplasm …)", "surgery for - as the
// primary indication - infections, vertebral tumors": what an operation is for.
const CANCER_AS_CAUSE = /\b(?:due to|caused by|secondary to|associated with|for) (?:[\w,/().-]+ ){0,8}$|\bcauses? of (?:[\w,/-]+ ){0,5}(?:such as|e\.g\.?,?|including|like) (?:[\w,/-]+ ){0,3}$/;
// "Prior to study completion" looks forward, not back.
// "Infectious, inflammatory, metabolic, neoplastic, abdominal, pelvic aetiology of back pain": the cause of the pain.
const CAUSE_AFTER = /^[\w-]+,?(?: [\w/-]+,?){0,6} (?:a?etiology|origin|cause) of\b/;
const HISTORY = /\bhistory\b|\bprevious\w*|\bprior\b(?! to\b)|\bever\b|\bpast\b/;
// "Previously diagnosed with a malignancy and have evidence of residual disease": only cancer still there.
const STILL_THERE = /\bresidual (?:disease|tumou?r|cancer|malignan\w*)|\brequir\w* (?:active |ongoing |current )?(?:therapy|treatment)\b|\bevidence of (?:active |residual |recurr\w* |current )?(?:disease|tumou?r|cancer|malignan\w*)\b/;
// "within the last 5 years", "disease free for at least 3 years", "unless treated … for at least 5 years".
const WINDOW = /(?:within|in|during|over) (?:the )?(?:last|past|previous|preceding|prior)? ?$|\bfor the (?:last|past|previous|preceding) $|\brecent\w* \(?(?:<|<=|less than) ?$|(?:disease[- ]free|free of disease|cancer[- ]free|remission|cured) (?:for )?(?:at least |more than |>= ?|> ?)?$|\bfor (?:at least|a minimum of|more than|>=?) ?$/;

type CancerValue = EligibilityRules["cancer"];

function cancerRank(v: CancerValue): number {
  if (v === "excluded-any-history") return 1000;
  if (typeof v === "object") return v.excludedWithinYears;
  return v === "excluded-active" ? 0 : -1;
}

/** Cancer ruled out: any history, within n years, or only active; the broadest of the record's rules. */
export function readCancer(input: ReadInput): Finding | null {
  let best: { value: CancerValue; item: Criterion } | null = null;
  for (const { item, text } of input.excluded) {
    const m = firstCounted(
      CANCER,
      text,
      (hit) => CANCER_AS_CAUSE.test(text.slice(Math.max(0, hit.index - 60), hit.index)) || CAUSE_AFTER.test(text.slice(hit.index, hit.index + 90)),
    );
    if (!m) continue;
    let value: CancerValue = "excluded-active";
    const window = durations(text).find((d) => (d.unit === "year" || d.unit === "month") && WINDOW.test(text.slice(Math.max(0, d.index - 40), d.index)));
    // History and activity are judged in the mention's own clause ("…such as tumours. Also excluded: previous surgery").
    const clause = clauseOf(text, m.index);
    const history = HISTORY.test(clause) && !/\bhistory of (?:recent|active|current)\b/.test(clause) && !STILL_THERE.test(clause);
    if (window) value = { excludedWithinYears: toYears(window.n, window.unit) };
    else if (history) value = "excluded-any-history";
    if (best === null || cancerRank(value) > cancerRank(best.value)) best = { value, item };
  }
  return best ? finding("cancer", best.value, best.item) : null;
}

// "Diabetic neuropathy", "polyneuropathy (diabetic or other)": the adjective names another disease.
// "Diabetic and hypertensive patients" too; "diabetic" alone often names another disease ("diabetic macular edema").
const DIABETES = /\bdiabetes\b|\bdiabetic (?:patients?|subjects?|individuals?|persons?|people)\b|\bdiabetics\b|\bdiabetic(?=,? (?:and|or) [\w-]+ (?:patients?|subjects?|individuals?)\b)|\bendocrine (?:or metabolic )?(?:disorders?|diseases?)\b/g;
const DIABETIC_OTHER = /^diabetic (?:neuropathy|polyneuropathy|foot|feet|retinopathy|nephropathy|ulcers?|ketoacidosis|wounds?|gastroparesis)|^diabetes insipidus/;
// "Peripheral neuropathy such as from diabetes": diabetes as the cause of what is ruled out.
const DIABETES_AS_CAUSE = /\b(?:from|due to|caused by|secondary to|because of|related to|resulting from) (?:\w+ ){0,2}$/;
const UNCONTROLLED =
  /\buncontrolled\b|\bpoorly controlled\b|\bnot (?:well |adequately )?controlled\b|\binadequately controlled\b|\bunstable\b|\bbrittle\b|\binsulin[- ]dependent\b|\binsulin[- ]requiring\b|\brequiring (?:daily )?insulin\b|\bon insulin\b|\binsulin (?:management|treatment|therapy)\b|\binsulin-treated\b|\b(?:drug|medication|medically)[- ]treated\b|\btreated (?:with|by) (?:drugs?|medications?|medicines?|insulin|oral)\b|\b(?:unresponsive|refractory|resistant|not responding) to (?:\w+ ){0,2}(?:treatment|therapy|drugs?|medications?)\b|\brequiring (?:drugs?|medications?|treatment)\b|\bsevere\b|\bhba1c\b|\ba1c\b|\bglycated\b|\bcomplicat\w*|\bwith complications\b|\bdecompensated\b/;

/** Diabetes ruled out: any, or only uncontrolled (insulin-dependent, severe, HbA1c above a value: kept, never widened). */
export function readDiabetes(input: ReadInput): Finding | null {
  let any: Criterion | null = null;
  let uncontrolled: Criterion | null = null;
  for (const { item, text } of input.excluded) {
    const m = firstCounted(
      DIABETES,
      text,
      (hit) =>
        DIABETIC_OTHER.test(text.slice(hit.index, hit.index + 30)) ||
        DIABETES_AS_CAUSE.test(text.slice(Math.max(0, hit.index - 40), hit.index)) ||
        // "Endocrine or metabolic disorder" alone counts; "… known to affect osteogenesis" is only some of them.
        (hit[0].startsWith("endocrine") && !/^[\s.;]*$/.test(text.slice(hit.index + hit[0].length))),
    );
    if (!m) continue;
    if (gestationalOnly(text)) continue;
    // The qualifier may follow a bracket: "diabetes mellitus (Type 1 or 2) requiring daily insulin".
    // Reading it too far only narrows the rule (a missed exclusion, never a wrong one).
    const after = text.slice(m.index, m.index + 80).split(/[;.]/)[0] ?? "";
    if (UNCONTROLLED.test(segmentOf(text, m.index)) || UNCONTROLLED.test(after) || /\bcontrolled (?:diabetes|diabetics?) (?:is|are) (?:allowed|permitted|acceptable)/.test(text)) uncontrolled ??= item;
    else any ??= item;
  }
  if (any) return finding("diabetes", "excluded-any", any);
  if (uncontrolled) return finding("diabetes", "excluded-uncontrolled", uncontrolled);
  return null;
}

function gestationalOnly(text: string): boolean {
  return /\bgestational diabetes\b/.test(text) && !/\b(?:type [12i]|mellitus)\b/.test(text);
}

export function readConditions(input: ReadInput): Finding[] {
  const out: (Finding | null)[] = [readPregnancy(input), readBmi(input), readCancer(input), readDiabetes(input), ...YES_NO.map((r) => readYesNo(r, input))];
  return out.filter((f): f is Finding => f !== null);
}
