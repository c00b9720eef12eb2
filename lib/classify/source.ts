import type { Source } from "./slugs";
import { alternation, allMatches, isBackground, isExclusionContext, negatedAt, norm } from "./text";
import { CELLULAR_BONE_GRAFT, termsIn, type Term } from "./terms";
import type { BioUnit, Sentence } from "./therapy";

// Where the cells come from. A tissue word counts only when it sits next to a cell word in the
// same sentence ("MSCs isolated from the patient's bone marrow"), never on its own: records say
// "bone marrow" for biopsies, oedema, transplants and blast counts too.

// Tissues: count when a cell word is near ("MSCs isolated from the patient's bone marrow").
const TISSUE = alternation<Source>([
  ["bone-marrow", String.raw`\bbone[- ]marrow\b|\bmarrow\b|\bbm(?=-?(?:mscs?|mncs?|derived|mononuclear|stromal|cells?|ac|c)\b)|\bbmmscs?\b|\bbmmncs?\b|\bbmncs?\b|\bbmscs?\b|\bbmac\b|\bbma\b|\bmesenchymal precursor cells?\b|\bmultipotent adult progenitor\b|\bmapcs?\b|\bstro-?3\b`],
  ["adipose", String.raw`\badipose\b|\bfat\b|\blipo(?:aspirat|suction|gems|filling|transfer|injection)\w*|\blipo-suction\b|\blip-suction\b|\bstromal vascular fraction\b|\bsvf\b|\bad-?mscs?\b|\badscs?\b|\bascs\b|\bat-?mscs?\b|\badrcs?\b|\bmfat\b|\b(?:nano|micro)fat\b|\bmicro-?fragmented\b|\bhampcs?\b`],
  ["umbilical-cord", String.raw`\bumbilical\b|\bcord blood\b|\bucb\b|\bwharton\w*|\bwj\b|\bwj-?mscs?\b|\bwjmscs?\b|\bu?c-?mscs?\b|\bhuc-?mscs?\b|\bhucmscs?\b|\bucmscs?\b|\bcord[- ](?:derived|tissue|lining)\b|\bucbt\b|\bcb-?mscs?\b|\bhucb\w*`],
  ["placenta-amnion", String.raw`\bplacent\w*|\bamni(?:on|otic)\b(?! membranes?(?! (?:derived|mesenchymal|stem|epithelial|stromal)))|\bamnio(?!tic\b)\w+|\bchorion\b|\bchorionic (?:villi|membrane|plate)\b|\bdecidua\w*`],
  ["peripheral-blood", String.raw`\bperipheral blood\b|\bpb-?(?:mncs?|scs?|sct)\b|\bpbscs?\b|\bpbsct\b|\bpbmcs?\b|\bmobili[sz]ed (?:blood|peripheral)\b|\b(?:g-csf[- ])?mobili[sz]ed (?:autologous )?(?:cd ?34\+?|(?:h(?:a)?ematopoietic )?(?:stem|progenitor))|\bleukapheresis\b|\bapheresis\b|\bcirculating (?:progenitor|endothelial progenitor|cd34)\w*`],
  ["other-tissue", String.raw`\bdental pulp\b|\bdpscs?\b|\bmenstrual\b|\bendometri\w*|\bmuscle[- ]derived\b|\bskin[- ]derived\b|\bsynovi(?:al|um)[- ](?:derived |fluid[- ]derived )?(?:mscs?|stem|mesench\w+|cells?)\b|\bsynovi(?:al membranes?|al tissues?|um|a)\b|\bfetal liver\b|\bgingiv\w*|\bperiodontal ligament\b|\bpdlscs?\b|\burine[- ]derived\b|\bexfoliated deciduous\b|\bhair follicle\b|\btonsil\w*|\b(?:from|of) (?:the )?(?:[\w-]+ ){0,2}fracture site\b|\bperiosteum[- ]derived\b|\bcellular (?:bone )?allografts?\b|\bcadaver\w*|\bthym(?:us|ic)\b`],
]);

// Cell types that name their own origin: count only when they are the product itself (overlap a
// cell term), so "MSCs promote proliferation of chondrocytes" says nothing about the source.
const CELL_TYPE = alternation<Source>([
  ["disc-or-cartilage", String.raw`\bchondrocytes?\b|\bchondrons?\b|\bcartilage cells?\b|\bcartilage[- ]derived\b|\bnucleus pulposus (?:cells?|progenitor\w*|derived)\b|\bnp cells?\b|\bdis[ck] (?:progenitor|cells?|chondrocytes?|derived)\b|\bdiscogenic cells?\b|\bnotochordal\b|\bannulus fibrosus cells?\b|\bjuvenile cartilage\b|\bcostal cartilage\b`],
  ["pluripotent", String.raw`\bipscs?\b|\bips cells?\b|\binduced pluripotent\b|\bembryonic stem\b|\bh?esc-derived\b|\bpluripotent stem\b`],
  ["other-tissue", String.raw`${CELLULAR_BONE_GRAFT}|\bmyoblasts?\b|\bfibroblasts?\b(?! growth)|\bkeratinocytes?\b|\bislets?\b|\blimbal\b|\bolfactory ensheathing\b|\bschwann\b|\bneural (?:stem|progenitor)|\bhepatocytes?\b|\bcardiospheres?\b|\bcardiac (?:stem|progenitor)|\bmelanocytes?\b|\bretinal pigment\b|\bosteoblasts?\b|\bperiost(?:eal|eum)[- ](?:progenitor|stem|derived)\w*|\btenocytes?\b|\bsatellite cells?\b|\btumou?r[- ]infiltrating\b|\bcorneal (?:epitheli|stem|limbal)\w*`],
]);

// Engineered or isolated immune cells (CAR-T, TCR-T, STAR-T, NK, CIK, dendritic cells, TILs, donor
// lymphocytes, Tregs) do not name their tissue: they are usually made from blood, but a record that
// never says so ("CD123 CAR-T cells", "NK aloreactive cells from a KIR mismatch donor") states no
// source (labels README: `unspecified` when the tissue is not stated). Blood counts only when the record
// says it: apheresis, peripheral blood, mobilised blood, white blood cells collected (`bloodCollection`).
const IMMUNE_CELL = /\bcar[- ]?\d*\+?[- ]?(?:t|nk)\b|\bchimeric antigen receptor\b|\b(?:gene[- ]modified|genetically (?:modified|engineered)|base[- ]edited|transduced|redirected|tcr[- ]engineered) (?:[a-z0-9+-]+ ){0,2}t[- ]cells?\b|\btcr[- ]?t\b|\bdonor lymphocyte\w*|\bdli\b|\bcytokine[- ]induced killer\b|\b(?:nk|natural killer(?: \(nk\))?|dendritic|regulatory t|cik|t)[- ]cells?\b|\btregs?\b/;

/** True when a cell term names engineered or isolated immune cells rather than stem, stromal or tissue cells. */
export function isImmuneCell(cellText: string): boolean {
  return IMMUNE_CELL.test(cellText);
}

// "bone marrow biopsy", "bone marrow oedema", "bone marrow lesion": the marrow is examined, not given.
const EXAMINED = /^[\s-]*(?:\w+[\s-]+)?(?:biops\w*|aspiration (?:and|for)|oe?dema|lesions?|involvement|infiltrat\w*|blasts?|smear|tests?|examination|sampl\w*|assessment|failure|suppression|edema|toxicit\w*|function)\b/;
// "levels in the peripheral blood", "peripheral blood samples": measured, not given.
const MEASURED_BEFORE = /\b(?:levels?|percentages?|counts?|concentrations?|appearance|frequenc\w+|samples?|sampling|measured|detected|circulating in|assess\w*|evaluat\w*|analy[sz]\w*|monitor\w*|quantif\w*|trafficking)\b[^.]{0,20}$/;
const MEASURED_AFTER = /^\s*(?:samples?|sampling|levels?|counts?|tests?|draws?|smears?)\b/;
const ATTACH = 80;
// "makes room in the patient's bone marrow for new blood cells", "home to the marrow": where the
// cells go, not where they come from.
const DESTINATION_BEFORE = /\b(?:into|room in|home(?:s|d)? (?:in|to)|engraft\w* (?:in|into)|in the (?:patient|recipient|participant|subject|child)\W?s)\s+(?:the\s+)?(?:own\s+)?$/;
// "osteoblast-like cells differentiated from mesenchymal stem cells": a cell type made from the
// studied cells names no tissue of origin.
const MADE_FROM_CELLS = /^(?:-like)?(?: cells?)?(?: [\w-]+){0,2} (?:differentiated|derived|induced|generated|produced) from (?:[\w-]+ ){0,3}(?:mscs?|mesenchymal|stem|stromal|progenitor|ipscs?)\b/;
const DIFFERENTIATED_INTO = /\b(?:differentiat\w*|induced) (?:in)?to (?:[\w-]+ ){0,3}$/;

/** Cell types (by their matched word) that the record says are made from the studied cells, in any of its sentences. */
export function madeFromCells(text: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of text) {
    if (!s.includes("differentiat") && !s.includes("derived from") && !s.includes("induced")) continue;
    for (const m of allMatches(CELL_TYPE.re, s)) {
      const end = m.index + m[0].length;
      if (MADE_FROM_CELLS.test(s.slice(end, end + 100)) || DIFFERENTIATED_INTO.test(s.slice(Math.max(0, m.index - 50), m.index))) out.add(m[0]);
    }
  }
  return out;
}

export type SourceHit = { source: Source; text: string };

function overlapsAny(index: number, length: number, terms: Term[]): boolean {
  return terms.some((t) => t.index < index + length && index < t.index + t.text.length);
}

/**
 * Sources stated for the cells in one normalised sentence. `anchor` says which terms count as
 * the cells: a cell therapy's sources attach to cell words, a transplant's to transplant words
 * (a CAR T study's "before their scheduled bone marrow transplant" is not a marrow source).
 */
export function sourcesIn(sentence: string, anchor: "cell" | "hsct" | "any" = "any", terms: Term[] = termsIn(sentence)): SourceHit[] {
  const cells = terms.filter((t) => (anchor === "any" ? t.kind === "cell" || t.kind === "hsct" : t.kind === anchor));
  if (cells.length === 0) return [];
  const out: SourceHit[] = [];
  const add = (source: Source, text: string) => {
    if (!out.some((h) => h.source === source)) out.push({ source, text });
  };
  // "ready-made CAR T cells … ahead of a planned bone marrow transplant": the marrow of a blood stem cell
  // transplant is that transplant's, not the source of the cells beside it.
  const transplants = anchor === "cell" ? terms.filter((t) => t.kind === "hsct") : [];
  for (const m of allMatches(TISSUE.re, sentence)) {
    const source = TISSUE.which(m);
    const end = m.index + m[0].length;
    if (transplants.length > 0 && overlapsAny(m.index, m[0].length, transplants)) continue;
    if (source === "bone-marrow" && EXAMINED.test(sentence.slice(end, end + 30))) continue;
    if (MEASURED_BEFORE.test(sentence.slice(Math.max(0, m.index - 30), m.index)) || MEASURED_AFTER.test(sentence.slice(end, end + 20))) continue;
    if (DESTINATION_BEFORE.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
    if (cells.some((c) => c.index - end <= ATTACH && m.index - (c.index + c.text.length) <= ATTACH)) add(source, m[0]);
  }
  for (const m of allMatches(CELL_TYPE.re, sentence)) {
    if (overlapsAny(m.index, m[0].length, cells)) add(CELL_TYPE.which(m), m[0]);
  }
  return out;
}

export type SourceResult = {
  source: Source[];
  why: string[];
  /** Immune cells whose blood the record says is collected: the phrase, and whether it is the participants' own. */
  collected?: { text: string; own: boolean };
  /** For a `pluripotent` source: the line the record names (embryonic stem cells or induced pluripotent stem cells). */
  pluripotent?: PluripotentLine;
};

const HARVESTED = alternation<Source>([
  ["bone-marrow", String.raw`\b(?:bone[- ]marrow|marrow)\b[^.;]{0,60}?\b(?:will be |is |was |are |were )?(?:aspirated|harvested|extracted)\b|\b(?:bone[- ]marrow|marrow) (?:aspiration|harvest(?:ing)?)\b|\baspirat\w* (?:of|from) (?:the )?(?:[\w'-]+ ){0,2}(?:bone[- ]marrow|marrow|iliac crests?)\b|\biliac crests?\b[^.;]{0,30}\baspirat\w*`],
  ["adipose", String.raw`\b(?:fat|adipose(?: tissue)?|lipoaspirates?)\b[^.;]{0,60}?\b(?:will be |is |was |are |were )?(?:aspirated|harvested|extracted)\b|\blipo-?suction\b|\blip-suction\b|\blipoaspirat\w*`],
]);
const FOR_TESTS = /\b(?:assess\w*|evaluat\w*|analys[ie]s|analy[sz]e|biops\w*|examin\w*|sampl\w*|diagnos\w*|blasts?|smears?|morpholog\w*|chimerism|mrd|minimal residual|remission|relapse|cytogenetic\w*|staging)\b/;

function harvestSource(text: string[]): SourceHit | undefined {
  for (const s of text) {
    if (FOR_TESTS.test(s) || isBackground(s)) continue;
    HARVESTED.re.lastIndex = 0;
    const m = HARVESTED.re.exec(s);
    if (m) return { source: HARVESTED.which(m), text: m[0] };
  }
  return undefined;
}

const GIVES = /\b(?:donat\w*|willing to (?:give|provide)|harvest\w*|obtain\w*|collect\w*|aspirat\w*)\b/;

// "Contraindications for both bone marrow harvesting and bone grafts": an exclusion that guards a harvest
// is about the harvest the participants will undergo, not about earlier treatment.
const GUARDED_HARVEST = /\bcontraindicat\w*\s+(?:to|for|of|against)\s+(?:the\s+)?(?:both\s+|either\s+)?(?:(?:bone[- ]marrow|marrow|fat|adipose(?: tissue)?)\s+(?:harvest\w*|aspiration|collection|puncture)|lipo-?suction|lipoaspiration)\b/;

function eligibilitySource(criteria: readonly string[]): SourceHit | undefined {
  const current = criteria.filter((s) => !isExclusionContext(s) || GUARDED_HARVEST.test(s));
  const harvest = harvestSource(current);
  if (harvest) return harvest;
  for (const s of current) {
    if (!GIVES.test(s) || FOR_TESTS.test(s) || isBackground(s)) continue;
    const hit = sourcesIn(s, "cell")[0];
    if (hit) return hit;
  }
  return undefined;
}

// Immune cells are made from blood the record says is collected: by apheresis (in the protocol, a
// procedure the participants undergo, or the eligibility criteria's "prior to apheresis"), from
// mobilised or peripheral blood, or as "white blood cells (T cells) collected from a healthy donor"; or a
// criterion that the participants' blood can be collected ("With single or venous blood collection
// standards, and no other cell collection contraindications").
const BLOOD_COLLECTED =
  /\b(?:leu[ck](?:[oa]|ocyt[oa])?pheresis|apheresis)\b|\bmobili[sz]ed (?:peripheral )?blood\b|\bwhite blood cells?\b[^.;]{0,30}?\b(?:collected|taken|obtained|harvested|isolated)\b|\b(?:t[- ]cells?|lymphocytes|nk cells?|natural killer cells?|mononuclear cells|white blood cells|leukocytes)\b[^.;]{0,40}?\b(?:collected|isolated|obtained|harvested|taken|separated|enriched|derived) from (?:the )?(?:[\w'-]+ ){0,3}(?:peripheral )?blood\b|\b(?:venous |peripheral )?(?:blood|cell) collection (?:standards?|criteria|requirements?|contraindications?)\b|\bcontraindications? (?:to|for) (?:blood|cell) collection\b/;
// Someone other than the participant gives the blood.
const DONOR_GIVES = /\bdonors?\b|\bdonat\w*|\bsiblings?\b|\bthird[- ]party\b|\bhealthy (?:volunteers?|adults?)\b/;
// The record's own words tie the collection to the participants ("Patients will undergo leukapheresis").
const PARTICIPANTS = /\b(?:patients?|participants?|subjects?|their own|patient'?s own)\b/;

function bloodCollection(text: readonly string[], criteria: readonly string[]): SourceResult["collected"] {
  const usable = (s: string) => BLOOD_COLLECTED.test(s) && !FOR_TESTS.test(s) && !isBackground(s);
  const stated = text.find(usable);
  if (stated) return { text: BLOOD_COLLECTED.exec(stated)?.[0] ?? "", own: PARTICIPANTS.test(stated) && !DONOR_GIVES.test(stated) };
  // Eligibility criteria are about the participants, unless they also set criteria for a donor.
  const listed = criteria.find(usable);
  if (!listed) return undefined;
  const donorCriteria = criteria.some((s) => DONOR_GIVES.test(s) && !isExclusionContext(s));
  return { text: BLOOD_COLLECTED.exec(listed)?.[0] ?? "", own: !donorCriteria };
}

/** A cell unit whose specific cell words all name engineered or isolated immune cells. */
function isImmuneUnit(b: BioUnit): boolean {
  let immune = false;
  for (const s of [norm(b.name), ...b.text]) {
    for (const t of termsIn(s)) {
      if (t.kind !== "cell" || t.generic) continue;
      if (!isImmuneCell(t.text)) return false;
      immune = true;
    }
  }
  return immune;
}

// Mesenchymal cells named without a tissue; "neural stem cells", "haematopoietic stem cells" and the
// like name their own kind and are not these.
const GENERIC_MSC = /(?<!\b(?:neural|h(?:a)?ematopoietic|limbal|embryonic|pluripotent|cancer|germ|spermatogonial|cardiac|retinal|corneal|epidermal|hair follicle)[- ])\b(?:mscs?|mesenchymal (?:stem|stromal|progenitor) cells?|mesenchymal cells?|stem cells?)\b/g;
const MAYBE_MSC = /msc|mesenchymal|stem cell/;
// Coordination between two cell products in one sentence: "X or Y", "X versus Y", "X and Y".
// Alternatives ("or", "versus") are separate products; a combination ("and", "plus") of MSCs with
// marrow mononuclear cells is read as one marrow harvest (expanded MSCs beside BMMNCs of the same patient).
const ALTERNATIVES = /^[^.;]{0,12}\b(?:or|versus|vs\.?)\b[^.;]{0,12}$/;
const COMBINED = /^[^.;]{0,12}\b(?:and|plus)\b[^.;]{0,12}$|^\s*\+\s*$/;
const ATTACH_BEFORE_GAP = /^[\s,-]*(?:(?:derived|origin|tissue|isolated|expanded|cultured|autologous|allogeneic|allogenic|human|in vitro|ex vivo|concentrated|culture-expanded)[\s,-]+){0,4}$/;
const ATTACH_AFTER_GAP = /^\s*(?:\([^)]{0,40}\)\s*)?(?:(?:were|was|are|is|will be|being|which|that|to be)\s+)*(?:derived|isolated|obtained|harvested|collected|extracted|expanded|cultured|taken|prepared)?\s*(?:from|of)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$/;

function msTissueStated(text: string[]): boolean {
  for (const s of text) {
    if (!MAYBE_MSC.test(s)) continue;
    const tissues = allMatches(TISSUE.re, s);
    for (const m of allMatches(GENERIC_MSC, s)) {
      const end = m.index + m[0].length;
      for (const t of tissues) {
        const tEnd = t.index + t[0].length;
        if (tEnd <= m.index && ATTACH_BEFORE_GAP.test(s.slice(tEnd, m.index))) return true;
        if (t.index >= end && ATTACH_AFTER_GAP.test(s.slice(end, t.index))) return true;
      }
    }
  }
  return false;
}

/** A generic MSC mention coordinated with another cell product, when no sentence ties the MSCs to a tissue. */
function untoldSecondProduct(text: string[]): string | undefined {
  let hit: string | undefined;
  for (const s of text) {
    if (!MAYBE_MSC.test(s)) continue;
    const msc = allMatches(GENERIC_MSC, s);
    if (msc.length === 0) continue;
    const others = termsIn(s).filter((t) => t.kind === "cell" && !msc.some((m) => m.index < t.index + t.text.length && t.index < m.index + m[0].length));
    for (const m of msc) {
      const end = m.index + m[0].length;
      const paired = others.some((o) => {
        const oEnd = o.index + o.text.length;
        const gap = oEnd <= m.index ? s.slice(oEnd, m.index) : o.index >= end ? s.slice(end, o.index) : undefined;
        if (gap === undefined) return false;
        const bare = gap.replace(/\([^)]{0,40}\)/g, " ");
        const alternatives = ALTERNATIVES.test(bare);
        if (!alternatives && !COMBINED.test(bare)) return false;
        const own = [...sourcesIn(o.text), ...allMatches(TISSUE.re, s.slice(Math.max(0, o.index - 40), oEnd)).map((t) => ({ source: TISSUE.which(t) }))];
        return own.length > 0 && (alternatives || own.every((h) => h.source !== "bone-marrow"));
      });
      if (paired) hit ??= m[0];
    }
  }
  if (!hit || msTissueStated(text)) return undefined;
  return hit;
}

// "regenerative natural killer (NK) cells derived from human embryonic stem cells", "dopaminergic progenitor
// cells generated from induced pluripotent stem cells": cells made from a pluripotent line. Such a sentence
// says what the product is wherever it stands in the descriptions (a plain "The main components of … are"
// sentence included), unless it is background, a contrast ("Unlike cells derived from …") or a finding.
const PLURIPOTENT_ORIGIN =
  /\b(?:cells?|[a-z]+cytes?|[a-z]+blasts?|progenitors?|precursors?|organoids?|spheroids?)(?:\s*\([^)]{0,20}\))?\s+(?:(?:that|which)\s+(?:are|were|is|was)\s+|(?:are|were|is|was|will be)\s+)?(?:derived|differentiated|generated|produced|made|manufactured|obtained)\s+from\s+(?:the\s+|an?\s+|these\s+)?(?:[\w-]+\s+){0,3}?(?:(embryonic stem cells?|h?escs?\b|es cells?\b)|(induced pluripotent stem cells?|h?ipscs?\b|h?ips cells?\b|h?ipsc[- ]lines?\b)|pluripotent stem cells?)/;
const CONTRAST = /\b(?:unlike|rather than|instead of|compared (?:with|to)|as opposed to|alternatives? to|in contrast to)\b/;
const FINDING = /\b(?:shown|showed|demonstrated|reported|verified|proved|proven|studies|mice|mouse|murine|rats?|animals?)\b/;

export type PluripotentLine = "embryonic" | "induced";

function pluripotentOrigin(text: readonly string[]): { text: string; line?: PluripotentLine } | undefined {
  for (const s of text) {
    if (!s.includes("from") || isBackground(s) || FINDING.test(s)) continue;
    const m = PLURIPOTENT_ORIGIN.exec(s);
    if (!m || CONTRAST.test(s.slice(0, m.index + m[0].length)) || negatedAt(s, m.index)) continue;
    return { text: m[0], line: m[1] ? "embryonic" : m[2] ? "induced" : undefined };
  }
  return undefined;
}

const EMBRYONIC = /\bembryonic stem\b|\bh?esc(?:s|-derived)?\b|\bes cells?\b/;
const INDUCED = /\binduced pluripotent\b|\bh?ipscs?\b|\bips cells?\b/;

/** Which pluripotent line a quoted source phrase names, when it names one. */
function lineOf(phrase: string): PluripotentLine | undefined {
  const embryonic = EMBRYONIC.test(phrase);
  const induced = INDUCED.test(phrase);
  return embryonic && !induced ? "embryonic" : induced && !embryonic ? "induced" : undefined;
}

/** The tissue the product table gives for one of the unit's known cell products, added to `found`; false when none is known. */
function knownProductSource(b: BioUnit, found: Map<Source, string>): boolean {
  const known = b.products.find((p) => p.product.kind === "cell" && p.product.source);
  if (!known?.product.source) return false;
  for (const s of known.product.source) if (!found.has(s)) found.set(s, `${b.label} → known product '${known.name}': ${known.product.summary}`);
  return true;
}

/**
 * Sources of the studied cell therapies: each cell intervention's own text first, then the
 * study's titles and descriptions, then the known-product table, else `unspecified`.
 * Sources also found in what control arms receive are background and are dropped.
 */
export function sourceOf(
  bio: BioUnit[],
  study: Sentence[],
  control: string[],
  eligibility: () => readonly string[] = () => [],
  procedures: readonly string[] = [],
  described: () => readonly string[] = () => [],
): SourceResult {
  const cellUnits = bio.filter((b) => b.kinds.has("cell") || b.kinds.has("hsct"));
  if (cellUnits.length === 0) return { source: [], why: [] };
  // What control arms receive ("standard islet transplantation") is background, unless the studied
  // product's own name states the same source (a control text that re-describes the cells).
  const named = new Set(cellUnits.flatMap((b) => sourcesIn(norm(b.name))).map((h) => h.source));
  const background = new Set(control.flatMap((s) => sourcesIn(s)).map((h) => h.source).filter((x) => !named.has(x)));
  const madeFrom = madeFromCells([...cellUnits.flatMap((b) => b.text), ...study.map((s) => s.text)]);
  const keep = (h: SourceHit) => !background.has(h.source) && !madeFrom.has(h.text);
  const found = new Map<Source, string>();
  const anchor = cellUnits.some((b) => b.kinds.has("cell")) ? "cell" : "hsct";
  let studyRead: SourceHit[] | undefined;
  const readStudy = (): SourceHit[] => {
    if (studyRead) return studyRead;
    studyRead = [];
    for (const s of study) {
      for (const h of sourcesIn(s.text, anchor)) {
        if (keep(h) && !studyRead.some((x) => x.source === h.source)) {
          studyRead.push(h);
          found.set(h.source, found.get(h.source) ?? `${s.where}: '${h.text}' next to the cell product → ${h.source}`);
        }
      }
    }
    return studyRead;
  };
  // Titles are short statements of what is given: always read.
  for (const s of study) {
    if (s.where !== "title") continue;
    for (const h of sourcesIn(s.text, anchor).filter(keep)) if (!found.has(h.source)) found.set(h.source, `title: '${h.text}' → ${h.source}`);
  }
  // Cells made from a pluripotent line, said in any sentence of the record that describes its own product.
  const origin = pluripotentOrigin([...cellUnits.flatMap((b) => b.text), ...study.map((s) => s.text), ...described()]);
  if (origin && !found.has("pluripotent")) found.set("pluripotent", `'${origin.text}': the cells are made from a pluripotent line`);
  let unspecified = false;
  let collected: SourceResult["collected"] | null | undefined;
  for (const b of cellUnits) {
    const own = b.text.filter((s) => !isBackground(s)).flatMap((s) => sourcesIn(s, b.kinds.has("cell") ? "cell" : "hsct")).filter(keep);
    if (own.length > 0) {
      for (const h of own) if (!found.has(h.source)) found.set(h.source, `${b.label}: '${h.text}' → ${h.source}`);
      continue;
    }
    if (readStudy().length > 0 || origin) continue;
    // Engineered or isolated immune cells: blood only when the record says it is collected, else the
    // product table, else not stated. Marrow or fat harvests are never their source.
    if (isImmuneUnit(b)) {
      collected ??= bloodCollection([...cellUnits.flatMap((u) => u.text), ...study.map((s) => s.text), ...procedures], eligibility()) ?? null;
      if (collected) {
        if (!found.has("peripheral-blood")) found.set("peripheral-blood", `${b.label}: '${collected.text}': the immune cells are made from collected blood`);
        continue;
      }
      if (!knownProductSource(b, found)) unspecified = true;
      continue;
    }
    // The procedure names the tissue even where no cell word sits next to it: "Autologous bone
    // marrow aspiration is used as a cellular source", "bone marrow aspirated from the iliac
    // crest", "lipoaspirate". Sentences about samples for tests never count.
    const harvest = harvestSource([...b.text, ...study.map((s) => s.text)]);
    if (harvest) {
      if (!found.has(harvest.source)) found.set(harvest.source, `${b.label}: '${harvest.text}': the cells are made from harvested ${harvest.source}`);
      continue;
    }
    // The eligibility criteria name the harvest the participants undergo ("If liposuction is not
    // technically feasible", "in proximity to the bone marrow harvest site") or the cells a donor
    // gives ("siblings willing to donate bone marrow-MSCs"); criteria about earlier treatment never count.
    const criteria = eligibilitySource(eligibility());
    if (criteria) {
      if (!found.has(criteria.source)) found.set(criteria.source, `${b.label}: eligibility criteria: '${criteria.text}' → ${criteria.source}`);
      continue;
    }
    if (!knownProductSource(b, found)) unspecified = true;
  }
  const blood = collected && found.has("peripheral-blood") ? { collected } : {};
  if (found.size === 0 && unspecified) return { source: ["unspecified"], why: ["cells are given but no tissue of origin is stated"] };
  // Two cell products, one of which never has a tissue ("chondrocytes or stem cells", "bone marrow
  // mononuclear cells (BMMCs) or mesenchymal stem cells (MSCs)"): the stated tissue is the other
  // product's, and the MSCs' own source is not stated.
  if (found.size > 0 && !found.has("unspecified")) {
    const untold = untoldSecondProduct([...cellUnits.flatMap((b) => b.text), ...study.map((s) => s.text)]);
    if (untold) found.set("unspecified", `'${untold}' is given beside another cell product and its tissue is never stated`);
  }
  const order: Source[] = ["bone-marrow", "adipose", "umbilical-cord", "placenta-amnion", "disc-or-cartilage", "peripheral-blood", "pluripotent", "other-tissue", "unspecified"];
  const source = order.filter((s) => found.has(s));
  // An embryonic line is never the patient's own; an induced one may be (donor.ts).
  const line = found.has("pluripotent") ? (origin?.line ?? lineOf(found.get("pluripotent") as string)) : undefined;
  return { source, why: source.map((s) => found.get(s) as string), ...blood, ...(line ? { pluripotent: line } : {}) };
}
