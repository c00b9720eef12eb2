import type { Arm, Intervention, Study } from "./record";
import { norm, sentences } from "./text";
import { termsIn } from "./terms";

// Which interventions are what the study tests, and which are controls. Control arms (placebo,
// sham, saline, standard care) add nothing to any attribute: a saline placebo arm is not a route
// of the cell therapy, and a comparator's rhBMP-2 is not the study's biologic.

export type Role = "investigational" | "control" | "comparator";

export type Unit = {
  intervention: Intervention;
  /** How `why` refers to it: "intervention 'BRTX-100'". */
  label: string;
  role: Role;
  roleWhy: string;
  /** Arms the intervention is linked to. */
  arms: Arm[];
  /** Linked to an active (non-control) arm typed experimental, other or untyped. */
  experimental: boolean;
  /** Given in every arm of a multi-arm study: background, not what is compared. */
  backbone: boolean;
  /** Normalised sentences of name, other names and description. */
  own: string[];
  /** Normalised sentences of the linked active arms' labels and descriptions. */
  armText: string[];
  /** The same, for active arms where this is the only studied intervention (safe to read as describing it). */
  soloArmText: string[];
};

const CONTROL_ARM_TYPES = new Set(["PLACEBO_COMPARATOR", "SHAM_COMPARATOR", "NO_INTERVENTION"]);
const CONTROL_WORDS =
  /\b(?:placebo|sham|controls?|vehicle|standard (?:of )?care|usual care|conventional (?:care|treatment|therapy)|standard (?:treatment|therapy)|no (?:treatment|intervention)|best supportive care|historical|observation group)\b/;
// "XCEL-UMC-BETA/placebo" is a crossover arm that gets the product, not a control.
const COMBINATION = /\+|\/|\bplus\b|\bwith\b|\band\b|\bcombined\b|\badded\b|\bthen\b|\bfollowed by\b|\bcrossover\b/;
const CONTROL_START = /^(?:active )?(?:control|placebo|sham|vehicle|standard|usual care|conventional|no (?:treatment|intervention))\b(?![^/]*\/)/;
const CONTROL_DESC_START = /^(?:standard (?:of care|treatment|therapy)|usual care|control\b|placebo|sham|conventional (?:treatment|therapy|care)|no (?:treatment|intervention))/;
const CONTROL_NAME =
  /^(?:placebo|sham|saline|normal saline|sodium chloride|vehicle|control|no (?:treatment|intervention)|standard (?:of )?care|usual care)\b|\b(?:placebo|sham)\b|\bwithout (?:active )?(?:cells?|mscs?|stem cells?)\b|\bno active cell\b|\bmedi(?:um|a) (?:only|alone)\b/;

const MENTIONS_STUDIED = /\bexperimental\b|\b(?:treatment|intervention|active|study|cell|stem cell) (?:group|arm)\b|\bor (?:a )?placebo\b|\bplacebo or\b|\bvs\.?\b|\bversus\b/;

function isControlArm(arm: Arm): boolean {
  const label = norm(arm.label);
  // A "placebo comparator" arm labelled "Intracoronary infusion WJMSCs" is mistyped: the label wins.
  if (CONTROL_ARM_TYPES.has(arm.type)) return CONTROL_WORDS.test(label) || termsIn(label).length === 0;
  // "Control group 4-6mg rhBMP-2" is a control; "MSC plus standard care" is not.
  const labelSaysControl = CONTROL_START.test(label) || (CONTROL_WORDS.test(label) && !COMBINATION.test(label) && termsIn(label).length === 0);
  if (labelSaysControl) return true;
  // An experimental arm is a control only when its own label says so; other arm types may say it in the description.
  return arm.type !== "EXPERIMENTAL" && CONTROL_DESC_START.test(norm(arm.description));
}

// Arms list interventions as "Biological: Percutaneous injection"; the type tells apart two
// interventions with one name (the cells and the placebo, both "Percutaneous injection").
function listed(entry: string): { type: string; name: string } {
  const m = /^\s*([A-Za-z_ ]+):\s*(.*)$/.exec(entry);
  return m ? { type: (m[1] as string).trim().toUpperCase().replace(/\s+/g, "_"), name: norm(m[2] as string) } : { type: "", name: norm(entry) };
}

function linkedArms(i: Intervention, arms: Arm[]): Arm[] {
  const key = norm(i.name);
  const labels = new Set(i.armGroupLabels.map(norm));
  return arms.filter((a) => labels.has(norm(a.label)) || a.interventionNames.map(listed).some((l) => l.name === key && (!l.type || !i.type || l.type === i.type)));
}

// "OSTEOAMP SELECT Fibers Versus Infuse Bone Graft": what follows "versus" in a title is the comparator.
const VERSUS = /\b(?:versus|vs\.?|compared (?:to|with)|in comparison (?:to|with)|against)\s/;
const STOP = new Set(["with", "from", "therapy", "treatment", "injection", "injections", "group", "plus", "and", "the", "for", "cells", "cell", "stem", "autologous", "allogeneic", "intra", "drug", "procedure", "biological", "device", "other", "mixed", "only", "alone", "dose", "high", "low"]);

function keyTokens(name: string): string[] {
  return norm(name)
    .split(/[^a-z0-9-]+/)
    .filter((w) => w.length >= 4 && !STOP.has(w));
}

// Named after "versus" and either left out of an experimental arm or missing from the brief
// title: "OSTEOAMP Lumbar Fusion Study" tests OSTEOAMP "versus Infuse". In "ACIC vs. MCIC", two
// techniques both named in the brief title, neither is a mere comparator.
function versusComparator(i: Intervention, titles: string[], briefTitle: string, outsideExperimental: boolean): boolean {
  const tokens = keyTokens(i.name);
  if (tokens.length === 0) return false;
  for (const title of titles) {
    const m = VERSUS.exec(title);
    if (!m) continue;
    const head = title.slice(0, m.index);
    const tail = title.slice(m.index + m[0].length);
    if (!tokens.some((t) => tail.includes(t)) || tokens.some((t) => head.includes(t))) continue;
    if (outsideExperimental || !tokens.some((t) => briefTitle.includes(t))) return true;
  }
  return false;
}

// Splitting a long drug description into sentences is wasted work when no biologic word can be
// in it: such text stays one normalised string.
const MAYBE_BIOLOGIC = /cel|platelet|prp|prgf|plasma|marrow|adipose|fat|lipo|svf|cord|umbilical|wharton|amnio|placent|chorion|exosom|vesicle|secretom|bmp|growth factor|allograft|graft|transplant|msc|mpc|stem|chondro|islet|pluripot|lymphocyte|concentrat|lysate|medi|derivat|inject|infus|implant|intra/i;

function readable(text: string): readonly string[] {
  if (!text) return [];
  return MAYBE_BIOLOGIC.test(text) ? sentences(text) : [norm(text)];
}

// "AstroStem and Donepezil Placebo" in the experimental arm (double-dummy design): the placebo is the
// other arm's drug; the part it does not qualify is what this arm is given.
const CONJOINED = /\s+(?:and|plus|with)\s+|\s*[+&/]\s*/;
function doubleDummy(nameN: string, arms: Arm[]): boolean {
  if (!arms.some((a) => a.type === "EXPERIMENTAL")) return false;
  const parts = nameN.split(CONJOINED).filter((p) => p.length >= 3);
  return parts.length > 1 && parts.some((p) => CONTROL_NAME.test(p)) && parts.some((p) => !CONTROL_NAME.test(p) && !CONTROL_WORDS.test(p));
}

/** Classify every intervention of a study by role. */
export function buildUnits(study: Study): Unit[] {
  const titles = [study.briefTitle, study.officialTitle].filter(Boolean).map(norm);
  const control = new Map(study.arms.map((a) => [a, isControlArm(a)]));
  const armSentences = new Map<Arm, string[]>();
  const textOf = (a: Arm) => {
    let t = armSentences.get(a);
    if (!t) armSentences.set(a, (t = [...sentences(a.label), ...readable(a.description)]));
    return t;
  };
  const activeArms = study.arms.filter((a) => !control.get(a));
  const armsWithInterventions = study.arms.filter((a) => a.interventionNames.length > 0);
  const units = study.interventions.map((i) => {
    const arms = linkedArms(i, study.arms);
    const own = [...[i.name, ...i.otherNames].map(norm).filter(Boolean), ...readable(i.description)];
    const nameN = norm(i.name);
    let role: Role = "investigational";
    let roleWhy = "";
    const namesBiologic = termsIn(nameN).length > 0;
    if (!namesBiologic && !doubleDummy(nameN, arms) && (CONTROL_NAME.test(nameN) || i.otherNames.some((n) => CONTROL_NAME.test(norm(n)) && termsIn(norm(n)).length === 0))) {
      role = "control";
      roleWhy = `intervention '${i.name}' is a placebo/sham/control`;
    } else if (arms.length > 0 && arms.every((a) => control.get(a))) {
      role = "control";
      roleWhy = `intervention '${i.name}' is only in control arms (${arms.map((a) => `'${a.label}'`).join(", ")})`;
    } else if (!arms.some((a) => a.type === "EXPERIMENTAL") && versusComparator(i, titles, norm(study.briefTitle), study.arms.some((a) => a.type === "EXPERIMENTAL"))) {
      role = "comparator";
      roleWhy = `intervention '${i.name}' is the comparator named after "versus" in the title`;
    }
    const active = arms.filter((a) => activeArms.includes(a));
    const armText = active.flatMap(textOf);
    return {
      intervention: i,
      label: `intervention '${i.name}'`,
      role,
      roleWhy,
      arms,
      experimental: arms.length === 0 || active.some((a) => a.type === "EXPERIMENTAL" || a.type === "OTHER" || a.type === ""),
      backbone: armsWithInterventions.length >= 2 && armsWithInterventions.every((a) => arms.includes(a)),
      own,
      armText,
      soloArmText: [] as string[],
      active,
    };
  });
  for (const u of units) {
    // A comparator arm that lists the experimental arm's intervention too ("Cell Based Allograft: … viable cellular
    // allograft …" beside "MagnetOs Flex Matrix") describes the comparator, not that intervention.
    const experimental = u.active.some((a) => a.type === "EXPERIMENTAL");
    const solo = u.active.filter((a) => !(experimental && a.type === "ACTIVE_COMPARATOR") && !units.some((o) => o !== u && o.role === "investigational" && !o.backbone && o.arms.includes(a)));
    u.soloArmText = solo.flatMap(textOf);
  }
  return units.map(({ active: _active, ...u }) => u);
}

/**
 * Normalised sentences describing what control arms and control interventions receive. A term
 * found here ("standard islet transplantation" in the control arm) is background that every
 * participant gets, not the studied product (termsIn already drops negated mentions such as
 * "the plug will not be soaked in BMAC").
 */
export function controlText(study: Study, units: Unit[]): string[] {
  const out: string[] = [];
  for (const a of study.arms) if (isControlArm(a)) out.push(...sentences(a.description), ...sentences(a.label));
  for (const u of units) if (u.role !== "investigational") out.push(...u.own);
  // "...where the bone marrow aspirate is obtained in the experimental group", "WJMSCs or placebo":
  // these describe the studied product, not what the control arm receives.
  return out.filter((s) => !MENTIONS_STUDIED.test(s));
}

export { isControlArm };
