import type { Criterion } from "./criteria";
import { discounted, finding, type Finding, type ReadInput } from "./reading";
import { durations, toMonths } from "./text";

/** Where the pain is, for how long, and whether it must (or must not) reach the leg. */

// "Lumbar puncture" is a procedure, not where the pain is.
const LUMBAR = /\blumb[ao]\w*\b(?! punctures?\b)|\blow(?:er)? back\b|\blbp\b|\bsciatica?\b|\blumbosacral\b|\b[ls][1-5] ?(?:-|to|\/) ?[ls]?[1-5]\b|\bsacral\b|\bleg pain\b|\blower (?:limb|extremit\w*)\b|\bback pain\b/;
const CERVICAL = /\bcervical\b|\bneck\b|\bc[2-7] ?(?:-|to|\/) ?c?[2-7]\b|\bacdf\b|\barm pain\b|\bupper (?:limb|extremit\w*)\b/;
const THORACIC = /\bthoracic\b|\bthoracolumbar\b/;
// "Cervical fusion from C2 to the upper thoracic spine": the neck, reaching the first thoracic bones.
const UPPER_THORACIC_G = /\bupper thoracic\b|\bcervicothoracic\b|\bc[2-7] ?(?:-|to) ?t[1-3]\b/g;
const UPPER_THORACIC = /\bupper thoracic\b|\bcervicothoracic\b|\bc[2-7] ?(?:-|to) ?t[1-3]\b/;

/**
 * Lumbar, cervical or both, from the titles, conditions and inclusion criteria (never from
 * exclusions: "prior thoracic surgery" says nothing about where the pain is). Anything mixed → any.
 */
export function readPainArea(input: ReadInput): Finding | null {
  let lumbar: string | Criterion | null = null;
  let cervical: string | Criterion | null = null;
  let thoracic = false;
  const look = (text: string, source: string | Criterion) => {
    if (lumbar === null && LUMBAR.test(text)) lumbar = source;
    if (cervical === null && CERVICAL.test(text)) cervical = source;
    if (THORACIC.test(text) && !(CERVICAL.test(text) && UPPER_THORACIC.test(text) && !THORACIC.test(text.replace(UPPER_THORACIC_G, " ")))) thoracic = true;
  };
  for (const a of input.about) look(a.lower, a.text);
  for (const item of input.items) if (item.section === "inclusion" && !item.negated) look(item.lower, item);
  if (thoracic || (lumbar === null) === (cervical === null)) return null;
  const source: string | Criterion = (lumbar ?? cervical)!;
  const value = lumbar !== null ? "low-back" : "neck";
  if (typeof source === "string") return { key: "painArea", value, from: null, about: source };
  return finding("painArea", value, source);
}

// A word that says the duration is the pain's ("pain lasting > 3 months", "onset at least 4 weeks").
const PAIN_WORD = /\b(?:pain|symptoms?|sciatica|onset|duration|lbp|episode|complaints?)\b/g;
// Between the pain word and the duration: then the duration belongs to treatment or a score.
const NOT_PAIN_DURATION = /\b(?:conservative|treatment|therapy|therapies|management|care|physiotherapy|medications?|score|nrs|vas|rating|intensity|severity|average|baseline|injection|surgery|stable|mri|imaging)\b/;
const CARE_AFTER = /^ ?(?:of|in) (?:\w+ ){0,2}(?:conservative|non-?surgical|non-?operative|treatment|therapy|physiotherapy|care|management|medications?)\b/;
const MIN_CUE = /(?:at least|minimum(?: of)?|more than|greater than|longer than|over|>|>=|after|for|persist\w*|lasting|of|exceeding|lasted) ?$/;
const MAX_CUE = /(?:less than|fewer than|under|<|<=|no more than|not more than|up to|shorter than|within(?: the (?:last|past))?) ?$/;
// A cancer rule's "no symptoms for 5 years" is not a pain duration.
const NOT_PAIN_ITEM = /\bmalignan|\bcancer|\btumou?r|\bneoplas/;
// "Symptoms despite conservative (non-surgical) management for > 6 months", "pain … unresponsive to
// conservative therapy for more than six weeks": the symptoms have lasted that long too.
const DESPITE_CARE =
  /\b(?:despite|unresponsive to|refractory to|resistant to|not (?:responding|responsive|relieved)(?: to| by)?|(?:has|have) not (?:responded|improved) (?:to|with))\b[^.;]{0,70}?\b(?:conservative|non[- ]?surgical|non[- ]?operative|physical therapy|physiotherapy|medical management|treatment|therapy|therapies|care|management)\b[^.;]{0,25}$/;
// "Failed conservative treatment for low back pain conducted for at least 6 months": the pain is what
// the care was for; the duration is the care's.
const CARE_FOR_PAIN = /\b(?:conservative|non[- ]?surgical|non[- ]?operative|treatment|therapy|care|management|physiotherapy)(?: [\w-]+){0,2} (?:for|of) (?:the )?(?:[\w-]+ ){0,3}$/;

const PAIN_AFTER = /^ ?(?:of (evolution)|of (?:symptoms?|pain)|(?:from|since) (?:the )?(?:beginning|onset|start) of (?:the )?(?:symptoms?|pain))\b/;
const EVOLVING = /\bpain\b|\bherniat\w*|\bsciatica\b|\bradicul\w*|\bsymptom\w*|\bprolaps\w*/;
const OPERATED_BEFORE = /\bsurg\w*|\barthrodesis\b|\bdis[ck]ectomy\b|\boperat\w*|\bfusion\b/;

/** Pain duration in months: minimum from "at least / more than", maximum from "less than" (or an exclusion "> 15 years"). */
export function readPainMonths(input: ReadInput): Finding | null {
  let min: number | null = null;
  let max: number | null = null;
  let from: Criterion | null = null;
  const read = (item: Criterion, text: string, exclusion: boolean) => {
    for (const d of durations(text)) {
      if (d.unit === "day" || d.unit === "hour") continue;
      // A cancer rule's duration, judged near the duration: one long run-on list ("…, acute onset of
      // pain (pain less than three months), …, history of patients who suffered from cancer") holds both.
      if (NOT_PAIN_ITEM.test(text.length <= 300 ? text : text.slice(Math.max(0, d.index - 200), d.end + 100))) continue;
      // "More than 3 months of evolution", "up to 3 months from beginning of symptoms": the pain's
      // words come after the duration ("evolution" of a herniation or pain, not of an operation's
      // result or another disease).
      const after = PAIN_AFTER.exec(text.slice(d.end, d.end + 50));
      const lead = text.slice(Math.max(0, d.index - 120), d.index);
      const painAfter = after !== null && (after[1] === undefined || (EVOLVING.test(lead) && !OPERATED_BEFORE.test(lead)));
      let anchor = -1;
      let anchorStart = -1;
      PAIN_WORD.lastIndex = 0;
      for (let m = PAIN_WORD.exec(text); m && m.index < d.index; m = PAIN_WORD.exec(text)) {
        anchor = m.index + m[0].length;
        anchorStart = m.index;
      }
      if (!painAfter) {
        if (anchor < 0) continue;
        const gap = text.slice(anchor, d.index);
        const despite = !exclusion && DESPITE_CARE.test(gap);
        if (d.index - anchor > (despite ? 120 : 60) || (!despite && NOT_PAIN_DURATION.test(gap))) continue;
        if (CARE_FOR_PAIN.test(text.slice(Math.max(0, anchorStart - 60), anchorStart))) continue;
      }
      // "after 6-10 weeks of non-surgical treatment": the duration is the treatment's.
      if (CARE_AFTER.test(text.slice(d.end, d.end + 40))) continue;
      const before = text.slice(Math.max(0, d.index - 20), d.index);
      const n = toMonths(d.low ?? d.n, d.unit);
      const atLeast = MIN_CUE.test(before);
      const atMost = !atLeast && MAX_CUE.test(before);
      if (!atLeast && !atMost) continue;
      if (atLeast !== exclusion) {
        if (min === null || n > min) {
          min = n;
          from = item;
        }
      } else if (max === null || n < max) {
        max = toMonths(d.n, d.unit);
        from = item;
      }
    }
  };
  for (const item of input.required) read(item, item.lower, false);
  for (const { item, text } of input.excluded) if (!item.negated) read(item, text, true);
  if (from === null || (min !== null && max !== null && min > max)) return null;
  return finding("painMonths", { min, max }, from);
}

const LEG = /\bsciatica\b|\bsciatic (?:pain|symptoms?)|\bradicul(?:ar|opathy|itis|algia)\b|\bleg and (?:low )?back pain\b|\b(?:low )?back and leg pain\b|\bradiating (?:leg )?pain\b|\bleg pain\b|\bpain (?:radiating|spreading|extending) (?:down|into|to) (?:the |one |a )?(?:leg|lower)|\blower (?:limb|extremity) pain|\bradiating pain of (?:one|the|a) lower limb|\bstraight[- ]leg[- ]rais\w*|\bslr\b|\bmelosalgia\b/;
const LEG_G = new RegExp(LEG.source, "g");
// "back pain or sciatica", "and/or leg pain", "with or without": leg pain is not required.
const LEG_OPTIONAL = /\bor\b[^.;]{0,40}(?:leg|sciati|radicul|melosalgia|lower limb|lower extremit)|\band\/or (?:\w+ )?(?:leg|sciati|radicul)|(?:leg|sciatica|radicular)(?: pain)?(?:,? and\/or|, or)\b|\bwith or without (?:\w+ ){0,3}(?:leg|sciati|radicul)|\bif present\b/;
// Back pain must outweigh leg pain, or leg pain must not be radicular: read as leg pain excluded.
const BACK_OVER_LEG =
  /\bleg pain,? if present\b|\b(?:back pain|lbp) (?:\w+ ){0,3}(?:greater|more|worse|twice|>|predominant|dominant)[^.;]{0,30}\bleg\b|\b(?:back|axial|lbp)(?: pain)? ?> ?leg\b|\bno or minimal radiati\w*|\bwithout (?:leg pain|radicul\w*|sciatica)\b|\bpredominant(?:ly)? (?:low |axial )?back pain\b/;
// An exclusion of only some leg pain keeps its qualifier: not encodable as "leg pain excluded".
// "Radicular symptoms < 3 months duration", "back or non-radicular leg pain of unknown etiology", "pain
// … with higher severity than radicular back pain": only some leg pain, or another pain.
const LEG_QUALIFIED = /\bthan\b|\bhigher\b|\bnon-?radicular\b|\bunknown\b|<|\bless than\b|\bduration\b|\bother than\b|\bnot due to\b|\bsevere|\bprogressive|\bgreater than|\bmore than|\bworse than|>|\bpredominant|\bdominant|\bmotor\b|\bweakness|\bdeficit|\bcauda\b|\bacute\b|\bcervical\b|\barm\b|\bupper\b|\bonly\b/;
// "Pathologies which may cause LBP or sciatic pain": other causes of leg pain, not leg pain itself.
const LEG_AS_EFFECT = /\bcaus\w*|\bleading to\b|\bresult\w* in\b|\bmimic\w*|\bexplain\w*/;
const TITLE_LEG = /\bsciatica\b|\blumbar radicul\w*|\bradiating leg pain\b|\bradicular leg pain\b/;
const NECK_ITEM = /\bcervical\b|\bneck\b|\barm\b|\bupper (?:limb|extremit)|\bc[2-8]\b/;

export function readLegPain(input: ReadInput): Finding | null {
  let required: Criterion | null = null;
  let excluded: Criterion | null = null;
  for (const item of input.items) {
    if (item.section === "inclusion" && !item.negated && BACK_OVER_LEG.test(item.lower)) excluded ??= item;
  }
  // "Severe CLBP and/or leg pain" in one inclusion: leg pain is one way in, so another inclusion naming
  // leg pain ("leg pain resulting from … instability") does not make it a requirement.
  let optional = false;
  for (const item of input.required) {
    if (LEG.test(item.lower) && LEG_OPTIONAL.test(item.lower) && !NECK_ITEM.test(item.lower)) optional = true;
    if (required || NECK_ITEM.test(item.lower) || BACK_OVER_LEG.test(item.lower) || LEG_OPTIONAL.test(item.lower)) continue;
    if (LEG.test(item.lower)) required = item;
  }
  if (optional) required = null;
  // A trial for sciatica (its title or conditions) is for pain that reaches the leg.
  const titled = input.about.find((a) => TITLE_LEG.test(a.lower) && !NECK_ITEM.test(a.lower) && !LEG_OPTIONAL.test(a.lower));
  for (const { item, text } of input.excluded) {
    if (excluded || item.negated) continue;
    LEG_G.lastIndex = 0;
    for (let m = LEG_G.exec(text); m; m = LEG_G.exec(text)) {
      // "Other causes of radicular syndrome such as cancer, radiculitis…": causes, looked for in the words before.
      if (!discounted(text, m.index) && !LEG_QUALIFIED.test(text) && !LEG_AS_EFFECT.test(text.slice(Math.max(0, m.index - 80), m.index))) {
        excluded = item;
        break;
      }
    }
  }
  if ((required || titled || optional) && excluded) return null;
  if (required) return finding("legPain", "required", required);
  if (titled) return { key: "legPain", value: "required", from: null, about: titled.text };
  if (excluded) return finding("legPain", "excluded", excluded);
  return null;
}
