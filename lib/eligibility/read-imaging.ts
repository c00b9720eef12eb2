import type { Criterion } from "./criteria";
import { finding, segmentOf, type Finding, type ReadInput } from "./reading";
import { numberOf } from "./text";

/** What the scans must show: imaging confirmation, and how many painful levels at most. */

const IMAGING =
  /\bmri\b|\bmr\b|\bmagnetic resonance\b|\bct\b|\bcomputed tomography\b|\bimaging\b|\bradiograph\w*|\bx-?rays?\b|\bpfirrmann\b|\bdiscogra\w*|\bmyelogra\w*|\bimage examination\b|\bscans?\b/;
const NOT_A_REQUIREMENT = /\bcontraindicat\w*|\b(?:willing|able|agree\w*) to (?:undergo|have)\b/;

/** An inclusion that needs MRI, CT or X-ray findings (not an option among others, not "preferred"). */
export function readImaging(input: ReadInput): Finding | null {
  for (const item of input.required) {
    // Judged on the words around the first mention: "Has MRI within 2 months (if none, must agree to have one)" requires it.
    const m = IMAGING.exec(item.lower);
    if (m && !NOT_A_REQUIREMENT.test(segmentOf(item.lower, m.index))) return finding("imagingRequired", "required", item);
  }
  return null;
}

const COUNT = "(one|two|three|four|five|\\d)";
const UNIT = "(?:levels?|dis[ck]s?|segments?)";
// Requirements: "single-level", "one or two degenerative lumbar discs", "maximum of 3 levels", "<= 2 lumbar discs".
const SINGLE = /\b(?:single|one|1|mono)[- ]?(?:level|segment|segmental|dis[ck])\b/g;
const ONE_OR_TWO = new RegExp(`\\b${COUNT} or ${COUNT}[- ](?:\\w+ ){0,2}${UNIT}\\b|\\b${COUNT} or ${COUNT}-level\\b`, "g");
const AT_MOST = new RegExp(`(?:\\bmax(?:imum)?\\.? (?:of )?|\\bup to |\\bno more than |\\bnot more than |\\bat most |<= ?|< ?)${COUNT}[- ](?:\\w+ ){0,2}${UNIT}\\b`, "g");
const NOT_A_CAP = /(?:at least|minimum(?: of)?|more than|greater than|one or more|>=?|or more) ?$/;
// Exclusions: "more than one level", "> 2 positive discs", "three or more levels", "a 5th level".
const MORE_THAN = new RegExp(`(?:\\bmore than |\\bgreater than |> ?)${COUNT}[- ](?:\\w+ ){0,2}${UNIT}\\b`, "g");
const OR_MORE = new RegExp(`\\b${COUNT} or more (?:\\w+ ){0,2}${UNIT}\\b`, "g");
const NTH = /\b(\d)(?:st|nd|rd|th) (?:\w+ )?(?:level|dis[ck]|segment)\b/g;

const SURGERY_HISTORY = /\b(?:previous|prior|history of)\b[^;]{0,60}\b(?:surgery|fusion|operation)/;

function count(word: string | undefined): number | null {
  const n = numberOf(word ?? "");
  return n !== null && n >= 1 && n <= 10 ? n : null;
}

/** The most levels (discs) that may be painful, from inclusion limits and exclusion thresholds. */
export function readPainfulLevels(input: ReadInput): Finding | null {
  let max: number | null = null;
  let from: Criterion | null = null;
  const cap = (n: number | null, item: Criterion) => {
    if (n !== null && n >= 1 && (max === null || n < max)) {
      max = n;
      from = item;
    }
  };
  for (const item of input.required) {
    const t = item.lower;
    for (const m of t.matchAll(SINGLE)) if (!NOT_A_CAP.test(t.slice(Math.max(0, m.index - 14), m.index))) cap(1, item);
    for (const m of t.matchAll(ONE_OR_TWO)) cap(Math.max(count(m[1] ?? m[3]) ?? 0, count(m[2] ?? m[4]) ?? 0) || null, item);
    for (const m of t.matchAll(AT_MOST)) {
      const n = count(m[1]);
      cap(n === null ? null : m[0].startsWith("<") && !m[0].startsWith("<=") ? n - 1 : n, item);
    }
  }
  for (const { item, text } of input.excluded) {
    // "Previous fusion at more than one level" is about the operation, not how many discs hurt.
    if (SURGERY_HISTORY.test(text)) continue;
    for (const m of text.matchAll(MORE_THAN)) cap(count(m[1]), item);
    for (const m of text.matchAll(OR_MORE)) {
      const n = count(m[1]);
      cap(n === null ? null : n - 1, item);
    }
    for (const m of text.matchAll(NTH)) {
      const n = count(m[1]);
      cap(n === null ? null : n - 1, item);
    }
  }
  if (max === null || from === null) return null;
  return finding("painfulLevelsMax", max, from);
}
