import { findProducts, type ProductHit } from "./products";
import type { Therapy } from "./slugs";
import type { Study } from "./record";
import { allMatches, atWordStart, norm, sentences } from "./text";
import { CELLULAR_BONE_GRAFT, isOwnTreatmentSentence, termsIn, type Term, type TermKind } from "./terms";
import { isControlArm, type Unit } from "./units";

const CELLULAR_GRAFT = new RegExp(CELLULAR_BONE_GRAFT);

// Therapy: what the study gives as its investigational treatment. Decided per intervention from
// its own name, other names and description (then its arms, then sentences that name it), so a
// drug description that mentions "T cells" or an eligibility rule about prior stem cells never
// turns a study into a cell therapy.

export type BioUnit = {
  label: string;
  name: string;
  kinds: Set<TermKind>;
  /** Sentences to read for source, donor and route. */
  text: string[];
  products: ProductHit[];
  why: string[];
};

export type Sentence = { where: string; text: string };

const CELL_FREE = /\bcell[- ]free\b|\bno (?:living|viable|active) cells?\b|\bacellular\b/;
const BIOLOGIC_TYPES = new Set(["BIOLOGICAL", "GENETIC", "COMBINATION_PRODUCT"]);

// Conditions treated with blood stem cell transplants: there "stem cell transplantation" is one.
const HEME =
  /\b(?:leuka?emi\w*|lymphoma\w*|myeloma|myelodysplas\w*|aplastic|sickle|thalass\w*|ha?emoglobinopath\w*|immunodeficienc\w*|graft[- ]versus[- ]host|gvhd|ha?ematolog\w*|neuroblastoma|amyloidosis|fanconi|hurler|osteopetrosis|leukodystrophy|myelofibrosis|myeloproliferative|histiocytosis|hodgkin)\b/;

export function mentionsPlatelet(study: Study): boolean {
  const i = study.interventions;
  return PLATELET.test(study.briefTitle) || PLATELET.test(study.officialTitle) || PLATELET.test(study.briefSummary) || PLATELET.test(study.detailedDescription) || i.some((x) => PLATELET.test(x.name) || PLATELET.test(x.description) || x.otherNames.some((n) => PLATELET.test(n))) || study.arms.some((a) => PLATELET.test(a.description) || PLATELET.test(a.label));
}
const PLATELET = /platelet/i;

export function isHaematology(study: Study): boolean {
  return HEME.test(norm([...study.conditions, ...study.keywords, study.briefTitle, study.officialTitle].join(" | ")));
}

// "PRP" is also panretinal photocoagulation: the bare abbreviation counts only in a record that
// says "platelet" somewhere.
const BARE_PRP = /^(?:l|lp|lr|a|i|p)?-?prp$/;

const NEVER_CARRIER = /\bbmp|\bbone morphogenetic|\bdibotermin|\beptotermin|\brh-?[a-z]|\brecombinant\b|growth factor|\bexosom|\bextracellular vesicle|\bsecretom/;

/** Kinds of biologic named in these sentences; `named` when they are the intervention's own name. */
function kindsOf(sentences: string[], products: ProductHit[], heme = true, platelet: () => boolean = () => true, named = false): { kinds: Set<TermKind>; terms: Term[] } {
  const terms = sentences
    .flatMap(termsIn)
    .filter((t) => !t.anaphor && (t.kind !== "prp" || !BARE_PRP.test(t.text) || platelet()))
    .map((t): Term => (t.kind === "hsct" && t.generic && !heme ? { ...t, kind: "cell" } : t));
  const hsct = terms.some((t) => t.kind === "hsct");
  // "healthy blood-forming cells (stem cells) from a donor" describes the transplant, not a cell therapy.
  const kinds = new Set<TermKind>(terms.filter((t) => !(t.kind === "cell" && t.generic && hsct)).map((t) => t.kind));
  for (const p of products) kinds.add(p.product.kind);
  if (kinds.has("cell") && kinds.has("acellular") && sentences.some((s) => CELL_FREE.test(s))) kinds.delete("cell");
  // Living cells make a cell therapy; PRP, hyaluronan or a scaffold given with them is only their carrier.
  // A growth factor or a secretome that the intervention's own name gives beside the cells ("mesenchymal
  // stem cells with BMP2 within a 3-D … scaffold", "Umbilical Cord Mesenchymal Stem Cell and Adipose
  // Secretome Implantation") carries nothing: it is a biologic in its own right.
  if (kinds.has("cell")) return { kinds: new Set<TermKind>(named && terms.some((t) => t.kind === "acellular" && NEVER_CARRIER.test(t.text)) ? ["cell", "acellular"] : ["cell"]), terms };
  if (kinds.has("hsct")) return { kinds: new Set(["hsct"]), terms };
  return { kinds, terms };
}

function firstTerm(terms: Term[], kind: TermKind): string | undefined {
  return terms.find((t) => t.kind === kind)?.text;
}

function describe(kinds: Set<TermKind>, terms: Term[], products: ProductHit[]): string {
  const parts: string[] = [];
  for (const k of kinds) {
    const named = products.filter((h) => h.product.kind === k);
    parts.push(named.length > 0 ? named.map((p) => `known product '${p.name}': ${p.product.summary}`).join("; ") : `'${firstTerm(terms, k) ?? k}'`);
  }
  return parts.join("; ");
}

const SAMPLING = /\b(?:samples?|sampling|specimens?|biops(?:y|ies)|blood draws?|(?:tissue|sample|blood|cord blood) collection|laboratory|assays?|biomarkers?|analysis)\b/;
const GIVEN = /\b(?:inject\w*|infus\w*|transplant\w*|implant\w*|therap\w*|treatment|administ\w*|graft\w*)\b/;
const BY_MOUTH = /\borally\b|\bby mouth\b|\bper os\b|\b(?:tablets?|capsules?|decoction)\b/;
const PLAIN_DRUG_TYPES = new Set(["DRUG", "RADIATION", "DIETARY_SUPPLEMENT", "BEHAVIORAL", "DIAGNOSTIC_TEST"]);

function isOpaqueName(name: string): boolean {
  const words = name.replace(/^[A-Za-z_ ]+:\s*/, "").split(/\s+/).filter(Boolean);
  return words.length <= 4 && words.some((w) => /\d/.test(w) || /[A-Z].*[A-Z]/.test(w));
}

/** Decide what one intervention is, reading further afield only when its own text is silent. */
export function classifyUnit(
  unit: Unit,
  study: () => Sentence[],
  sponsor = "",
  heme = true,
  platelet: () => boolean = () => true,
  mentioned: (name: string) => boolean = () => true,
  others: readonly string[] = [],
): BioUnit | undefined {
  const i = unit.intervention;
  const nameText = [i.name, ...i.otherNames].map(norm);
  const key = norm(i.name);
  // Samples collected for the laboratory are not given to anyone.
  if (SAMPLING.test(norm(i.name)) && !GIVEN.test(norm(i.name))) return undefined;
  const own = unit.own;
  // The name decides when it can: a description shared by two interventions ("either ViviGen or
  // rhBMP-2") must not give each the other's product.
  const nameProducts = findProducts(nameText.join(" | "), sponsor);
  let { kinds, terms } = kindsOf(nameText, nameProducts, heme, platelet, true);
  let products = nameProducts;
  if (kinds.size === 0) {
    // A plain drug name ("Decitabine") is a drug whatever its description says about marrow cells.
    if (PLAIN_DRUG_TYPES.has(i.type) && !isOpaqueName(i.name)) return undefined;
    // Nor is a coded drug taken by mouth ("PSORI-CM01 formula will be orally administrated once a day
    // … except the day for the infusion of AD-MSCs"): living cells are never swallowed.
    if (PLAIN_DRUG_TYPES.has(i.type) && own.some((s) => BY_MOUTH.test(s))) return undefined;
    // A known product the description names that is another studied intervention ("… on Day -12 and Day -5
    // prior to the 1st FT538 infusion" in the partner drug's description) is that intervention, not this one.
    products = findProducts(own.join(" | "), sponsor).filter((p) => !others.some((o) => o !== key && o === norm(p.name)));
    ({ kinds, terms } = kindsOf(own, products, heme, platelet));
  }
  // A transplant is the intervention only when its name says so; a description that mentions
  // "programme for alloHSCT candidates" is about the setting.
  if (kinds.has("hsct") && !nameText.some((n) => termsIn(n).some((t) => t.kind === "hsct"))) kinds.clear();
  let from = unit.label;
  let text = own;
  // An opaque code ("CELZ-201-DDT", "XCEL-MT-OSTEO-BETA") is explained by its own arm; a plain
  // name ("Recombinant Human Somatropin", "Fluzone High Dose Vaccine") already says what it is.
  // An arm every studied intervention shares ("Dose Level 1: FT538 at 1 x10^8 cells/dose", listing
  // Daratumumab/rHuPH20 too) explains only what its sentences name: a sentence that names another studied
  // intervention and not this one is about the other (the partner drug is not the cells, nor is its route theirs).
  const armText = unit.soloArmText.filter((s) => s.includes(key) || !others.some((o) => o !== key && s.includes(o)));
  if (kinds.size === 0 && armText.length > 0 && isOpaqueName(unit.intervention.name)) {
    ({ kinds, terms } = kindsOf(armText, findProducts(armText.join(" | "), sponsor), heme, platelet));
    kinds.delete("hsct");
    from = `${unit.label} (its arm description)`;
    text = armText;
  }
  // "ERIPTO Protocol: combination biologic treatment": the record explains it elsewhere.
  // So is an opaque product code of any type ("VIA Disc NP", type OTHER: "VIA Disc NP is an
  // off-the-shelf minimally processed human nucleus pulposus tissue allograft").
  if (kinds.size === 0 && unit.intervention.name.length >= 4 && (BIOLOGIC_TYPES.has(unit.intervention.type) || (isOpaqueName(unit.intervention.name) && mentioned(norm(unit.intervention.name))))) {
    // "… namely Autologous Collagen Induced Chondrogenesis (ACIC) and Mesenchymal Cell Induced
    // Chondrogenesis (MCIC)": a sentence that also names another studied intervention does not say which
    // of the two its biologic word describes, so the name is read only from sentences that name it alone.
    const about = study()
      .filter((s) => s.text.includes(key) && !others.some((o) => o !== key && s.text.includes(o)))
      .map((s) => s.text);
    if (about.length > 0) {
      ({ kinds, terms } = kindsOf(about, [], heme, platelet));
      kinds.delete("hsct");
      from = `${unit.label} (sentences that name it)`;
      text = about;
    }
  }
  if (kinds.size === 0) return undefined;
  const all = [...own, ...unit.armText];
  return {
    label: unit.label,
    name: unit.intervention.name,
    kinds,
    text: text === own ? all : [...text, ...own],
    products: products.length > 0 ? products : findProducts(all.join(" | "), sponsor),
    why: [`${from}: ${describe(kinds, terms, products)}`],
  };
}

// A transplant of blood stem cells is the studied treatment only when the title is about the
// transplant itself; when the title names a drug or calls the transplant the setting ("after",
// "post", "ahead of"), every participant gets it as background (labels README, rule 1).
const TRANSPLANT_TITLE = /transplant|\bhs?ct\b|\bbmt\b|\bsct\b|stem cell|cord blood|\bgraft|cell therap|marrow|\bcells?\b/;
const TRANSPLANT_AS_SETTING =
  /\b(?:after|post|following|prior to|before|ahead of|bridge to|bridging to|bridge therapy for|in preparation for|conditioning|maintenance|recipients?|candidates?|patients undergoing)\b[^.]{0,60}(?:transplant|hs?ct\b|\bsct\b|\bbmt\b)|(?:transplant\w*|hs?ct|sct|bmt) (?:recipients?|candidates?|survivors?|patients)\b/;

function hsctIsStudied(study: Study, units: Unit[], bio: Map<Unit, BioUnit>): boolean {
  const titles = [study.briefTitle, study.officialTitle].filter(Boolean).map(norm);
  if (!titles.some((t) => TRANSPLANT_TITLE.test(t))) return false;
  if (titles.some((t) => TRANSPLANT_AS_SETTING.test(t))) return false;
  const others = units.filter((u) => u.role === "investigational" && !bio.get(u)?.kinds.has("hsct"));
  return !others.some((u) => {
    const name = norm(u.intervention.name);
    return name.length >= 4 && titles.some((t) => t.includes(name));
  });
}

const TITLE_VERSUS = /\b(?:versus|vs)\b/;

function namedBeforeVersus(name: string, title: string): boolean {
  const v = TITLE_VERSUS.exec(title);
  if (!v || name.length < 3) return false;
  const at = title.indexOf(name);
  return at >= 0 && at < v.index;
}

const SUPPORT = /\b(?:aspiration|harvest\w*|liposuction|lipoaspiration|collection|apheresis|leukapheresis|biops\w+|blood (?:draw|sampling)|sampling|mobili[sz]ation|extraction of (?:fat|adipose)|questionnaires?|mri|imaging|x-?ray|assessment|evaluation|follow-?up)\b/;

export type TherapyResult = { therapy: Therapy[]; why: string[]; bio: BioUnit[] };

/** Therapy slugs for a study whose interventions have been given roles. */
export function therapyOf(study: Study, units: Unit[], lazyText: () => Sentence[]): TherapyResult {
  const why: string[] = [];
  const heme = isHaematology(study);
  // Asked only when a bare "PRP" is met (most records never name one).
  let says: boolean | undefined;
  const platelet = () => (says ??= mentionsPlatelet(study));
  const bioByUnit = new Map<Unit, BioUnit>();
  // Cheap test before splitting the descriptions into sentences: is an opaque name used there at all?
  let raw: string | undefined;
  const mentioned = (name: string) => (raw ??= `${study.briefTitle} ${study.officialTitle} ${study.briefSummary} ${study.detailedDescription}`.toLowerCase()).includes(name);
  // Names of the studied interventions, to tell which one a sentence that names several is about.
  const studiedNames = units.filter((u) => u.role === "investigational").map((u) => norm(u.intervention.name)).filter((n) => n.length >= 3);
  for (const u of units) {
    if (u.role !== "investigational") {
      if (u.roleWhy) why.push(`${u.roleWhy}: ignored`);
      continue;
    }
    const b = classifyUnit(u, lazyText, study.sponsor, heme, platelet, mentioned, studiedNames);
    if (b) bioByUnit.set(u, b);
  }
  const hsctStudied = [...bioByUnit.values()].some((b) => b.kinds.has("hsct")) && hsctIsStudied(study, units, bioByUnit);
  const bio: BioUnit[] = [];
  for (const [u, b] of bioByUnit) {
    if (b.kinds.has("hsct") && !hsctStudied) {
      why.push(`${u.label} is a blood stem cell transplant given as the setting of the study, not what it tests: ignored`);
      continue;
    }
    bio.push(b);
  }
  // No biologic among the listed interventions (or none listed), but the titles name one: the
  // record lists only the backbone ("Osteosynthesis") and describes the biologic in its titles
  // and experimental arm ("percutaneous injection of concentrated autologous bone marrow").
  // Only when what is listed cannot be what the title names: nothing, a backbone every arm gets,
  // or opaque labels ("BFPSC+FDBA+PRF"). A listed drug or sample collection is what is studied.
  const listedExplainsItself = units.some((u) => u.role === "investigational" && !isOpaqueName(u.intervention.name) && (!u.backbone || SAMPLING.test(norm(u.intervention.name))));
  if (bio.length === 0 && !listedExplainsItself) {
    // A keyword that names a cellular bone graft names the product as a title does ("Cellular Based
    // Lyograft" beside "Lumbar Fusion", "TLIF"). Other keywords often name what is measured
    // ("Peripheral blood mononuclear cells" in a microRNA study), so only that kind is read.
    const graftKeywords = study.keywords.map(norm).filter((k) => CELLULAR_GRAFT.test(k));
    const titles = [study.briefTitle, study.officialTitle].filter(Boolean).map(norm).concat(graftKeywords);
    const titleKinds = kindsOf(titles, findProducts(titles.join(" | "), study.sponsor), heme, platelet);
    titleKinds.kinds.delete("hsct");
    if (titleKinds.kinds.size > 0) {
      const armText = study.arms.filter((a) => !isControlArm(a)).flatMap((a) => [a.label, a.description]).flatMap(sentences);
      const summary = units.length === 0 ? lazyText().filter((s) => s.where === "brief summary").map((s) => s.text) : [];
      const text = [...titles, ...armText, ...summary];
      const products = findProducts(text.join(" | "), study.sponsor);
      bio.push({ label: "titles", name: "", kinds: titleKinds.kinds, text, products, why: [] });
      why.push(`${units.length === 0 ? "no interventions listed" : "no listed intervention is a biologic"}; the titles name one: ${describe(titleKinds.kinds, titleKinds.terms, products)}`);
    }
  }

  const therapy = new Set<Therapy>();
  for (const b of bio) {
    why.push(...b.why);
    if (b.kinds.has("cell") || b.kinds.has("hsct")) therapy.add("cell-therapy");
    if (b.kinds.has("prp")) therapy.add("prp");
    if (b.kinds.has("acellular")) therapy.add("acellular-biologic");
  }
  if (therapy.size === 0) {
    therapy.add("other");
    why.push(units.length > 0 ? "no cell, platelet or acellular biologic among the studied interventions" : "no biologic named in titles or summary");
  } else if (bio.some((b) => b.label !== "titles")) {
    // Something else is also under test when it forms an active arm of its own without the
    // biologic (an add-on drug in a separate arm), not when it is background in every arm.
    const bioArms = new Set(units.filter((u) => bioByUnit.has(u)).flatMap((u) => u.arms));
    // When every arm gets the biologic ("… Formula vs Gu Ben Hua Yu Formula Combined With AD-MSCs"), what
    // differs between the arms is what is compared, so it is tested even in an arm the biologic shares.
    const bioEverywhere = [...bioByUnit.keys()].every((u) => u.backbone);
    // A head-to-head of techniques with no experimental arm ("Compare Two Techniques …: ACIC Vs. MCIC"):
    // a technique the brief title names before "versus" is tested, though its arm is an active comparator.
    const headToHead = !study.arms.some((a) => a.type === "EXPERIMENTAL") ? norm(study.briefTitle) : "";
    for (const u of units) {
      if (u.role !== "investigational" || bioByUnit.has(u) || u.backbone) continue;
      if (SUPPORT.test(norm(u.intervention.name))) continue;
      const compared = headToHead !== "" && namedBeforeVersus(norm(u.intervention.name), headToHead);
      if (!u.experimental && !compared) continue;
      const ownArm = u.arms.some((a) => (!bioArms.has(a) || bioEverywhere) && (a.type === "EXPERIMENTAL" || (compared && a.type === "ACTIVE_COMPARATOR")));
      if (ownArm) {
        therapy.add("other");
        why.push(
          compared
            ? `${u.label} is one of the techniques the title compares ("versus"), in an arm of its own → other`
            : bioEverywhere && u.arms.some((a) => bioArms.has(a))
              ? `${u.label} is what differs between arms that all get the biologic → other`
              : `${u.label} is tested in an experimental arm of its own → other`,
        );
      }
    }
    // "FT538 in Combination With Daratumumab", "NK510 will be administered in combination with PD-1
    // blockade": the titles or summary say the product is tested together with a drug the experimental
    // arms also list, so that drug is part of what is tested (other). Conditioning and lymphodepletion
    // (fludarabine, cyclophosphamide) and the supports of the cells (mobilisation, harvest) are not.
    if (!therapy.has("other")) {
      const partner = combinationPartner(study, units, bioByUnit, lazyText);
      if (partner) {
        therapy.add("other");
        why.push(`${partner.unit.label} is given in combination with the biologic ('${partner.phrase}') → other`);
      }
    }
  }
  const order: Therapy[] = ["cell-therapy", "prp", "acellular-biologic", "other"];
  return { therapy: order.filter((t) => therapy.has(t)), why, bio };
}

// "… in combination with X", "… combined with X": X is given with the biologic as one tested treatment.
const COMBINED_WITH = /\b(?:in combination with|combined with|in conjunction with)\s+([^.;:|()]{3,80})/g;
// Given to make room for the cells or to collect them: part of the cell treatment, not a partner.
const CONDITIONING =
  /\b(?:fludarabine|cyclophosphamide|bendamustine|busulf\w*|melphalan|thiotepa|treosulfan|carmustine|etoposide|cytarabine|anti-?thymocyte|atg|irradiation|tbi|conditioning|lymphodeplet\w*|mesna|filgrastim|pegfilgrastim|g-csf|plerixafor|tocilizumab|premedicat\w*|acetaminophen|paracetamol|diphenhydramine|saline|heparin|lidocaine)\b/;
// A partner named by its class ("PD-1 blockade") is an antibody ("Tislelizumab, atezolizumab or sugemalimab").
const ANTIBODY_CLASS = /\b(?:pd-?l?1|ctla-?4|checkpoint|monoclonal|antibod(?:y|ies))\b/;
const ANTIBODY_NAME = /[a-z]{3,}mab\b/;
const PARTNER_TYPES = new Set(["DRUG", "BIOLOGICAL", "COMBINATION_PRODUCT"]);

function combinationPartner(study: Study, units: Unit[], bio: Map<Unit, BioUnit>, lazyText: () => Sentence[]): { unit: Unit; phrase: string } | undefined {
  const withBio = new Set([...bio.keys()].flatMap((u) => u.arms));
  const bioArms = [...withBio].filter((a) => a.type === "EXPERIMENTAL");
  if (bioArms.length === 0) return undefined;
  // A drug also given in an arm without the biologic ("CD25 Mc Ab & calcineurin inhibitors" against
  // "Mesenchymal stem cells" plus the same drugs) is the background the biologic is compared on.
  const candidates = units.filter(
    (u) =>
      u.role === "investigational" &&
      !bio.has(u) &&
      PARTNER_TYPES.has(u.intervention.type) &&
      u.arms.some((a) => a.type === "EXPERIMENTAL" && withBio.has(a)) &&
      u.arms.every((a) => withBio.has(a)) &&
      !CONDITIONING.test(norm(u.intervention.name)) &&
      !SUPPORT.test(norm(u.intervention.name)),
  );
  if (candidates.length === 0) return undefined;
  const bioNames = [...bio.values()].map((b) => norm(b.name)).filter((n) => n.length >= 3);
  for (const s of lazyText()) {
    if (s.where !== "title" && s.where !== "brief summary") continue;
    if (!s.text.includes("combin") && !s.text.includes("conjunction")) continue;
    for (const m of allMatches(COMBINED_WITH, s.text)) {
      const before = s.text.slice(0, m.index);
      // The biologic is what is combined: named before the phrase, by its intervention name or a biologic word.
      if (!bioNames.some((n) => before.includes(n)) && termsIn(before).length === 0) continue;
      const phrase = m[1] as string;
      if (termsIn(phrase).length > 0 || CONDITIONING.test(phrase)) continue;
      for (const u of candidates) {
        const name = norm(u.intervention.name);
        const named = name.split(/[^a-z0-9-]+/).some((w) => w.length >= 5 && phrase.includes(w));
        if (named || (ANTIBODY_CLASS.test(phrase) && ANTIBODY_NAME.test(name))) return { unit: u, phrase: m[0] };
      }
    }
  }
  return undefined;
}

// Detailed descriptions mix the protocol with textbook background ("satellite cells are
// skeletal-muscle resident stem cells"); only sentences that speak about this study are read.
const PROTOCOL = atWordStart(
  /\b(?:will|shall)\b|\b(?:is|are) (?:injected|administered|infused|implanted|transplanted|harvested|isolated|obtained|collected|expanded|cultured|prepared|given|delivered|placed|randomi[sz]ed|enrolled|treated)\b|\b(?:was|were) (?:harvested|isolated|aspirated|collected) from (?:the )?(?:[\w-]+ ){0,4}(?:of (?:the )?)?(?:patients?|participants?|subjects?)\b|\b(?:was|were) (?:obtained|harvested|isolated|aspirated|collected|extracted) from (?:the )?(?:[\w'-]+ ){0,3}(?:tissues?|marrow|fat|blood|cord|jelly|placenta|lipoaspirates?|aspirates?|iliac crests?)\b|\b(?:patients?|participants?|subjects?|volunteers?)\s+(?:will|shall|who|in (?:this|the|each|both)|enrolled|randomi[sz]ed|receiv\w*|undergo\w*|underwent|allocated|assigned|included|treated|meeting)\b|\benrolled (?:patients|participants|subjects)\b|\bthis (?:[\w-]+ )?(?:study|trial|research|project|protocol)\b|\bthis (?:[\w-]+ ){0,3}(?:expanded access|compassionate use|ind|treatment plan)\b|\bin this\b|\bour\b|\bthe investigators\b|\bwe (?:will|plan|propose|aim|intend|expect|hypothesi[sz]e|anticipate)\b|\b(?:treatment|control|intervention|experimental|study) (?:group|arm)s?\b|\bgroup [a-z0-9]\b|\binvestigational product\b|\b(?:were|was) (?:chosen|selected) (?:because|for|as)\b/,
);

/** Normalised sentences of titles, keywords, summary and description that may describe this study's own treatment. */
export function studySentences(study: Study, split: (s: string) => readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  for (const t of [study.briefTitle, study.officialTitle]) if (t) out.push({ where: "title", text: norm(t) });
  for (const k of study.keywords) out.push({ where: "keywords", text: norm(k) });
  for (const s of split(study.briefSummary)) if (isOwnTreatmentSentence(s)) out.push({ where: "brief summary", text: s });
  for (const s of split(study.detailedDescription)) if (PROTOCOL.test(s) && isOwnTreatmentSentence(s)) out.push({ where: "detailed description", text: s });
  return out;
}
