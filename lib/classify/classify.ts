import { capText } from "../ctgov/caps";
import { donorOf } from "./donor";
import { flagsOf } from "./flags";
import { phaseOf } from "./phase";
import { findProducts } from "./products";
import { readStudy, type Study } from "./record";
import { FOREIGN, routeOf } from "./route";
import type { Classification, ClassifyOptions } from "./schema";
import { sourceOf } from "./source";
import { allMatches, norm, resetSentenceCache, sentences } from "./text";
import { isOwnTreatmentSentence, resetTermCache, termsIn } from "./terms";
import { studySentences, therapyOf, type BioUnit } from "./therapy";
import { buildUnits, controlText, type Unit } from "./units";

// The classifier: a pure, synchronous function of one raw ClinicalTrials.gov study object.
// Rules and vocabulary live in the files imported above; this file only wires them together.

// A follow-up of people treated in an earlier trial gives nothing itself (labels README rule 5).
const FOLLOW_UP_TITLE = /\b(?:long[- ]term )?follow[- ]?up (?:study|trial|evaluation|safety)|\bextension (?:study|trial)\b|\bfollow[- ]?up of (?:a |an |the )?(?:\w+ ){0,3}(?:trial|study|rct)\b/;
const EARLIER_TRIAL =
  /\b(?:who|that) (?:have |had )?(?:participated|completed|were (?:enrolled|treated|randomi[sz]ed|dosed)|received|took part)\b[^.]{0,120}\b(?:previous|prior|initial|earlier|parent|preceding|phase|trial|study)\b|\bparticipants of\b[^.]{0,60}\b(?:trial|study)\b|\b(?:under|in|during|from) (?:the )?(?:initial|previous|prior|parent|original|earlier|preceding) (?:study|trial|protocol)\b/;

// "Follow-up Study for Participants Jointstem Clinical Trial": a title naming the earlier trial's people.
const PARTICIPANTS_OF_TRIAL = /\b(?:participants?|subjects?|patients?)\b[^|]{0,60}\b(?:trial|study)\b/;

function isFollowUpOnly(study: Study): boolean {
  const titles = norm(`${study.briefTitle} | ${study.officialTitle}`);
  if (!FOLLOW_UP_TITLE.test(titles)) return false;
  return EARLIER_TRIAL.test(titles) || PARTICIPANTS_OF_TRIAL.test(norm(study.briefTitle)) || EARLIER_TRIAL.test(norm(`${study.briefSummary} ${study.detailedDescription}`));
}

const DOSE_WORDS = /\s*\b(?:(?:low|mid|middle|medium|intermediate|high|standard|single|repeat(?:ed)?|double|triple)[- ]dose|dose (?:level )?\d+)\b\s*/g;
function biologicClauseTest(bio: BioUnit[]): (clause: string) => boolean {
  // "TG-C Low Dose", "TG-C High Dose": the product is named without its dose in the descriptions.
  const names = bio.flatMap((b) => [norm(b.name), norm(b.name).replace(DOSE_WORDS, "").trim()]).filter((n) => n.length >= 4);
  // A three-character code with a digit ("NB1") names the product too, as a whole word ("NB1 Bone Graft").
  const short = [...abbreviations(bio), ...bio.map((b) => norm(b.name)).filter((n) => n.length === 3 && /\d/.test(n) && /[a-z]/.test(n))];
  // routeOf asks it of each sentence more than once.
  const seen = new Map<string, boolean>();
  return (clause) => {
    let v = seen.get(clause);
    if (v === undefined) seen.set(clause, (v = termsIn(clause).length > 0 || findProducts(clause).length > 0 || names.some((n) => clause.includes(n)) || short.some((a) => hasWord(clause, a))));
    return v;
  };
}

// "injections of autologous Bone Marrow Concentrate (BMC)": the letters in brackets after the product
// name the product wherever they stand alone ("Subchondral Injections of Autologous BMC").
const BRACKETED = /\(([a-z][a-z0-9+-]{2,9})\)/g;
function abbreviations(bio: BioUnit[]): string[] {
  const out = new Set<string>();
  for (const b of bio) {
    for (const s of b.text) {
      if (!s.includes("(")) continue;
      for (const m of allMatches(BRACKETED, s)) if (termsIn(s.slice(Math.max(0, m.index - 60), m.index)).length > 0) out.add(m[1] as string);
    }
  }
  return [...out];
}
const WORD_CHAR = /[a-z0-9]/;
function hasWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = text[i - 1];
    const after = text[i + word.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

// Anything else the study gives (its drugs and devices, anaesthetics, saline): clauses about them
// carry their routes, not the biologic's.
function foreignClauseTest(units: Unit[], bio: BioUnit[]): (clause: string) => boolean {
  const bioNames = new Set(bio.map((b) => b.name));
  const names = units
    .filter((u) => !bioNames.has(u.intervention.name))
    .flatMap((u) => norm(u.intervention.name).split(/[^a-z0-9-]+/))
    .filter((w) => w.length >= 5 && !GENERIC_WORDS.has(w));
  return (clause) => FOREIGN.test(clause) || names.some((n) => clause.includes(n));
}
const GENERIC_WORDS = new Set(["injection", "injections", "therapy", "treatment", "procedure", "group", "control", "placebo", "standard", "surgery", "sodium", "solution", "combined", "protocol", "program", "programme", "intra-articular"]);

// A placebo arm mimics how the product is given ("underwent percutaneous injection of placebo"): its
// route is the product's when the record states none for the product itself. A sham is not: it is often
// a different, harmless procedure ("single subcutaneous injection of normal saline" beside an intradiscal product).
const MATCHED_ARM_TYPES = new Set(["PLACEBO_COMPARATOR"]);
function placeboText(study: Study, units: Unit[]): string[] {
  const arms = study.arms.filter((a) => MATCHED_ARM_TYPES.has(a.type));
  if (arms.length === 0) return [];
  const out = arms.flatMap((a) => sentences(a.description));
  for (const u of units) if (u.role !== "investigational" && u.arms.length > 0 && u.arms.every((a) => arms.includes(a))) out.push(...u.own);
  return out;
}

/** Classify one raw study record (v2 shape; any field may be missing). */
export function classifyStudy(raw: unknown, opts: ClassifyOptions): Classification {
  const c = classifyRaw(raw, opts);
  // The explanations quote record text (an intervention's whole name, say); they are stored and shown,
  // so they are bounded like every stored text (lib/ctgov/caps.ts): a 2 MB name must not become 2 MB of `why`.
  const why: Record<string, string[]> = {};
  for (const k in c.why) {
    const lines = c.why[k] as string[];
    const n = Math.min(lines.length, WHY_MAX_LINES);
    const capped: string[] = new Array(n);
    for (let i = 0; i < n; i++) capped[i] = capText(lines[i] as string, WHY_MAX_CHARS);
    why[k] = capped;
  }
  // Spelled out (not spread): the same keys in the same order, built without copying the object twice.
  return { nctId: c.nctId, phase: c.phase, flags: c.flags, therapy: c.therapy, source: c.source, donor: c.donor, route: c.route, why };
}

const WHY_MAX_LINES = 20;
const WHY_MAX_CHARS = 500;

function classifyRaw(raw: unknown, opts: ClassifyOptions): Classification {
  resetTermCache();
  resetSentenceCache();
  const study = readStudy(raw);
  const units = buildUnits(study);
  const phase = phaseOf(study.phases);
  const flags = flagsOf(study, opts.asOf);
  const base = { nctId: study.nctId, phase: phase.phase, flags: flags.flags };

  if (isFollowUpOnly(study)) {
    const why = ["long-term follow-up of people treated in an earlier study: nothing is given in this study"];
    return { ...base, therapy: ["other"], source: [], donor: null, route: [], why: { therapy: why, source: [], donor: [], route: [], phase: phase.why, ...flags.why } };
  }

  // Descriptions are split into sentences only when a rule needs them (most records give no biologic).
  let text: ReturnType<typeof studySentences> | undefined;
  const studyText = () => (text ??= studySentences(study, sentences));
  const therapy = therapyOf(study, units, studyText);
  const bio = therapy.bio;

  let source: ReturnType<typeof sourceOf> = { source: [], why: [] };
  let donor: ReturnType<typeof donorOf> = { donor: null, why: [] };
  let route: ReturnType<typeof routeOf> = { route: [], why: [] };
  if (bio.length > 0) {
    const sText = studyText();
    // Procedures the participants themselves undergo ("Leukapheresis: Undergo leukapheresis"): which tissue is collected, and whose.
    const bioNames = new Set(bio.map((b) => b.name));
    const procedures = units.filter((u) => u.role === "investigational" && !bioNames.has(u.intervention.name)).flatMap((u) => u.own);
    // Every sentence of the summary and description that may describe this study's own product (not only
    // the protocol's): "The Main components of JK500 cell injection are … cells derived from human embryonic stem cells".
    // Each split once per study, when first asked for (sourceOf and donorOf both read them).
    let own: string[] | undefined;
    let eligibility: readonly string[] | undefined;
    const described = () => (own ??= [...sentences(study.briefSummary), ...sentences(study.detailedDescription)].filter(isOwnTreatmentSentence));
    source = sourceOf(bio, sText, controlText(study, units), () => (eligibility ??= sentences(study.eligibilityCriteria)), procedures, described);
    donor = donorOf(bio, sText, source, procedures, described);
    const about = norm([...study.conditions, ...study.keywords, study.briefTitle, study.officialTitle].join(" | "));
    route = routeOf({ bio, study: sText, about, hasBiologic: biologicClauseTest(bio), isForeign: foreignClauseTest(units, bio), placebo: placeboText(study, units) });
  }

  return {
    nctId: base.nctId,
    phase: base.phase,
    flags: base.flags,
    therapy: therapy.therapy,
    source: source.source,
    donor: donor.donor,
    route: route.route,
    why: { therapy: therapy.why, source: source.why, donor: donor.why, route: route.why, phase: phase.why, ...flags.why },
  };
}
