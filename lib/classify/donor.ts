import type { Donor } from "./slugs";
import { alternation, allMatches, isBackground, negatedAt, norm } from "./text";
import { CELLULAR_BONE_GRAFT, termsIn, type Term } from "./terms";
import type { BioUnit, Sentence } from "./therapy";
import { sourcesIn, type SourceResult } from "./source";

// Whose cells: the patient's own (autologous), a donor's (allogeneic), or both (mixed). A donor
// word counts only when it describes the cells, not their carrier: in "autologous MSCs fixed in
// allogenic bone tissue" the cells are autologous; in "autologous platelet-rich plasma" nothing
// is said about the cells at all.

const DONOR = alternation<"autologous" | "allogeneic">([
  ["autologous", String.raw`\bautolog\w*|\bautogen\w*|\bpatient'?s own\b|\b(?:their|his|her|subject'?s|participant'?s) own\b|\brecipient[- ]derived\b|\bsyngeneic\b|\bfrom the (?:same )?(?:patient|subject|participant|recipient)s?\b|\b(?:transplanted|injected|infused|implanted|given|returned) back\b|\bre-?infus\w+|\bre-?implant\w+|\bauto-(?:hsct|sct|hct|transplant\w*)`],
  ["allogeneic", String.raw`\ballo-?gene?i?c\w*|\ballogenous\b|\ballo-(?!antigen)|\b(?:from|of|by)\s+(?:[\w-]+\s+){0,4}donors?\b(?![- ](?:specific|site|reactive|antigen))|\bdonor(?:'s)?[- ](?:derived|cells?|mscs?|bone marrow|marrow|stem|t[- ]cells?|lymphocytes?|blood|graft)\b|\bdonated\b|\bthird[- ]party\b|\bhealthy (?:volunteers?|donors?|adults?)\b|\boff[- ]the[- ]shelf\b|\bready[- ]made\b|\buniversal donor\b|\bhaplo-?identical\b|\bunrelated\b|\bsiblings?\b|\bhla[- ](?:matched|mismatched|identical|compatible)\b|\bcadaver\w*`],
]);

// Words that make the donor word describe something other than the cells.
const CARRIER = /\b(?:bone(?![- ]marrow)|allografts?|grafts?|scaffolds?|matri(?:x|ces)|serum|plasma|platelets?|prp|prgf|lysates?|fibrin|membranes?|carriers?|hydroxy-?apatite|collagen|cancellous|chips|iliac crest bone|kidney|liver|organ|blood transfusion|transfusions?)\b/;
const REACH = 60;

type Cue = { donor: "autologous" | "allogeneic"; text: string; cells?: string };

function cuesIn(sentence: string, terms: Term[] = termsIn(sentence)): Cue[] {
  const cells = terms.filter((t) => t.kind === "cell" || t.kind === "hsct");
  if (cells.length === 0) return [];
  const out: Cue[] = [];
  for (const m of allMatches(DONOR.re, sentence)) {
    if (negatedAt(sentence, m.index)) continue;
    const end = m.index + m[0].length;
    const next = cells.find((c) => c.index + c.text.length > m.index && c.index - end <= REACH);
    if (next) {
      // The first thing the donor word leads to must be the cells, not a carrier.
      const between = sentence.slice(end, Math.max(end, next.index + next.text.length));
      if (!CARRIER.test(between)) {
        out.push({ donor: DONOR.which(m), text: m[0], cells: next.text });
        continue;
      }
    }
    const before = cells.find((c) => m.index - (c.index + c.text.length) >= 0 && m.index - (c.index + c.text.length) <= REACH);
    if (before && !CARRIER.test(sentence.slice(end, end + 25))) out.push({ donor: DONOR.which(m), text: m[0], cells: before.text });
  }
  return out;
}

function combine(cues: Cue[]): Donor | null {
  const auto = cues.some((c) => c.donor === "autologous");
  const allo = cues.some((c) => c.donor === "allogeneic");
  return auto && allo ? "mixed" : auto ? "autologous" : allo ? "allogeneic" : null;
}

// Products that are always the patient's own or always a donor's, when nothing else is said:
// bone marrow concentrate and fat are processed at the bedside; cord, placenta and pluripotent
// lines come from someone else.
const POINT_OF_CARE = /\bbmac\b|\bbone marrow (?:aspirate )?concentrat\w*|\bbone marrow aspirates?\b|\bbma\b|\bmarrow concentrate\b|\bstromal vascular fraction\b|\bsvf\b|\bmicro-?fragmented\b|\blipoaspirate\b|\bfat graft\w*|\b(?:nano|micro)fat\b|\b(?:processed|crushed|emulsified) (?:abdominal )?(?:fat|adipose)\b/;
const HARVEST =
  /\b(?:bone[- ]marrow|marrow|fat|adipose(?: tissue)?|lipoaspirates?|buccal fat pad)\b[^.;]{0,60}?\b(?:will be |is |was |are |were )?(?:aspirated|harvested|extracted|liposuctioned)\b|\b(?:aspiration|harvest(?:ing)?|liposuction|lipoaspiration|extraction) of (?:the )?(?:[\w'-]+ ){0,2}(?:bone[- ]marrow|marrow|fat|adipose)|\b(?:bone[- ]marrow|marrow) (?:aspiration|harvest(?:ing)?)\b[^.;]{0,40}\b(?:from|of) (?:the )?(?:patients?|participants?|subjects?)\b|\bautologous (?:bone[- ]marrow|marrow|fat|adipose(?: tissue)?) (?:aspiration|harvest(?:ing)?|collection)\b|\b(?:lipo-?suction|lip-suction|lipoaspiration)\b|\bmarrow (?:aspiration|harvest\w*) (?:will be |is )?(?:done|performed)\b|\b(?:patients?|participants?|subjects?) (?:will )?(?:undergo|underwent|undergoes|have|has) (?:an? )?(?:[\w-]+ ){0,2}(?:bone[- ]marrow|marrow|fat|adipose(?: tissue)?) (?:aspiration|harvest(?:ing)?|collection)\b/;
const APHERESIS = /\b(?:(?:patients?|participants?|subjects?) (?:will )?(?:undergo|underwent|undergoes)|undergo(?:es)?) (?:[\w-]+ ){0,2}(?:leuk[oa]?(?:cyto)?pheresis|apheresis)\b|\b(?:leuk[oa]?(?:cyto)?pheresis|apheresis) (?:of|from) (?:the )?(?:patients?|participants?|subjects?)\b/;
const HARVESTED_FOR = [
  { sources: new Set<string>(["bone-marrow", "adipose"]), re: HARVEST },
  { sources: new Set<string>(["peripheral-blood"]), re: APHERESIS },
];
const CELLULAR_GRAFT = new RegExp(CELLULAR_BONE_GRAFT);
const DONOR_WORD = /\bdonors?\b|\bdonated\b|\ballo-?gene?i?c\w*|\bthird[- ]party\b/;
const DONOR_SOURCES = new Set(["umbilical-cord", "placenta-amnion", "pluripotent"]);
// Sources that always come from someone else: cord and placenta, and a pluripotent line only when it is
// embryonic (induced pluripotent stem cells may be reprogrammed from the patient's own cells, so for them
// the record must say whose).
function fromDonorsOnly(s: string, sources: SourceResult): boolean {
  return DONOR_SOURCES.has(s) && (s !== "pluripotent" || sources.pluripotent === "embryonic");
}

export type DonorResult = { donor: Donor | null; why: string[] };

/** Donor of the studied cell therapies, from the record's words, then known products, then the nature of the source. */
export function donorOf(bio: BioUnit[], study: Sentence[], sources: SourceResult, procedures: readonly string[] = [], described: () => readonly string[] = () => []): DonorResult {
  const cellUnits = bio.filter((b) => b.kinds.has("cell") || b.kinds.has("hsct"));
  if (cellUnits.length === 0) return { donor: null, why: [] };
  const allText = () => [...cellUnits.flatMap((b) => b.text), ...study.map((s) => s.text)];
  const unitCues: { cue: Cue; where: string }[] = [];
  for (const b of cellUnits) for (const s of b.text) if (!isBackground(s)) for (const cue of cuesIn(s)) unitCues.push({ cue, where: b.label });
  let donor = combine(unitCues.map((c) => c.cue));
  if (donor) return implied(donor, explain(unitCues, donor), allText, sources);

  // Descriptions also discuss other products ("autologous chondrocyte implantation is not ideal"):
  // only statements about cells from the studied source count.
  const studied = new Set<string>(sources.source);
  const aboutStudied = (cue: Cue) => !cue.cells || sourcesIn(cue.cells).every((h) => studied.has(h.source));
  // Titles say it best, then keywords and summary, then the long description: the first place that
  // says anything decides, so a stray word deep in the description cannot turn "autologous" into "mixed".
  for (const tier of ["title", "keywords", "brief summary", "detailed description"]) {
    const cues: { cue: Cue; where: string }[] = [];
    for (const s of study) if (s.where === tier) for (const cue of cuesIn(s.text)) if (aboutStudied(cue)) cues.push({ cue, where: s.where });
    donor = combine(cues.map((c) => c.cue));
    if (donor) return implied(donor, explain(cues, donor), allText, sources);
  }
  // A sentence of the descriptions that names the studied product and says what it is ("FT538 is an off
  // the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy") says whose cells,
  // though it states no protocol step.
  const names = cellUnits.map((b) => norm(b.name)).filter((n) => n.length >= 4);
  if (names.length > 0) {
    const cues: { cue: Cue; where: string }[] = [];
    for (const s of described()) if (names.some((n) => s.includes(n))) for (const cue of cuesIn(s)) if (aboutStudied(cue)) cues.push({ cue, where: "description naming the product" });
    donor = combine(cues.map((c) => c.cue));
    if (donor) return implied(donor, explain(cues, donor), allText, sources);
  }

  const products = cellUnits.flatMap((b) => b.products).filter((p) => p.product.kind === "cell" && p.product.donor);
  donor = combine(products.map((p) => ({ donor: p.product.donor === "autologous" ? "autologous" : "allogeneic", text: p.name })));
  if (products.some((p) => p.product.donor === "mixed")) donor = "mixed";
  if (donor) return { donor, why: products.map((p) => `known product '${p.name}': ${p.product.summary}`) };

  // The procedure says whose cells: the participant's own marrow or fat is harvested for them
  // ("Autologous bone marrow aspiration is used as a cellular source", "30 mL of bone marrow will be
  // aspirated from the iliac crests of patients"). A sentence about donors never counts.
  // Likewise blood cells collected from the participant by apheresis ("Procedure: Leukapheresis —
  // Undergo leukapheresis") for a peripheral-blood product.
  const harvested = HARVESTED_FOR.filter((h) => sources.source.length > 0 && sources.source.every((s) => h.sources.has(s)));
  if (harvested.length > 0) {
    const text = [...cellUnits.flatMap((b) => b.text), ...study.map((s) => s.text), ...procedures];
    for (const h of harvested) {
      const harvest = text.find((s) => h.re.test(s) && !DONOR_WORD.test(s));
      if (harvest) return { donor: "autologous", why: [`'${h.re.exec(harvest)?.[0]}': the participant's own tissue is harvested for the cells`] };
    }
  }
  // Immune cells made from blood the record says is collected from the participants themselves
  // ("Subjects who have had any of the following … within 2 weeks prior to apheresis", with no donor
  // named anywhere in the criteria): the procedure implies their own cells.
  if (sources.collected?.own) return { donor: "autologous", why: [`'${sources.collected.text}': the participant's own blood is collected for the cells`] };
  const pointOfCare = cellUnits.flatMap((b) => b.text).find((s) => POINT_OF_CARE.test(s));
  if (pointOfCare) return { donor: "autologous", why: [`'${POINT_OF_CARE.exec(pointOfCare)?.[0]}' is prepared from the patient's own tissue at the point of care`] };
  // A cellular bone allograft is donor bone ("Cellular Based Lyograft").
  const graft = allText().find((s) => CELLULAR_GRAFT.test(s));
  if (graft) return { donor: "allogeneic", why: [`'${CELLULAR_GRAFT.exec(graft)?.[0]}': a cellular bone allograft is a donor's bone`] };
  const donorSource = sources.source.find((s) => fromDonorsOnly(s, sources));
  if (donorSource && sources.source.every((s) => fromDonorsOnly(s, sources))) {
    return { donor: "allogeneic", why: [`${donorSource} cells come from donors`] };
  }
  return { donor: null, why: ["the record does not say whose cells are given"] };
}

/**
 * The source implies a donor the words did not state: cells from a cord, placenta or pluripotent
 * line come from someone else, so when the record says "autologous" only of its other cells
 * ("Autologous Bone Marrow-Derived MSCs ... in the other group ... Wharton Jelly derived MSCs"),
 * both kinds are given. An autologous cue about the cord itself (own banked cord blood) keeps it
 * autologous.
 */
function implied(donor: Donor, why: string[], allText: () => string[], sources: SourceResult): DonorResult {
  if (donor !== "autologous") return { donor, why };
  const fromDonors = sources.source.find((s) => fromDonorsOnly(s, sources));
  if (!fromDonors) return { donor, why };
  const text = allText();
  if (text.some((s) => OWN_DONOR_SOURCE.test(s)) || !text.some((s) => OWN_OTHER_SOURCE.test(s))) return { donor, why };
  return { donor: "mixed", why: [...why, `${fromDonors} cells are also given, and they come from donors`] };
}
// "autologous umbilical cord blood", "the child's own banked cord blood", "autologous iPSC-derived".
const OWN_DONOR_SOURCE =
  /\b(?:autolog\w*|own|banked|self)\b[^.;]{0,40}\b(?:cord|wharton\w*|placent\w*|amnio\w*|amnion|ipscs?|induced pluripotent)|\b(?:cord|wharton\w*|placent\w*|ipscs?)\b[^.;]{0,40}\b(?:autolog\w*|from the (?:same )?(?:patient|child|participant|subject))/;

// The record ties "autologous" to a tissue of the patient's own ("Autologous Bone Marrow-Derived
// MSCs", "Bone Marrow Mononuclear Cells (BMMC) from the patient"): only then are the cord cells
// a second, donor product rather than a contradictory description of one product.
const OWN_OTHER_SOURCE =
  /\b(?:autolog\w*|own|patient'?s)\b[^.;]{0,40}\b(?:bone[- ]marrow|marrow|adipose|fat|lipo\w*|bm(?:-?mscs?|-?mncs?|mcs?|c)?)\b|\b(?:bone[- ]marrow|marrow|adipose|fat)\b[^.;]{0,60}\b(?:from the (?:same )?(?:patient|participant|subject)s?|autolog\w*)\b/;

function explain(cues: { cue: Cue; where: string }[], donor: Donor): string[] {
  const wanted = donor === "mixed" ? ["autologous", "allogeneic"] : [donor];
  const out: string[] = [];
  for (const w of wanted) {
    const c = cues.find((x) => x.cue.donor === w);
    if (c) out.push(`${c.where}: '${c.cue.text}' → ${w}`);
  }
  return out;
}
