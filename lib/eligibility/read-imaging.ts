import type { Criterion } from "./criteria";
import { finding, segmentOf, type Finding, type ReadInput } from "./reading";
import { numberOf } from "./text";

/** What the scans must show: imaging confirmation, and how many painful levels at most. */

const IMAGING =
  /\bmri\b|\bmr\b|\bmagnetic resonance\b|\bct\b|\bcomputed tomography\b|\bimaging\b|\bradiograph\w*|\bx-?rays?\b|\bpfirrmann\b|\bdiscogra\w*|\bmyelogra\w*|\bimage examination\b|\bscans?\b/;
// "Clinical and radiological evidence of L4-L5 disc prolapse": imaging of the spine, said without
// naming the scan ("radiological progression" of a tumour or a knee is not).
const RADIOLOGICAL = /\bradiolog\w*/;
const SPINE_FINDING = /\bdis[ck]s?\b|\bdiscal\b|\bherniat\w*|\bprolaps\w*|\bradicul\w*|\bnerve root|\bspin\w*|\blumbar\b|\bcervical\b|\bstenosis\b|\bspinal levels?\b/;
const NOT_A_REQUIREMENT = /\bcontraindicat\w*|\b(?:willing|able|agree\w*) to (?:undergo|have)\b|\bcomply\b|\bcomplete\b|\bfollow-?up\b|\bpost-?operative\b|\b(?:when|if) (?:necessary|needed|available|indicated)\b/;

const INLINE_OPTIONS = /\b(?:one of the following|at least one of|any of the following|one or more of the following|either)\b/;
const STUDY_PROCEDURES = /^(?:(?:are|is|be|must be) )?(?:willing|able|agree)\w*\b/;

/** An inclusion that needs MRI, CT or X-ray findings (not an option among others, not "preferred"). */
export function readImaging(input: ReadInput): Finding | null {
  for (const item of input.required) {
    // Judged on the words around the first mention: "Has MRI within 2 months (if none, must agree to have one)" requires it.
    const m = IMAGING.exec(item.lower) ?? (SPINE_FINDING.test(item.lower) ? RADIOLOGICAL.exec(item.lower) : null);
    if (!m || NOT_A_REQUIREMENT.test(segmentOf(item.lower, m.index))) continue;
    // "Proof for one of the following tests: 1) MRI scan …; 2) Oswestry …": the scan is one option.
    if (INLINE_OPTIONS.test(item.lower.slice(0, m.index))) continue;
    // "Are willing and able to … undergo the required radiographic exams … post-surgery": the study's own scans.
    if (STUDY_PROCEDURES.test(item.lower)) continue;
    return finding("imagingRequired", "required", item);
  }
  return null;
}

const COUNT = "(single|one|two|three|four|five|\\d)";
const UNIT = "(?:levels?|dis[ck]s?|segments?)";
// Requirements: "single-level", "one or two degenerative lumbar discs", "maximum of 3 levels", "<= 2 lumbar discs".
// "single-level", "a single vertebral level spine fusion".
const SINGLE = /\b(?:single|one|1|mono)[- ]?(?:vertebral |spinal |lumbar |disc )?(?:level|segment|segmental|dis[ck])\b/g;
// "one or two levels", "single- or two-level", "1-2 segment", "one/two level", "1 to 2 level".
const ONE_OR_TWO = new RegExp(`\\b${COUNT}-? ?(?:or|\\/|-|to) ?${COUNT}[- ](?:\\w+ ){0,2}${UNIT}\\b`, "g");
// "one-level or 2-level".
// "one-level or 2-level", "at one level or two contiguous levels".
const LEVEL_OR_LEVEL = new RegExp(`\\b${COUNT}[- ]level or ${COUNT}[- ](?:\\w+ ){0,2}levels?\\b`, "g");
// "single- or multi-level spinal stenosis": any number of levels.
// "Undergoing one of 3 procedure types: 1) 2 or more levels of …; 2) 1-3 levels of …": no cap either.
const ANY_NUMBER = /\b(?:single|one)-? or (?:multi|multiple|several)\b|\b(?:two|three|four|[2-9]) or more (?:[\w-]+ ){0,2}levels?\b|\bone of (?:\d|the following|these)\b/;
// "in two levels (L2 to S1)": exactly that many, so at most that many.
const EXACTLY = new RegExp(`\\b(?:in|at|on) ${COUNT}[- ](?:\\w+ ){0,2}(?:levels|segments|dis[ck]s)\\b`, "g");
const AT_MOST = new RegExp(`(?:\\bmax(?:imum)?\\.? (?:of )?|\\bup to |\\bno more than |\\bnot more than |\\bat most |<= ?|< ?)${COUNT}[- ](?:\\w+ ){0,2}${UNIT}\\b`, "g");
const NOT_A_CAP = /(?:at least|minimum(?: of)?|more than|greater than|one or more|>=?|or more) ?$/;
// Exclusions: "more than one level", "> 2 positive discs", "three or more levels", "a 5th level".
const MORE_THAN = new RegExp(`(?:\\bmore than |\\bgreater than |> ?)${COUNT}[- ](?:\\w+ ){0,2}${UNIT}\\b`, "g");
const OR_MORE = new RegExp(`\\b${COUNT} or more (?:\\w+ ){0,2}${UNIT}\\b`, "g");
const NTH = /\b(\d)(?:st|nd|rd|th) (?:\w+ )?(?:level|dis[ck]|segment)\b/g;

const NOT_PAINFUL_LEVELS = /\b(?:previous|prior|history of|immobile|undergoing|undergone|had|dis[ck]ectomy)\b/;

// Exclusions: "multilevel disc prolapse", "lesion affecting multiple levels".
const MULTI_LEVEL = /\bmulti-?level\b|\bmulti-?segment(?:al)?\b|\bmultiple (?:\w+ )?(?:levels|dis[ck]s|segments)\b/;

function count(word: string | undefined): number | null {
  if (word === "single") return 1;
  const n = numberOf(word ?? "");
  return n !== null && n >= 1 && n <= 10 ? n : null;
}

/**
 * The most levels (discs) that may be painful, from inclusion limits and exclusion thresholds. Within
 * one criterion the options add up ("single level or up to two discs" → 2); across criteria the
 * narrowest wins.
 */
export function readPainfulLevels(input: ReadInput): Finding | null {
  let max: number | null = null;
  let from: Criterion | null = null;
  const cap = (caps: number[], item: Criterion) => {
    if (caps.length === 0) return;
    const n = Math.max(...caps);
    if (n >= 1 && (max === null || n < max)) {
      max = n;
      from = item;
    }
  };
  for (const item of input.required) {
    const t = item.lower;
    if (ANY_NUMBER.test(t)) continue;
    const caps: number[] = [];
    for (const m of t.matchAll(SINGLE)) if (!NOT_A_CAP.test(t.slice(Math.max(0, m.index - 14), m.index))) caps.push(1);
    for (const m of t.matchAll(ONE_OR_TWO)) {
      const n = Math.max(count(m[1]) ?? 0, count(m[2]) ?? 0);
      if (n > 0) caps.push(n);
    }
    for (const m of t.matchAll(LEVEL_OR_LEVEL)) caps.push(Math.max(count(m[1]) ?? 0, count(m[2]) ?? 0));
    for (const m of t.matchAll(EXACTLY)) {
      const n = count(m[1]);
      if (n !== null && !NOT_A_CAP.test(t.slice(Math.max(0, m.index - 14), m.index + 4))) caps.push(n);
    }
    for (const m of t.matchAll(AT_MOST)) {
      const n = count(m[1]);
      if (n !== null) caps.push(m[0].startsWith("<") && !m[0].startsWith("<=") ? n - 1 : n);
    }
    cap(caps, item);
  }
  for (const { item, text } of input.excluded) {
    // "Previous fusion at more than one level", "more than one immobile level", "surgery at more
    // than 6 levels": about operations or fused bones, not how many discs hurt. Judged in the
    // mention's own part of a long list ("bilateral and multilevel disc prolapse, …, postoperative …").
    const aboutPain = (index: number) => !NOT_PAINFUL_LEVELS.test(segmentOf(text, index));
    const caps: number[] = [];
    for (const m of text.matchAll(MORE_THAN)) {
      const n = count(m[1]);
      if (n !== null && aboutPain(m.index)) caps.push(n);
    }
    const multi = MULTI_LEVEL.exec(text);
    if (multi && aboutPain(multi.index)) caps.push(1);
    for (const m of [...text.matchAll(OR_MORE), ...text.matchAll(NTH)]) {
      const n = count(m[1]);
      if (n !== null && aboutPain(m.index)) caps.push(n - 1);
    }
    cap(caps, item);
  }
  if (max === null || from === null) return null;
  return finding("painfulLevelsMax", max, from);
}
