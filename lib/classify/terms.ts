import { allMatches, atWordStart, isBackground, isExclusionContext, negatedAt } from "./text";

// Vocabulary of the biologics this product is about. All patterns run on normalised (lower-case)
// text. Each family is one precompiled global regex, so a sentence is scanned once per family.

export type TermKind = "cell" | "prp" | "acellular" | "hsct";

export type Term = { kind: TermKind; text: string; index: number; generic: boolean; anaphor?: boolean };

// A cellular bone allograft ("Cellular Based Lyograft", "cellular bone allograft", "viable cellular bone
// matrix"): donor bone that keeps its living cells (labels README: other-tissue). A plain allograft, chips or DBM
// are not.
export const CELLULAR_BONE_GRAFT = String.raw`\bcellular[- ]based (?:bone )?(?:lyo|allo)grafts?\b|\bcellular (?:bone )?(?:lyo|allo)grafts?\b|\bviable cellular (?:bone )?matri(?:x|ces)\b|\bcellular bone matri(?:x|ces)\b`;

// Specific cell products: the noun itself says living cells are given.
const CELL_SPECIFIC = atWordStart(
  new RegExp(
  [
    CELLULAR_BONE_GRAFT,
    String.raw`\bmesench[iy]mal\b[^.;,()]{0,30}?\bcells?\b`,
    String.raw`\b(?:stromal|progenitor|precursor|mononuclear|nucleated|regenerative|pericytes?|chondrocytes?|chondrogenic|notochordal|tenocytes?|osteoblasts?|osteogenic|myoblasts?|fibroblasts?|keratinocytes?|hepatocytes?|islets?|limbal|schwann|olfactory ensheathing|cardiospheres?|nucleus pulposus|discogenic|neural stem|neural progenitor|retinal pigment epitheli\w*|endothelial progenitor|decidual stromal|dental pulp stem)[- ](?:[a-z]+[- ]){0,2}?cells?\b|\bmarrow[- ](?:[a-z]+[- ]){1,2}?cells?\b|\bmarrow[- ]cells?\b(?![- ]transplant)`,
    String.raw`\bchondrocytes?\b|\bchondrons?\b|\bcartilage cells?\b`,
    // "the mobilized CD 34+ cells": blood stem cells collected after mobilisation, given as such.
    String.raw`\b(?:g-csf[- ])?mobili[sz]ed (?:autologous |peripheral blood )?cd ?34\+? (?:stem |progenitor )?cells?\b`,
    String.raw`\b(?:bm|pb)?-?mncs?\b|\bbmmncs?\b|\bbmncs?\b|\bepcs\b`,
    String.raw`\bbmac\b|\bbone marrow (?:aspirate )?concentrat\w*|\bconcentrated (?:autologous )?bone[- ]marrow\b|\bmarrow concentrate\b|\bbone[- ]marrow (?:grafting|injections?|implantation|cell therapy)\b`,
    String.raw`\bbone marrow aspirates?\b(?! (?:for|to|sampl|collect|harvest|procedure|needle|smear|analys|assess|biops))|\b(?:pedicle|iliac) (?:bone )?marrow aspirate\b|\bbma\b(?= |\)|,|\.)`,
    String.raw`\bstromal vascular fraction\b|\bsvf\b|\bmicro-?fragmented (?:adipose|fat)|\bmfat\b|\blipoaspirates?\b|\b(?:nano|micro)fat\b|\bfat graft\w*|\bfat (?:transfer|injection|grafting)\b|\blipo(?:filling|transfer|injection)\b|\badipose tissue (?:graft|injection|transfer|transplant\w*)|\b(?:processed|emulsified|purified|centrifuged|crushed) (?:abdominal )?(?:fat|adipose)\b|\badipose[- ]derived regenerative\b`,
    String.raw`\bcord blood (?:cells?|units?|infusions?|mononuclear|derived|stem)\b|\bislet (?:transplant\w*|infusion|allotransplant\w*|autotransplant\w*)\b|\bwharton'?s[- ]jelly[- ](?:derived[- ])?(?:mesench\w+ )?(?:stem |stromal )?cells?\b`,
    String.raw`\bipscs?\b|\bips cells?\b|\binduced pluripotent\b|\bembryonic stem\b|\bh?esc-derived\b|\bpluripotent stem\b`,
    String.raw`\bcar[- ]?\d*\+?[- ]?(?:t|nk)(?:[- ]?\d+)?\b|\bchimeric antigen receptor\b|\bcells? (?:transduced|genetically (?:modified|engineered)|gene[- ]modified|redirected)\b|\b(?:gene[- ]modified|genetically (?:modified|engineered)|base[- ]edited|transduced|redirected|tcr[- ]engineered) (?:[a-z0-9+-]+ ){0,2}t[- ]cells?\b|\bdonor lymphocyte infusions?\b|\bdli\b|\btumou?r[- ]infiltrating lymphocytes?\b|\bcytokine[- ]induced killer\b|\b(?:expanded|autologous|allogeneic|allogenic|donor|polyclonal|engineered|modified|activated|infusion of|injection of|transfer of|adoptive transfer of)[\s-]+(?:nk|natural killer(?: \(nk\))?|dendritic|regulatory t|t|immune|killer|cik)[- ]cells?\b(?![\s-]*(?:functional|function|responses?|activation|proliferation|counts?|levels?|subsets?|tests?|assays?|mediated|depletion|receptors?|epitopes?|immunity|reactivity|anergy|tolerance))|\b(?:nk|natural killer(?: \(nk\))?|dendritic|regulatory t|cik|t)[- ]cells?[- ](?:infusions?|therap(?:y|ies)|immunotherap(?:y|ies)|vaccines?|injections?|transfer|products?)\b|\btregs? (?:infusions?|therapy)\b|\b(?:nk|natural killer|dendritic|cik)[- ]cells? (?:stimulated|expanded|activated|primed|pulsed|cultured)\b|\ballo-?reactive (?:nk|natural killer) cells?\b`,
    String.raw`\b[a-z]{3,}(?:leucel|temcel|strocel|dencel|ubicel|myocel|cytocel)\b|\b[a-z]{3,}cel-[a-z]\b`,
  ].join("|"),
  "g",
  ),
);

// Abbreviations ("hUC-MSCs", "AD-MSC", "haMPCs"): scanned only when the letters occur, because a
// pattern that can start at any word is the costliest in the family.
const CELL_ABBREVIATION = /\b(?:[a-z]{1,4}-)?[a-z]{0,5}mscs?\b|\b(?:ha|h|ad|at|bm|hb|hu)?-?(?:mpcs?|adscs?|ascs|adrcs?|mapcs?)\b/g;
const ABBREVIATION_HINT = /msc|mpc|adsc|ascs|adrc|mapc/;

// Generic cell wording: counts only when nothing says it is a blood stem cell transplant.
const CELL_GENERIC = atWordStart(
  new RegExp(
  [
    String.raw`\bstem[- ]cells?\b(?![- ](?:transplant|rescue|support|mobili[sz]|harvest|collection|apheresis|graft|donor|source))`,
    String.raw`\bcell(?:ular)?[- ](?:therapy|therapies|products?|preparation|based (?:therapy|product))\b|\bcells?[- ](?:transplant\w*|implant\w*|injection|infusion|suspension|sheets?|spheroids?|graft\w*)\b`,
    // Digit runs are bounded ({1,n}): unbounded, "1.1.1.…" or "1111…" in a record made this alternation
    // quadratic (13 s for 20,000 characters; tests/unit/hostile-text.test.ts). A dose never needs more.
    String.raw`\b\d[\d.,]{0,15}\s*(?:x|×|\*)?\s*10\s*(?:\^|e|~)?\s*\d{1,3}\s*(?:\/\s*\w{1,20}\s*)?(?:live |viable |total |nucleated )?cells\b`,
    // A dose of named immune cells ("1×10^9 NK cells/dose", "2 x 10^9 natural killer cells per dose").
    String.raw`\b\d[\d.,]{0,15}\s*(?:x|×|\*)?\s*10\s*(?:\^|e|~)?\s*\d{1,3}\s*(?:nk|natural killer|car[- ]?(?:t|nk)|cik|t)[- ]cells\b`,
    String.raw`\b\d{1,12}(?:\.\d{1,6})?\s*(?:million|billion)\s+(?:of\s+)?(?:[a-z0-9-]{1,40}\s+){0,3}cells\b`,
    String.raw`\b(?:living|viable) cells\b`,
  ].join("|"),
  "g",
  ),
);

// "The cells will be isolated from the patient's bone marrow": in a study already known to give
// cells, these point back to the product. They anchor source, donor and route words but never
// decide the therapy.
// "these cells", "the injected cells", "these two classes of cells": the studied cells named again.
const ANAPHOR = atWordStart(/\b(?:the|these|such|those|its|their) (?:(?:two|three|both) (?:classes|types|kinds|populations) of |(?:[\w-]+ )?)cells\b/g);

const HSCT = atWordStart(
  new RegExp(
  [
    String.raw`\b(?:ha?ema?topoietic|hemopoietic|blood[- ]forming) (?:stem|progenitor) cells?\b`,
    String.raw`\b(?:allo|auto|haplo)-?(?:hsct|sct|bmt|hct)\b|\b(?:hsct|hct|bmt|pbsct|ucbt|asct|allosct|hsc)s?\b`,
    String.raw`\b(?:bone )?marrow (?:cell )?(?:transplant\w*|grafts?)\b`,
    String.raw`\bperipheral(?: blood)? (?:stem|progenitor) cells?\b|\bpbscs?\b`,
    String.raw`\bcord blood (?:transplant\w*|grafts?)\b`,
    String.raw`\bhaplo-?identical\b[^.;]{0,40}?\b(?:transplant\w*|grafts?)\b`,
  ].join("|"),
  "g",
  ),
);

// "Stem cell transplantation" means a blood stem cell transplant in haematology, and a cell
// therapy elsewhere ("intra-testicular transplantation of autologous stem cells").
const HSCT_GENERIC = /\bstem[- ]cell[- ](?:transplant\w*|rescue|support|grafts?|infusion)\b/g;

const PRP = atWordStart(
  new RegExp(
  [
    String.raw`\bplatelet[- ]rich (?:plasma|fibrin|growth factors?)\b`,
    String.raw`\b(?:l|lp|lr|a|i|p)?-?prp\b|\bprgf\b|\bprfm\b|\b(?:a|i|l)-prf\b`,
    String.raw`\b(?:human )?platelet lysates?\b|\bhpl\b`,
    String.raw`\bplatelet (?:concentrates?|gel|releasate|injections?|treatments?|[- ]based (?:treatment|therapy|injection)s?)\b`,
    String.raw`\bplasma rich in growth factors\b|\bautologous conditioned plasma\b`,
  ].join("|"),
  "g",
  ),
);

// Growth, morphogenetic and osteoinductive factors, by the letters records abbreviate them with.
const GROWTH_FACTOR = String.raw`(?:bmp|nell|pdgf|fgf|egf|gdf|tgf|vegf|igf|hgf|ngf|kgf|op-?1)`;

// Acellular biologics given in their own right. Plain "growth factor" is deliberately absent:
// PRP and cell descriptions praise growth factors without giving one.
const ACELLULAR = atWordStart(
  new RegExp(
  [
    String.raw`\brh-?bmp-?\d*\b|\bbmp-?(?:2|7)\b|\bbone morphogenetic proteins?\b|\bdibotermin\b|\beptotermin\b`,
    // A recombinant growth, morphogenetic or osteoinductive factor ("rhNELL-1/DBX", "rhPDGF-BB", "recombinant
    // human NELL-1", "recombinant human platelet-derived growth factor"): the factor decides, not the "rh" prefix,
    // so recombinant hormones, cytokines, enzymes, antibodies and vaccines (rhGH, rhTPO, rhIL-11, rhG-CSF,
    // endostatin, insulin, interferons) stay drugs, as do the endocrine FGFs (FGF19/21/23) and anything
    // that binds or blocks a factor (a receptor, an antibody, a trap).
    String.raw`\b(?:rh-?|recombinant (?:human )?)(?:a|b)?${GROWTH_FACTOR}(?!-?(?:19|21|23)\b)(?![\w-]*\s*(?:receptors?|antibod\w*|inhibit\w*|antagonists?|traps?|fusion|blockers?|-?fc)\b)[\w-]*|\brecombinant (?:human )?nel[- ]like\b|\b(?:pdgf|fgf|gdf)-?(?:bb|2|5|18)\b|\brecombinant (?:human )?(?:[\w-]+ ){0,2}growth factors?\b(?! receptor)`,
    String.raw`\bexosomes?\b|\bextracellular vesicles?\b|\bsecretomes?\b|\bconditioned (?:culture )?medi(?:um|a)\b|\btrophic factors\b`,
    String.raw`\bcell[- ]free\b(?! (?:dna|rna|fetal|tumou?r|circulating|plasma))`,
    String.raw`\bamnio(?:tic)?[- ](?:membrane|tissue|fluid|suspension|allograft|graft|matrix|injection|products?)s?\b|\bamniotic\b|\bamnion\b|\bchorion\b|\bchorionic (?:membrane|plate|tissue)\b`,
    String.raw`\bplacental[- ](?:based |derived )?(?:tissue|membrane|allograft|matrix|graft|products?)\b|\ballograft placental\b|\b(?:amniotic|placental|umbilical) (?:[\w-]+ )?cytokines\b`,
    String.raw`\bumbilical (?:cord )?(?:tissue )?(?:allograft|matrix|graft|patch|membrane)s?\b|\bcord (?:tissue )?allografts?\b|\bwharton'?s jelly (?:allograft|matrix|tissue|graft|product)s?\b`,
    String.raw`\b(?:disc|nucleus pulposus) (?:tissue )?allografts?\b`,
    String.raw`\b(?:msc|stem cell|stromal cell)s?[- ]derived (?:factors|products|derivatives)\b|\bderivatives? of (?:mesenchymal|mscs?|stem)\b|\bmsc derivatives\b|\b(?:stem cell|msc|stromal cell) lysates?\b`,
  ].join("|"),
  "g",
  ),
);

// A cell word right next to these names a cell-derived product, not cells: "MSC-derived
// exosomes", "conditioned medium derived umbilical cord MSC", "dac-MSCs (cell-free therapy)".
const AFTER_DERIVED =
  /^[\s-]*(?:\([^)]{0,20}\)\s*)?(?:-?derived|secreted|released|conditioned)?[\s-]*(?:exosomes?|extracellular vesicles?|evs\b|secretomes?|conditioned medi|lysates?|derivatives?|trophic factors)\b/;
const BEFORE_DERIVED =
  /(?:exosomes?|extracellular vesicles?|secretomes?|conditioned (?:culture )?medi(?:um|a)|lysates?|derivatives?)(?:\s*\([^)]{0,10}\))?\s+(?:derived |isolated |obtained |produced |secreted |released )?(?:from |of |by )?(?:the )?(?:[a-z-]+\s+){0,4}$/;

function isDerivedProduct(sentence: string, t: Term): boolean {
  const after = sentence.slice(t.index + t.text.length, t.index + t.text.length + 50);
  const before = sentence.slice(Math.max(0, t.index - 70), t.index);
  return AFTER_DERIVED.test(after) || BEFORE_DERIVED.test(before);
}

function collect(re: RegExp, kind: TermKind, sentence: string, generic: boolean, out: Term[]): void {
  for (const m of allMatches(re, sentence)) out.push({ kind, text: m[0], index: m.index, generic });
}

function overlaps(a: Term, b: Term): boolean {
  return a.index < b.index + b.text.length && b.index < a.index + a.text.length;
}

/**
 * Biologic terms in one normalised sentence, with negated mentions ("culture medium without MSC")
 * and cell words that name a cell-derived product removed.
 */
export function termsIn(sentence: string): Term[] {
  // The same sentence is read by every rule family within one study; remember the answers.
  const cached = CACHE.get(sentence);
  if (cached) return cached;
  const result = HINT.test(sentence) ? findTerms(sentence) : [];
  if (CACHE.size > 2000) CACHE.clear();
  CACHE.set(sentence, result);
  return result;
}

const CACHE = new Map<string, Term[]>();

/** Forget remembered sentences: called once per study so the cache never carries work across records. */
export function resetTermCache(): void {
  CACHE.clear();
}

function findTerms(sentence: string): Term[] {
  const found: Term[] = [];
  collect(CELL_SPECIFIC, "cell", sentence, false, found);
  if (ABBREVIATION_HINT.test(sentence)) collect(CELL_ABBREVIATION, "cell", sentence, false, found);
  collect(CELL_GENERIC, "cell", sentence, true, found);
  collect(HSCT, "hsct", sentence, false, found);
  collect(HSCT_GENERIC, "hsct", sentence, true, found);
  collect(PRP, "prp", sentence, false, found);
  collect(ACELLULAR, "acellular", sentence, false, found);
  for (const m of allMatches(ANAPHOR, sentence)) {
    if (!found.some((t) => t.index <= m.index + m[0].length && m.index <= t.index + t.text.length)) found.push({ kind: "cell", text: m[0], index: m.index, generic: true, anaphor: true });
  }
  if (found.length === 0) return found;
  const specificCells = found.filter((t) => t.kind === "cell" && !t.generic);
  const hsct = found.filter((t) => t.kind === "hsct");
  return found.filter((t) => {
    if (t.kind !== "acellular" && negatedAt(sentence, t.index)) return false;
    // "mesenchymal stem cell transplantation" is a cell therapy, not a blood stem cell transplant.
    if (t.kind === "hsct" && specificCells.some((c) => overlaps(c, t))) return false;
    if (t.kind === "hsct" && t.generic && found.some((h) => h.kind === "hsct" && !h.generic && overlaps(h, t))) return false;
    if (t.kind === "cell" && t.generic && hsct.some((h) => overlaps(h, t))) return false;
    if (t.kind === "cell" && isDerivedProduct(sentence, t)) return false;
    return true;
  });
}

/** True when a sentence may be read as describing this study's own treatment. */
export function isOwnTreatmentSentence(sentence: string): boolean {
  return !isExclusionContext(sentence) && !isBackground(sentence);
}

// Cheap prefilter: a sentence without any of these cannot hold a biologic term.
const HINT =
  /cel|platelet|prp|prgf|prf|plasma|marrow|adipose|fat|lipo|svf|cord|umbilical|wharton|amnio|placent|chorion|exosom|vesicle|secretom|bmp|morphogen|termin|pdgf|fgf|egf|gdf|tgf|vegf|igf|growth factor|recombinant|nell|nel-like|hgf|ngf|kgf|op-1|op1|trophic|cytokine|allograft|graft|transplant|msc|mpc|asc|adrc|mapc|mnc|epc|stem|chondro|islet|ips|esc|pluripot|embryonic|car|chimeric|lymphocyte|killer|treg|dli|concentrat|lysate|medi|derivat|bma|hsc|sct|bmt|hct|pbsc|haplo|poietic/;

