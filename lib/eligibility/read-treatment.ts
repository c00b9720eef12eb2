import type { Criterion } from "./criteria";
import { AT_LEVEL, discounted, finding, type Finding, type ReadInput } from "./reading";
import { durations, toMonths, toWeeks } from "./text";

/** Treatment so far: non-surgical care, spine operations, cell or biologic treatment, spinal injections. */

const CONSERVATIVE = /\bconservative\b|\bnon[- ]?surgical\b|\bnon[- ]?operative\b|\bphysical therapy\b|\bphysiotherapy\b|\bmedical management\b|\bnon-?invasive (?:treatment|care|therapy)\b|\bconventional (?:treatment|therapy|care)\b/g;
const FAILED =
  /\bfail\w*|\bunresponsive\b|\bnot responded\b|\bnot respond\b|\bnot responsive\b|\bnon[- ]?responsive\b|\bnot responding\b|\binsufficient (?:response|relief|improvement)\b|\binadequate improvement\b|\bresistance to\b|\bnot benefit\w*|\bno (?:significant |adequate )?(?:improvement|relief|response)\b|\bdespite\b|\binadequate (?:response|relief)\b|\brefractory\b|\bpersist\w*|\bunsuccessful\b|\bineffective\b|\bresistant to\b|\bdid not respond\b|\bnot relieved\b/;
const PAIN_ANCHOR = /\b(?:pain|symptoms?|sciatica|lbp)\b/g;
const MIN_CUE = /(?:at least|minimum(?: of)?|more than|greater than|longer than|over|>|>=|after|for|of|period of|exceeding) ?$/;

// "six weeks of non-operative therapy", "6 weeks conservative treatment", "3 months of failed conservative care":
// a duration tied to the care that follows it.
const CARE_AFTER_DURATION = /^ ?(?:of )?(?:[\w-]+,? ){0,3}$/;
// "Has received six weeks of non-operative therapy": care tried for a time is required even without "failed".
const TRIED_JUST_BEFORE = /\b(?:received|had|completed|undergone|underwent|undergoing|tried|attempted)(?: [\w-]+){0,2} $/;
const TRIED = /\b(?:received|had|has|have|completed|undergone|underwent|undergoing|tried|attempted|undergo)\b|\bweeks? (?:of )?prior (?:conservative|non-?surgical|non-?operative)\b/;

const BOTH_WAYS_CARE = /\b(?:despite|in the face of) (?:continued |ongoing )?(?:conservative|non[- ]?operative|non[- ]?surgical)\b/;

/**
 * "Failed conservative care for at least 6 months" → required, 6 months. A duration belongs to the
 * care when it is tied to it: just before the care words ("6 weeks of physical therapy"), or after
 * them with the nearest word before it naming the care, not the pain ("conservative treatment is
 * performed, but the back pain persists for more than 3 months" is a pain duration, and so is the
 * "six months" of "pain for at least six months who have failed 3 months of conservative care").
 */
export function readConservative(input: ReadInput): Finding[] {
  let from: Criterion | null = null;
  let months: number | null = null;
  for (const item of input.required) {
    const text = item.lower;
    CONSERVATIVE.lastIndex = 0;
    const care = CONSERVATIVE.exec(text);
    // "Unresponsive to non-operative treatment … or presence of progressive symptoms": care is one option.
    if (!care) continue;
    const otherWay = /\b(?:or|and\/or) (?:the )?(?:presence|presents?|progressive|severe|signs?|evidence|increasing)\b/.exec(text);
    if (otherWay) {
      // "… of at least 6 weeks or presence of progressive symptoms … despite continued non-operative
      // treatment": care is tried in both ways in, its length only in one.
      if (BOTH_WAYS_CARE.test(text.slice(otherWay.index))) from ??= item;
      continue;
    }
    const failed = FAILED.test(text);
    let found: number | null = null;
    let foundBefore = false;
    for (const d of durations(text)) {
      if (d.unit === "hour" || d.unit === "day") continue;
      let tied: boolean;
      if (d.index < care.index) {
        // Before the care words: only "N weeks [of] [failed] <care>".
        // "6 weeks or more of conservative treatment".
        const between = text.slice(d.end, care.index).replace(/^ or (?:more|longer)\b/, "");
        tied = CARE_AFTER_DURATION.test(between) && !NOT_TIED.test(between);
      } else {
        tied = MIN_CUE.test(text.slice(Math.max(0, d.index - 20), d.index)) && !nearestIsPain(text, d.index, care.index + care[0].length);
      }
      if (!tied) continue;
      found = toMonths(d.low ?? d.n, d.unit);
      foundBefore = d.index < care.index;
      break;
    }
    // Without "failed": care tried for a time, "has had six weeks of …" or "undergoing conservative care … for 6 months".
    if (!failed && (found === null || !(foundBefore ? TRIED.test(text) : TRIED_JUST_BEFORE.test(text.slice(Math.max(0, care.index - 30), care.index))))) continue;
    from ??= item;
    // Several durations (6 months for lumbar, 6 weeks for cervical patients): the shortest, never widened.
    if (found !== null && (months === null || found < months)) {
      months = found;
      from = item;
    }
  }
  if (from === null) return [];
  const out: Finding[] = [finding("conservativeRequired", true, from)];
  if (months !== null) out.push(finding("conservativeMonths", { min: months }, from));
  return out;
}

// "Symptoms for 6 months despite conservative care": the duration is the symptoms', not the care's.
const NOT_TIED = /\b(?:despite|with|and|or|after|but|who|while|without|spite|pain|symptoms?|sciatica|lbp)\b/;
// "conservative treatment for low back pain": the pain named as what the care was for.
const CARE_FOR_PAIN = /^ (?:[\w-]+ ){0,2}(?:for|of) (?:the )?(?:[\w-]+ ){0,3}$/;

/** The nearest of care and pain words before `index` is pain (a pain the care was "for" does not count). */
function nearestIsPain(text: string, index: number, careEnd: number): boolean {
  let pain = -1;
  let care = -1;
  PAIN_ANCHOR.lastIndex = 0;
  for (let m = PAIN_ANCHOR.exec(text); m && m.index < index; m = PAIN_ANCHOR.exec(text)) {
    if (!(m.index >= careEnd && CARE_FOR_PAIN.test(text.slice(careEnd, m.index)))) pain = m.index;
  }
  CONSERVATIVE.lastIndex = 0;
  for (let m = CONSERVATIVE.exec(text); m && m.index < index; m = CONSERVATIVE.exec(text)) care = m.index;
  return pain > care;
}

const SURGERY =
  /\bsurg(?:ery|eries|ical)\b|\boperations?\b|\boperative (?:interventions?|procedures?|treatments?)\b|\boperated\b|\bfusions?\b|\bdis[ck]ectom\w*|\blaminectom\w*|\blaminotom\w*|\bforaminotom\w*|\bmicrodis[ck]ectom\w*|\binstrumentation\b|\bdecompression\b|\bdis[ck] replacement\b|\barthroplast\w*|\bimplants?\b|\bresection\b|\bpost-?operative (?:cases|patients)\b/g;
const SPINE = /\bspin\w*|\blumbar\b|\bcervical\b|\bback\b|\bdis[ck]s?\b|\bdiscal\b|\bvertebra\w*|\bldh\b|\bintervertebral\b|\bsacr\w*|\bfusions?\b|\bdis[ck]ectom|\blaminectom|\blaminotom|\bforaminotom|\binterbody\b/;
const NOT_SPINE = /\bthyroid|\bcarotid|\babdominal|\bcardiac|\bheart\b|\bknee|\bhip\b|\bshoulder|\bbariatric|\bcataract|\bthoracic surgery\b|\bbreast/;
const PAST = /\bprevious(?:ly)?\b|\bprior\b|\bhistory of\b|\bhad\b|\bhave had\b|\bhas had\b|\bundergone\b|\bunderwent\b|\bpast\b|\bfailed back surgery\b|\brevision\b|\bfirst time\b|\balready (?:had|undergone|received)\b|\breceived\b|\bpost-?(?:surgical|operative) (?:spine|back|lumbar)\b|\bpost-?(?:laminectomy|dis[ck]ectomy|fusion)\b|\bsurgical history\b|\boperated patients\b|\bpost-?operative (?:cases|patients)\b/;
// The study's own or a future operation, or an operation-day event: never a prior operation.
const PLANNED =
  /\bnon[- ]?surgical\b|\bcontraindicat\w* (?:to )?(?:the )?(?:spinal |spine |lumbar |cervical )?(?:surgery|operation)\b|\bnon[- ]?operative\b|\bcandidate|\bplanned\b|\bscheduled\b|\brequir\w*|\bnecessary\b|\bneed(?:ed|s)? (?:for )?surgery|\bindicated\b|\bintra-?operative|\bpost-?operative|\bperi-?operative|\bpre-?operative|\bsurgeon\b|\banesthe|\banaesthe|\bwill undergo|\bundergoing\b|\bnext \d|\bnext (?:six|three|twelve)|\bin the next\b|\bsurgical site\b|\bat the time of surgery\b|\bduring surgery\b|\bsurgical (?:procedure|approach|intervention) (?:is|will)\b|\bprecludes? the surgical\b|\b(?:prior to|before) (?:the )?(?:index |planned |study )?(?:fusion |spinal |spine )?(?:surgery|operation|procedure)\b/;
// Only some operations (recent, within a window, on several levels, failed fusions): no value keeps that.
const SURGERY_QUALIFIED = /\brecent\w*|\bwithin\b|\bin the (?:last|past|previous)\b|\bin previous \d|\bgreater than one level|\bmore than one level|\bmulti-?level|\bpseudo-?arthrosis|\bfailed fusion|\bat adjacent level/;

// An inclusion that needs an earlier operation: "history of lumbar discectomy", "prior spine surgery".
const PAST_OPERATION =
  /\b(?:history of|previous|prior) (?:\w+ ){0,2}(?:surgery|operation|dis[ck]ectomy|laminectomy|fusion)\b|\b(?:had|have|has) (?:previously )?undergone (?:a |an )?(?:[\w-]+ ){0,4}(?:surgery|operation|dis[ck]ectomy|laminectomy|fusion)\b/;
// "On the disc on which the cell transplantation is planned", "in the area of planned spinal fusion":
// the plan names the treated level, it is not the operation ruled out.
const LEVEL_PLAN = /\b(?:on|in|at) which (?:[\w-]+ ){0,6}(?:is |are )?(?:planned|scheduled|to be (?:performed|treated|injected|done))\b|\bin the area of (?:the )?planned\b/g;

/** Prior spine surgery: excluded at any level, only at the treated level, or required. */
export function readSpineSurgery(input: ReadInput): Finding | null {
  let any: Criterion | null = null;
  let atLevel: Criterion | null = null;
  for (const { item, text } of input.excluded) {
    if (item.negated && item.section === "exclusion") continue;
    const kind = surgeryExclusion(text);
    if (kind === "any") any ??= item;
    else if (kind === "level") atLevel ??= item;
  }
  // "Undergoing LDH surgery for the first time": any earlier operation rules out.
  for (const item of input.required) if (/\bsurg\w* for the first time\b|\bfirst[- ]time surg/.test(item.lower)) any ??= item;
  let required: Criterion | null = null;
  for (const item of input.required) {
    const t = item.lower;
    if (/\bfailed back surgery syndrome\b|\bpost-?(?:laminectomy|discectomy) syndrome\b/.test(t)) required ??= item;
    else if (PAST_OPERATION.test(t) && SPINE.test(t) && !NOT_SPINE.test(t) && !PLANNED.test(t) && !/\b(?:no|not|without|for the first time)\b/.test(t)) required ??= item;
  }
  if (required && (any || atLevel)) return null;
  if (required) return finding("spineSurgery", "required", required);
  if (any) return finding("spineSurgery", "excluded-any", any);
  if (atLevel) return finding("spineSurgery", "excluded-at-level", atLevel);
  return null;
}

function firstSpineSurgery(text: string): number {
  SURGERY.lastIndex = 0;
  for (let m = SURGERY.exec(text); m; m = SURGERY.exec(text)) {
    if (discounted(text, m.index)) continue;
    return m.index;
  }
  return -1;
}

// "Postoperative cases", an exclusion: people operated before, not the study's operation.
const OPERATED_CASES = /\bpost-?operative (?:cases|patients)\b/g;
/** The part of a list between commas or semicolons that holds position `at` ("…, hip osteoarthritis" is another item). */
function clauseAt(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(",", at), text.lastIndexOf(";", at)) + 1;
  const ends = [text.indexOf(",", at), text.indexOf(";", at)].filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}

const FUSION_SURGERY = /\b(?:fusions?|arthroplast\w*|cda|tdr|dis[ck] replacements?) (?:surgery|surgeries|operations?|procedures?)\b/g;
/** Every operation the criterion names is a fusion or a disc arthroplasty ("CDA surgery" counts as one). */
function onlyFusion(text: string): boolean {
  const t = text.replace(FUSION_SURGERY, " fusion");
  SURGERY.lastIndex = 0;
  let fusion = false;
  for (let m = SURGERY.exec(t); m; m = SURGERY.exec(t)) {
    if (discounted(t, m.index)) continue;
    if (!/^(?:fusions?|arthroplast\w*|dis[ck] replacement)$/.test(m[0])) return false;
    fusion = true;
  }
  return fusion;
}

/** What a criterion that rules something out says about prior spine surgery. */
export function surgeryExclusion(text: string): "any" | "level" | null {
  const at = firstSpineSurgery(text);
  if (at < 0) return null;
  const level = AT_LEVEL.test(text);
  const planned = (level ? text.replace(LEVEL_PLAN, " ") : text).replace(OPERATED_CASES, " ");
  if (PLANNED.test(planned) || NOT_SPINE.test(clauseAt(text, at)) || SURGERY_QUALIFIED.test(text)) return null;
  // "Previous operations" alone, in a spine trial's exclusions, is spine surgery.
  const bare = text.length <= 40 && /^(?:previous|prior|history of)?\s?(?:spine |spinal |back )?(?:surgery|surgeries|operations?)\b/.test(text);
  if (!level && !PAST.test(text)) return null;
  // "Any prior history of cervical fusion", "a previous history of lumbar fusion surgery", "any prior
  // fusion or CDA surgery": only some kinds of operation are ruled out, which no value keeps (a
  // discectomy would not rule out).
  if (!level && onlyFusion(text)) return null;
  if (!level && !SPINE.test(text) && !bare) return null;
  return level ? "level" : "any";
}

const CELL =
  /\bstem[- ]cells?\b|\bcell(?:ular)? (?:therapy|therapies|products?|treatment|transplant\w*|injections?|implantation)\b|\bprogenitor cells?\b|\bmesenchymal\b|\bmscs?\b|\bbiologic(?:al)? (?:therapy|therapies|treatment|intervention|injections?|agents?)\b|\bplatelet[- ]rich plasma\b|\bprp\b|\bbone marrow (?:aspirate )?concentrate\b|\bbmac?\b|\bregenexx\b/g;
const CELL_PAST = /\bprevious(?:ly)?\b|\bprior\b|\bhistory of\b|\breceived\b|\bundergone\b|\bunderwent\b|\brecipient\b|\badministration\b|\bhad\b|\btreated with\b/;
const FUTURE = /\bplans? to\b|\bplanning to\b|\bduring the (?:study|trial|follow-up)\b|\bfollow-up period\b|\bwill receive\b/;

/** Earlier cell or biologic treatment, ruled out without a time limit (a window belongs to injections). */
export function readPriorCellTherapy(input: ReadInput): Finding | null {
  for (const { item, text } of input.excluded) {
    if (item.negated && item.section === "exclusion") continue;
    CELL.lastIndex = 0;
    let hit = false;
    for (let m = CELL.exec(text); m; m = CELL.exec(text)) {
      if (!discounted(text, m.index)) {
        hit = true;
        break;
      }
    }
    if (!hit || !CELL_PAST.test(text) || FUTURE.test(text) || AT_LEVEL.test(text) || /\ballerg|\bhypersensitiv/.test(text)) continue;
    if (durations(text).length > 0) continue;
    return finding("priorCellTherapy", "excluded", item);
  }
  return null;
}

const INJECTION = /\binjections?\b|\binjected\b|\bepidural\b|\bnerve blocks?\b|\bblocks?\b|\bfacet\b|\bintradiscal\b|\bozone\b|\bpharmacopuncture\b|\binterventional (?:therapy|treatment|procedure)s?\b/;
const INJECTION_SITE = /\bepidural\b|\bfacet\b|\bdis[ck]s?\b|\bdiscal\b|\bintradiscal\b|\bspin\w*|\blumbar\b|\bvertebra\w*|\bnerve (?:root )?blocks?\b|\bmedial branch\b|\bsacroiliac\b|\btransforaminal\b|\bpharmacopuncture\b|\bintervertebral\b|\bcaudal\b/;
const WINDOW_CUE = /(?:within|in|during|over) (?:the )?(?:last|past|previous|preceding|prior)? ?$|within ?$|(?:last|past|previous|preceding) ?$/;
const WINDOW_AFTER = /^ ?(?:before|prior|preceding|of (?:the )?(?:study|screening|enrol|randomi|baseline|injection|treatment|procedure|surgery))/;
const INJECTION_PAST = /\bprevious(?:ly)?\b|\bprior\b|\bhistory of\b|\breceived\b|\bhad\b|\bundergone\b/;

/** Spinal injections ruled out within n weeks; a rule with no window (any earlier injection) gives null. */
export function readSpineInjection(input: ReadInput): Finding | null {
  let weeks: number | null = null;
  let noWindow: Criterion | null = null;
  let from: Criterion | null = null;
  for (const { item, text } of input.excluded) {
    if (item.negated && item.section === "exclusion") continue;
    const m = INJECTION.exec(text);
    if (!m || !INJECTION_SITE.test(text) || discounted(text, m.index) || FUTURE.test(text)) continue;
    // "… into the index disc or adjacent discs within three months": limited to the treated disc, no rule for this key.
    if (AT_LEVEL.test(text)) continue;
    let longest: number | null = null;
    for (const d of durations(text)) {
      const before = text.slice(Math.max(0, d.index - 30), d.index);
      const after = text.slice(d.end, d.end + 40);
      if (!WINDOW_CUE.test(before) && !WINDOW_AFTER.test(after)) continue;
      const w = toWeeks(d.n, d.unit);
      if (longest === null || w > longest) longest = w;
    }
    if (longest !== null) {
      if (weeks === null || longest > weeks) {
        weeks = longest;
        from = item;
      }
    } else if (INJECTION_PAST.test(text) && /\binjections?\b|\binjected\b|\bintradiscal (?:treatments?|therap\w*|procedures?)/.test(text)) noWindow ??= item;
  }
  if (noWindow) return finding("spineInjectionWeeks", { excludedWithin: null }, noWindow);
  if (weeks !== null && from !== null) return finding("spineInjectionWeeks", { excludedWithin: weeks }, from);
  return null;
}
