import type { Route } from "./slugs";
import { alternation, allMatches, atWordStart, isBackground, negatedAt } from "./text";

// Where the studied biologic goes. Routes are read only from text about the biologic itself:
// the biologic interventions and their active arms, and sentences of the summary or description
// that name the biologic. Clauses about other agents ("subcutaneous injection of teriparatide",
// "lidocaine is injected subcutaneously") and control arms ("saline, intravenous infusion
// preparation") never give the biologic a route.

type Found = Route | "surgical-cue" | "intramedullary" | "fracture-site" | "drilled" | "lesion" | "nerve";

// "into the degenerated lumbar disc", "in the target knee": a place the product is put. After
// "in"/"to"/"at" only a determiner and location words may come before the place, so "in
// patients with knee osteoarthritis" or "in the treatment of disc disease" never name a route.
const LOC = String.raw`(?:left|right|affected|target|index|injured|arthritic|osteoarthritic|degenerated|degenerative|diseased|damaged|symptomatic|painful|same|involved|selected|treated|study|lumbar|cervical|thoracic|intervertebral|knee|hip|shoulder|ankle|elbow|wrist|subchondral|lesioned|fractured|recently|\w+-level|one|two|three|single|multiple|adjacent|each|affected)`;
function into(places: string): string {
  const det = "(?:the |a |an |each |both |their |his |her )";
  return String.raw`\binto ${det}?(?:[\w'-]+ ){0,3}?(?:${places})\b|\bin ${det}(?:${LOC} ){0,3}(?:${places})\b|\b(?:to|at) ${det}?(?:${LOC} ){0,3}(?:${places})\b`;
}

// Places after "into", "in the", "to the", "at the": one scan for all of them, then the matched
// tail says which route it was.
const PLACES: [Route, string][] = [
  ["intradiscal", String.raw`dis[ck]s?(?:'s)?(?! (?:space|height|replacement|herniation|prosthes))|nucleus pulposus|nucleus`],
  ["intraosseous", String.raw`vertebral bod(?:y|ies)|vertebrae?|femoral head|tibial plateau|bone marrow lesions?|medullary cavity`],
  ["facet-or-joint", String.raw`joints?|knees?|hips?|shoulders?|ankles?|elbows?|wrists?|articular cavity|joint cavity|joint space|synovial (?:cavity|space)|menisc\w+`],
  ["soft-tissue", String.raw`muscles?|musculature|tendons?|ligaments?|rotator cuff|supraspinatus|plantar fascia|enthesis|epicondyles?`],
  ["other", String.raw`[\w-]*arter(?:y|ies)`],
  ["other", String.raw`fistula\w*|ganglion|ganglia`],
];
export const INTO_PLACE = new RegExp(into(PLACES.map(([, p]) => p).join("|")), "g");
const PLACE_AT_END = PLACES.map(([route, p]) => [route, new RegExp(`(?:${p})$`)] as const);

function placeRoute(phrase: string): Route | undefined {
  return PLACE_AT_END.find(([, re]) => re.test(phrase))?.[0];
}

export const ROUTE_PATTERNS = alternation<Found>([
  ["intradiscal", String.raw`\bintra-?dis[ck]al(?:ly)?\b|\bintra dis[ck]al\b|\bdis[ck] (?:injections?|infusions?)\b|\binjections? (?:of|into) (?:the )?(?:degenerat\w+ )?(?:lumbar )?(?:dis[ck]s?|nucleus pulposus)\b|\bcent(?:er|re) of the nucleus pulposus\b|\bnucleus pulposus injections?\b`],
  ["epidural", String.raw`\bepidural(?:ly)?\b|\btransforaminal(?:ly)?\b(?! (?:lumbar )?interbody)|\binterlaminar\b|\bcaudal (?:epidural|injection|block)s?\b|\bsupraneural\b|\bselective nerve root (?:injection|block)s?\b`],
  ["intraosseous", String.raw`\binject(?:ed|ions?)? (?:in|into) (?:the )?(?:[\w-]+ ){0,2}bones?\b(?![- ]?(?:marrow|defects?|grafts?|voids?|cavit\w*|chips|substitutes?|gaps?))|\bintra-?oss?eous(?:ly)?\b|\bbasivertebral\b|\bsubchondral(?:ly)?\b|\bsubchondroplasty\b|\bendplates?\b|\b(?:osteonecrosis|necrotic) (?:lesions?|sites?|space|gap|area|zone|focus|ends)\b|\bbone-cartilage interface\b|\bosteochondral junction\b|\bvertebroplasty\b|\bkyphoplasty\b`],
  // The break itself: intraosseous when a needle puts the product there, surgical only when it is
  // laid in during an operation ("loaded onto a carrier and implanted locally at the fracture site").
  ["fracture-site", String.raw`\b(?:non-?union|fracture|pseudo-?arthrosis) (?:lesions?|sites?|space|gap|area|zone|focus|ends)\b|\b(?:site|space|gap|ends) of (?:the )?(?:\w+ )?(?:fracture|non-?union)\b`],
  ["facet-or-joint", String.raw`\bintra-?articular(?:ly)?\b|\bintra articular(?:ly)?\b|\bia (?:injections?|administration|administered|use|route)\b|\b(?:injected|given|administered) ia\b|\bfacet(?: joint)?s?\b(?! (?:of|in) (?:the )?(?:study|disease|care))|\bzygapophys\w*|\bsacroiliac\b|\bsi joints?\b|\bknee (?:joint )?(?:injections?|administrations?)\b|\bglenohumeral\b|\bmenisc(?:us|al) (?:lesions?|tears?|injections?)\b|\barticular cavity\b|\bintra-?meniscal\b|\btemporomandibular joint\b`],
  ["intravenous", String.raw`\bintra-?venous(?:ly)?\b|\bi\.v(?:\.|(?![\w.]))|\biv (?:infusions?|injections?|administrations?|drip|bolus|route)\b|\b(?:infused|given|administered|delivered|injected) (?:iv|i\.v)\b|\b(?<=[,;(] ?)iv(?= ?[,;)])|\bperipheral veins?\b|\bvia (?:a |the )?(?:peripheral |central |cubital )?veins?\b|\binto (?:the )?(?:blood ?stream|circulation|a vein)\b|\bsystemic(?:ally)? (?:infusions?|administration|injections?|delivery)\b|\bintravascular(?:ly)?\b`],
  ["intrathecal", String.raw`\bintra-?thecal(?:ly)?\b|\bsubarachnoid\b|\blumbar punctures?\b|\binto the (?:cerebrospinal fluid|csf|spinal canal|thecal sac)\b|\bintracisternal\b`],
  ["soft-tissue", String.raw`\bintra-?muscular(?:ly)?\b|\bim (?:injections?|administration)\b|\bparaspinal\b|\bmultifidus\b|\bparavertebral muscles?\b|\bintra-?tendinous\b|\bperitendinous\b|\bsub-?cutaneous(?:ly)?\b(?! (?:fat|adipose|tissue|abdominal|layers?|lipo\w*))|\bintra-?dermal(?:ly)?\b|\bintradermic\b|\bmotor points?\b`],
  ["other", String.raw`\bintra-?arterial(?:ly)?\b|\b(?:via|through) (?:the )?(?:[\w-]+ ){0,3}arter(?:y|ies|ial)\b|\bintra-?coronary\b|\bintra-?myocardial\b|\btrans-?endocardial\b|\bepicardial\b|\bintra-?vitreal\b|\bintravitreous\b|\bsub-?retinal\b|\bperi-?bulbar\b|\bretro-?bulbar\b|\bsub-?conjunctival\b|\bsub-?tenon\b|\bintra-?cameral\b|\bsuprachoroidal\b|\btopical(?:ly)?\b|\btrans-?dermal(?:ly)?\b|\b(?:paint\w*|spread\w*|smear\w*|appl(?:y|ied|ying|ication)|sprayed|spraying)\b(?: [\w'-]+){0,8}? (?:on|onto|over|to) (?:the |a |each |their )?(?:[\w-]+ ){0,2}(?:wounds?|ulcers?|ulcerations?|skin|scars?|burns?)\b(?! (?:healing|closure|size|area))|\bintra-?nasal(?:ly)?\b|\bnasal spray\b|\bintra-?tracheal(?:ly)?\b|\binhal(?:ed|ation)\b|\bnebuli[sz]\w+|\bintra-?bronchial\b|\bendobronchial\b|\bintra-?cerebral\b|\bintra-?cerebroventricular\b|\bintra-?ventricular\b|\bintra-?parenchymal\b|\bstereotactic\w*|\bintra-?portal\b|\bportal vein\b|\bintra-?hepatic\b|\bintra-?splenic\b|\bintra-?pancrea\w+|\bintra-?peritoneal(?:ly)?\b|\bintra-?pleural\b|\bintra-?uterine\b|\bintra-?ovarian\b|\bintra-?cavernos\w+|\bintra-?corporeal\b|\bintra-?vesical\b|\bperi-?urethral\b|\btrans-?urethral\b|\bsub-?mucosal\b|\bintra-?tympanic\b|\bintra-?lymphatic\b|\bintra-?nodal\b|\bintra-?tumou?ral\b|\bganglion\b|\bintra-?spinal\b|\binto (?:the |a )?(?:[\w-]+ ){0,2}spinal cord\b|\b(?:into|in) the spinal medulla\b|\bin(?:to)? the (?:injured |damaged |lesioned )?spinal cord (?:lesion|tissue|parenchyma|injury site)\b|\bspinal cord injections?\b|\bintra-?renal\b|\bintra-?thymic\b|\bintra-?gingival\b|\bperiodontal (?:defects?|pockets?)\b|\bintra-?cardiac\b|\bintra-?pericardial\b|\bcoronary sinus\b|\bintra-?ocular\b|\bintra-?cochlear\b|\bintra-?testicular\b|\bintra-?glandular\b|\b(?:submandibular\w*|parotid|salivary|lacrimal) glands?\b|\binto (?:the )?submandibular\w*`],
  ["intramedullary", String.raw`\bintra-?medullar\w*`],
  // "inject autologous adipose derived mesenchymal stem cells 2ml to facial nerve": a nerve is a
  // stated place outside the list (other); an operation named in the titles puts it there (surgical).
  ["nerve", String.raw`\b(?:inject\w*|deliver\w*|appl(?:y|ied|ication)|placed|placement|transplant\w*|implant\w*)\b(?: [\w'-]+){0,8}? (?:to|into|in|around|onto|on) (?:the )?(?:[\w-]+ ){0,2}nerves?\b(?! (?:functions?|injur\w*|damage|conduction|regenerat\w*|repair|dysfunction|growth|palsy|blocks?|roots?|fibers|fibres|endings|cells?|tissue|sheath)\b)|\bintra-?neural(?:ly)?\b`],
  // "injection into the lesion area", "intralesional application": where depends on the lesion.
  ["lesion", String.raw`\bintra-?lesional(?:ly)?\b|\b(?:into|in) the (?!(?:necrotic|osteonecrotic|bone|bony|osseous|cartilage|chondral|osteochondral) )(?:[\w-]+ )?lesion (?:area|site|zone|region)s?\b|\b(?:injected |injection |transplantation |transplanted |implanted )into the lesions?\b`],
  // A channel drilled into the bone (core decompression, "forage") is an operation that puts the
  // product into the bone: surgical and intraosseous (labels README rule 3).
  ["drilled", String.raw`\bcore[- ]decompression\b|\bforages?\b|\bdrill(?:ed|ing)?\b(?: [\w-]+){0,4} (?:into|through) (?:the )?(?:[\w-]+ ){0,2}(?:bone|femoral head|humeral head|talus|vertebral bod(?:y|ies)|lesion|necro\w+)\b|\bdrill(?:ing)? (?:tracks?|tunnels?|holes?|channels?)\b`],
  ["surgical-cue", String.raw`\bintra-?operative(?:ly)?\b|\bduring (?:the |an? )?(?:[\w-]+ ){0,3}(?:surgery|surgeries|operation|arthroscopy|arthrotomy|arthroplasty|laminectomy|discectomy|fusion|c(?:a)?esarean(?: section)?|repair|osteotomy|decompression|reconstruction)\b|\bat the (?:time|end) of (?:the )?(?:[\w-]+ ){0,2}(?:surgery|operation|procedure|repair|reconstruction|arthroscopy|arthroplasty|osteotomy)\b|\b(?:site of (?:the )?operation|surgical site|operative site|operation site)\b|\bopen (?:surgery|reduction|procedure)\b|\bsurgical(?:ly)? (?:implant\w*|placed|applied|delivered|intervention|transplant\w*)\b|\bimplanted (?:surgically|at surgery|during)\b|\blaminectomy\b|\blaminotomy\b|\bthoracotomy\b|\bcraniotomy\b|\bsternotomy\b|\barthroscopic(?:ally)?\b|\bmicrofractur\w*|\bfusion (?:bed|site|procedures?|surgery|mass)\b|\binterbody\b|\bposterolateral (?:fusion|gutter|lumbar)\b|\bspondylodesis\b|\barthrodesis\b|\bbone graft (?:substitute|extender)s?\b|\bgraft extender\b|\bautograft substitute\b|\bcages?\b|\b(?:re)?fill(?:ed|ing|s)? (?:the |a |in )?(?:[\w-]+ ){0,2}(?:defects?|cavity|cavities|gaps?)\b|\b(?:defects?|cavity|cavities) (?:is |are |will be )?(?:re)?filled\b|\b(?:placed|implanted|packed|applied|delivered) (?:in|into|on|onto|to) (?:the )?(?:[\w-]+ ){0,2}(?:defects?|cavity|gap|annulus|site of operation|(?:fracture|non-?union|osteotomy|graft) sites?)\b|\b(?:within|during|in) (?:the |their |a |planned ){0,2}(?:[\w-]+ ){0,2}surgical (?:procedures?|maneuvers?|manoeuvres?)\b|\b(?:following|after|at) (?:the )?completion of (?:all |the )?(?:[\w-]+ ){0,2}surgical (?:procedures?|maneuvers?|manoeuvres?)\b|\b(?:application|implantation|placement) (?:in|into|on|onto|to) (?:the )?(?:[\w-]+ ){0,2}(?:defects?|cavity|gap)\b|\b(?:in|at|with|during) (?:a |one |the )?(?:one|single|two)[- ]stage (?:surgery|surgical|procedure|operation)\b|\b(?:in|at|during) (?:a |one |the )?(?:single|same|one) (?:surgical|operative) (?:time|step|session|act|procedure)\b|\bsurgical operation\b|\bduring (?:the )?(?:[\w-]+ ){0,6}?(?:fistula|bypass|anastomos[ie]s|shunt|stoma|graft|access) (?:creation|construction|formation)\b|\b(?:into|in) the (?:[\w-]+ ){0,2}(?:osteochondral|chondral|bone|cartilage) defects?\b|\bcyst cavit\w+|\bpatch\b|\b(?:fistula|anal|collagen) plugs?\b|\b(?:coated|loaded|seeded) (?:[\w-]+ ){0,4}plugs?\b|\bbiomatri(?:x|ces)\b|\b(?:prior to|before) (?:the )?(?:wound )?closure\b|\b(?:in|into|within|along) the (?:[\w-]+ ){0,2}incision\b|\bhydroxy[- ]?apatite\b|\b(?:beta-?|β-?|tri)?calcium (?:phosphate|sulfate|sulphate)\b|\bcaso4\b|\b(?:β|beta)-?tcp\b|\btcp\b|\bbcp\b|\bceramics?\b|\bdemineralized bone\b|\bdbm\b|\ballograft (?:bone|chips|fibers|fibres|plugs?)\b|\bbone (?:chips|granules)\b|\bgranules\b|\bputty\b|\bcollagen (?:sponge|membrane)s?\b|\b(?:under|covered (?:with|by)) (?:a |the )?(?:[\w-]+ ){0,3}membrane\b|\bosteochondral allograft\b|\b(?:amniotic|amnion) membranes? (?:transplant\w*|graft\w*)\b|\b(?:mscs?|cells?)\s?\+\s?(?:biomaterials?|scaffolds?|granules|matri(?:x|ces))\b|\b(?:scaffolds?|carriers?) (?:(?:loaded|seeded|combined|impregnated|filled) )?with\b|\b(?:combined|mixed|loaded|seeded|fixed|embedded|impregnated|associated) (?:with|in|on|onto|into) (?:(?!administration|injection|infusion|transplantation|intra)[\w-]+ ){0,5}(?:bone(?! marrow)|scaffolds?|matri(?:x|ces)|carriers?|granules|(?:allo|auto|xeno)?grafts?|biomaterials?)\b`],
]);

// Clauses about something else that the biologic arm also receives.
export const FOREIGN = atWordStart(
  /\b(?:lidocaine|lignocaine|bupivacaine|ropivacaine|mepivacaine|procaine|anest\w+|anaest\w+|steroids?|corticosteroids?|methylprednisolone|triamcinolone|dexamethasone|betamethasone|cortisone|saline|placebo|sham|contrast|antibiotics?|heparin|teriparatide|sedation|sedative|analgesi\w+|hyaluron\w*|fentanyl|midazolam|propofol)\b/,
);
// "Core Decompression Versus (VS) Subchondral Injections of Autologous BMC": each side of a comparison is its own clause.
const CLAUSE_SPLIT = /[;,]|\.\s|\band\b|\bplus\b|\bfollowed by\b|\bthen\b|\bwhile\b|\bversus\b|\bvs\b\.?/;

/** `fallback`: a route that counts only when the record states no other ("intralesional" of a lesion outside the listed places). `nerve`: placed into a nerve. */
export type RouteHit = { route: Route | "surgical"; text: string; fallback?: boolean; nerve?: boolean };

/** Routes stated in a normalised sentence about the biologic, skipping clauses about other agents. */
export type RouteContext = {
  /** True when a clause names the studied biologic. */
  hasBiologic: (clause: string) => boolean;
  /** True when a clause names another agent (the study's drugs, anaesthetics, saline...). */
  isForeign: (clause: string) => boolean;
  /** Normalised conditions and titles. */
  about: string;
};

// Every route pattern needs one of these; most sentences have none and skip the big scan.
const ROUTE_HINT =
  /intra|nerve|into |in the |in a |in each |in both |to the |to a |at the |via |through |epidural|transforaminal|interlaminar|caudal|supraneural|nerve root|disc|nucleus|oss|vertebr|subchondr|lesion|core decompression|core-decompression|forage|drill|endplate|union|fracture|osteonecrosis|necrotic|pseudo|bone-cartilage|osteochondral|plasty|articular|\bia\b|facet|zygapophys|sacroiliac|si joint|knee|glenohumeral|menisc|temporomandibular|venous|i\.v|\biv\b|vein|systemic|vascular|thecal|subarachnoid|lumbar punct|cisternal|muscular|\bim\b|paraspinal|multifidus|paravertebral|tendin|cutaneous|dermal|dermic|motor point|arteri|coronary|myocardial|endocardial|epicardial|vitre|retinal|bulbar|conjunctival|tenon|cameral|choroidal|topical|nasal|trache|inhal|nebuli|bronch|cerebr|ventricular|parenchymal|stereotactic|portal|hepatic|splenic|pancrea|peritoneal|pleural|uterine|ovarian|cavernos|corporeal|vesical|urethral|mucosal|tympanic|lymphatic|nodal|tumou?ral|fistula|ganglion|ganglia|spinal|renal|thymic|gingival|periodontal|cardiac|pericardial|coronary sinus|ocular|cochlear|testicular|glandular|gland|submandibular|medullar|operat|surg|laminect|laminot|thoracot|craniot|sternot|arthroscop|microfractur|fusion|interbody|posterolateral|spondylodesis|arthrodesis|graft|cage|fill|defect|cavit|placed|implanted|packed|applied|delivered|patch|plug|biomatri|closure|incision|apatite|phosphate|sulfate|sulphate|caso4|tcp|bcp|ceramic|demineralized|dbm|allograft|chips|granules|putty|collagen|membrane|combined|mixed|loaded|seeded|fixed|embedded|impregnated|associated|medulla|scaffold|carrier|dermal|paint|spread|smear|apply|applying|application|spray|(?:one|single|two)[- ]stage|creation|construction|\+/;

// "Considering the possibility of further damage … during angiography and placement of catheter into
// the renal artery, the investigators opt for intra-venous transfusion": the route chosen is the one
// after the choice; routes named before it in the sentence were weighed and set aside.
const CHOICE = /\b(?:opt(?:s|ed)? for|opted to|cho(?:se|ose|oses|sen) (?:to use |the )?|decided (?:on|to use)|prefer(?:s|red)? (?:to use |the )?)/;

export function routesIn(sentence: string, ctx: RouteContext): RouteHit[] {
  if (!ROUTE_HINT.test(sentence) || isBackground(sentence)) return [];
  const choice = CHOICE.exec(sentence);
  if (choice && choice.index > 0) {
    const chosen = routesIn(sentence.slice(choice.index + choice[0].length), ctx);
    if (chosen.length > 0) return chosen;
  }
  const out: RouteHit[] = [];
  const clauses = ctx.isForeign(sentence) ? sentence.split(CLAUSE_SPLIT) : [sentence];
  for (const clause of clauses) {
    if (clauses.length > 1 && ctx.isForeign(clause) && !ctx.hasBiologic(clause)) continue;
    for (const m of allMatches(INTO_PLACE, clause)) {
      const route = placeRoute(m[0]);
      if (route && !negatedAt(clause, m.index)) out.push({ route, text: m[0] });
    }
    for (const m of allMatches(ROUTE_PATTERNS.re, clause)) {
      // "does not require invasive surgical intervention" is not a route.
      if (negatedAt(clause, m.index)) continue;
      const found = ROUTE_PATTERNS.which(m);
      // "(iii) improvement in quality of life and (iv) improvement of articular cartilage": a list marker.
      if (found === "intravenous" && m[0] === "iv" && ROMAN_LIST.test(clause)) continue;
      if (found === "surgical-cue") out.push({ route: "surgical", text: m[0] });
      else if (found === "lesion") {
        // A lesion of the spinal cord is reached by a direct spinal-cord injection (other); any other
        // lesion is named by what else the record says (tendon, joint), else it is a stated route
        // outside the list.
        out.push({ route: "other", text: m[0], fallback: !SPINAL_CORD.test(ctx.about) });
      } else if (found === "drilled") out.push({ route: "intraosseous", text: m[0] }, { route: "surgical", text: m[0] });
      else if (found === "fracture-site") {
        if (!laidInAtSurgery(clause)) out.push({ route: "intraosseous", text: m[0] });
      }
      else if (found === "intramedullary") {
        // Intramedullary into a vertebra or long bone is intraosseous; into the spinal cord it is "other".
        const bone = /\b(?:vertebra\w*|bone|femur|tibia|humerus|fracture)\b/.test(clause);
        const cord = /\b(?:spinal|cord|medulla)\b/.test(clause) || /spinal cord/.test(ctx.about);
        out.push({ route: bone && !cord ? "intraosseous" : "other", text: m[0] });
      } else if (found === "nerve") out.push({ route: "other", text: m[0], nerve: true });
      else {
        out.push({ route: found, text: m[0] });
        // "will receive AutoBM-MSCs by a specialized spine surgeon into the spinal medulla": the cord is
        // reached by a surgeon, that is in an operation (labels README rule 3).
        if (found === "other" && CORD_PLACE.test(m[0]) && SURGEON.test(clause)) out.push({ route: "surgical", text: `${m[0]} (${SURGEON.exec(clause)?.[0]})` });
      }
    }
  }
  return out;
}

// "with application of autologous mesenchymal stem cells on the fracture site" during "open
// reduction and internal fixation": placed in an operation, not injected into the bone.
const NEEDLE = /\binject\w*|\bpercutan\w*|\bneedle\b|\bsyringe\b|\btrocar\b/;
function laidInAtSurgery(clause: string): boolean {
  if (NEEDLE.test(clause)) return false;
  const surgical = ROUTE_PATTERNS.re;
  for (const m of allMatches(surgical, clause)) if (ROUTE_PATTERNS.which(m) === "surgical-cue" && !negatedAt(clause, m.index)) return true;
  return false;
}

// An operation the participants undergo, named in the titles, conditions or keywords.
const OPERATION_ABOUT = /\b(?:after|following|undergoing|during|at|in) (?:[\w-]+ ){0,3}(?:microvascular decompression|decompression surgery|craniotomy|surgery|surgical (?:repair|decompression|resection)|operation|resection|neurorrhaphy)\b/;
const ROMAN_LIST = /\((?:i|ii|iii|v|vi)\)|(?:^|\s)(?:i|ii|iii)\)/;
const CORD_PLACE = /\bspinal (?:cord|medulla)\b|\bintra-?spinal\b/;
const SURGEON = /\b(?:by|from) (?:a |an |the )?(?:[\w-]+ ){0,3}(?:neuro)?surgeons?\b/;
const SPINAL_CORD = /\bspinal cord\b|\bsci\b|\bmyelopath\w*/;

export type RouteResult = { route: Route[]; why: string[] };

type RouteInput = RouteContext & {
  /** Sentences of placebo and sham arms (and their own interventions), read only when the product's own text states no route. */
  placebo?: string[];
  bio: { label: string; name: string; kinds: Set<string>; text: string[]; products: { name: string; product: { route?: Route; routeWhen?: RegExp } }[] }[];
  study: { where: string; text: string }[];
};

// A sentence that only continues the description of the procedure ("The tubes will be inserted
// into the circumflex artery.") may be read right after a sentence that names the biologic,
// unless it is about something else.
const NOT_DELIVERY = /\b(?:samples?|sampling|blood (?:draw|tests?)|mri|imaging|x-?rays?|scan|follow[- ]?up|visits?|questionnaires?|control group|placebo|sham|saline)\b/;

const IMMUNE = /\bcar[- ]?\d*\+?[- ]?(?:t|nk)\b|\bchimeric antigen receptor\b|\bdonor lymphocyte infusions?\b|\bnk[- ]cells?\b|\bnatural killer(?: \(nk\))?[- ]cells?\b/;
const PER_KG = /\b(?:cells?|mscs?|\d)\s*(?:\/|per )\s*(?:kg|kilogram)\b/;
const SYSTEMIC = /\bcirculating (?:[\w-]+ ){0,2}(?:mscs?|stem cells|stromal cells|mesenchymal)|\bsystemic(?:ally)? (?:administ|deliver|given)\w*/;
const INFUSION = /\binfus(?:ed|ion|ions|e)\b|\btransfus\w+/;
// A needle through the skin for a fracture or nonunion goes into the bone at the break.
const NONUNION = /\b(?:non-?unions?|pseudo-?arthros[ie]s|delayed union|fractures?)\b/;
const PERCUTANEOUS = /\bpercutan\w*/;
const IMPLANT = /\bimplant(?:ed|ation|ing)?\b/;
const INJECTION = /\binject\w*|\badminist\w+/;
const JOINT = /\b(?:osteoarthriti\w*|osteoarthros\w*|gonarthros\w*|coxarthros\w*|chondral|osteochondral|menisc\w+|articular cartilage|cartilage (?:defects?|lesions?|injur\w+|damage|degeneration))\b/;
const DEGENERATIVE_JOINT = /\b(?:osteoarthriti\w*|osteoarthros\w*|gonarthros\w*|coxarthros\w*|arthros[ie]s|degenerat\w+)\b/;
const NOT_JOINT = /\b(?:fractures?|non-?unions?|osteonecrosis|avascular necrosis|rheumatoid)\b/;
const TENDON = /\b(?:rotator cuff|tendin\w+|tendon\w*|epicondyl\w+|plantar fasci\w+|achilles|supraspinatus|ligament\w*)\b/;
const SPINE = /\b(?:spine|spinal|lumbar|cervical|disc|back pain)\b/;
// Inside an operation these are where the surgeon puts it, not separate routes (labels README rule 3).
const SWALLOWED_BY_SURGERY = new Set<Route>(["intrathecal", "other", "soft-tissue", "facet-or-joint"]);

/** Routes of the studied biologics, inferring only what is near-certain. */
export function routeOf(input: RouteInput): RouteResult {
  const { bio, study, about, hasBiologic, isForeign } = input;
  if (bio.length === 0) return { route: [], why: [] };
  const found = new Map<Route, string>();
  const fallback = new Map<Route, string>();
  let nerve: string | undefined;
  const add = (hits: RouteHit[], where: string) => {
    for (const h of hits) {
      if (h.nerve) nerve ??= h.text;
      const into = h.fallback ? fallback : found;
      if (!into.has(h.route)) into.set(h.route, `${where}: '${h.text}' → ${h.route}`);
    }
  };
  for (const b of bio) for (const s of b.text) add(routesIn(s, input), b.label);
  study.forEach((s, i) => {
    if (hasBiologic(s.text)) add(routesIn(s.text, input), s.where);
    else {
      const prev = study[i - 1];
      if (prev && prev.where === s.where && hasBiologic(prev.text) && !isForeign(s.text) && !NOT_DELIVERY.test(s.text)) add(routesIn(s.text, input), s.where);
    }
  });

  if (found.size === 0) {
    for (const b of bio) {
      for (const p of b.products) {
        const r = p.product.route;
        if (r && (!p.product.routeWhen || p.product.routeWhen.test(about)) && !found.has(r)) found.set(r, `${b.label} → known product '${p.name}' is given ${r}`);
      }
    }
  }
  const bioText = [...bio.flatMap((b) => b.text), ...study.filter((s) => hasBiologic(s.text)).map((s) => s.text)];
  if (found.size === 0) inferRoute(bioText, bio, about, found);
  // Still nothing: the placebo or sham arm is given the way the product is ("underwent percutaneous
  // injection of placebo" for a nonunion → intraosseous at the break).
  if (found.size === 0 && input.placebo && input.placebo.length > 0) {
    const matched = { ...input, isForeign: () => false, hasBiologic: () => true };
    for (const s of input.placebo) add(routesIn(s, matched), "placebo arm, given as the product is");
    if (found.size === 0) inferRoute(input.placebo, bio, about, found, true);
    for (const [r, why] of found) if (!why.startsWith("placebo")) found.set(r, `placebo arm, given as the product is: ${why}`);
  }
  if (found.size === 0) for (const [r, why] of fallback) found.set(r, why);
  // A nerve is reached in the operation the titles name ("… Hemifacial Spasm After Microvascular Decompression").
  const operation = nerve ? OPERATION_ABOUT.exec(about) : null;
  if (operation && !found.has("surgical")) found.set("surgical", `'${nerve}' during the operation the study names ('${operation[0]}')`);
  if (found.has("surgical")) for (const r of SWALLOWED_BY_SURGERY) found.delete(r);
  if (found.size === 0) return { route: ["unspecified"], why: ["a biologic is given but the record does not say where"] };
  const order: Route[] = ["intradiscal", "epidural", "intraosseous", "facet-or-joint", "intravenous", "intrathecal", "soft-tissue", "surgical", "other"];
  const route = order.filter((r) => found.has(r));
  return { route, why: route.map((r) => found.get(r) as string) };
}

function inferRoute(text: string[], bio: RouteInput["bio"], about: string, found: Map<Route, string>, placebo = false): void {
  if (!placebo && bio.some((b) => b.kinds.has("hsct"))) {
    found.set("intravenous", "a blood stem cell transplant is given by intravenous infusion");
    return;
  }
  const immune = text.find((s) => IMMUNE.test(s));
  if (immune) {
    found.set("intravenous", `'${IMMUNE.exec(immune)?.[0]}': immune cell products are infused into a vein`);
    return;
  }
  const perKg = text.find((s) => PER_KG.test(s));
  if (perKg) {
    found.set("intravenous", `dose per kg of body weight ('${PER_KG.exec(perKg)?.[0]}') means a systemic infusion`);
    return;
  }
  const systemic = text.find((s) => SYSTEMIC.test(s));
  if (systemic) {
    found.set("intravenous", `'${SYSTEMIC.exec(systemic)?.[0]}': cells meant to circulate are given into a vein`);
    return;
  }
  const infusion = text.find((s) => INFUSION.test(s));
  if (infusion) {
    found.set("intravenous", `'${INFUSION.exec(infusion)?.[0]}' with no other route stated means an intravenous infusion`);
    return;
  }
  // A percutaneous injection for a nonunion or fracture goes into the bone at the break.
  if (NONUNION.test(about) && text.some((s) => PERCUTANEOUS.test(s))) {
    found.set("intraosseous", "a percutaneous injection for a nonunion or fracture goes into the bone at the break");
    return;
  }
  // A joint or tendon condition is treated by injecting the joint or tendon, unless the product is implanted.
  if (text.some((s) => IMPLANT.test(s)) || SPINE.test(about)) return;
  // Osteoarthritis is treated by injecting the joint; an injury (a meniscus tear, a cartilage defect)
  // is as often repaired in an operation, so there the record must say the product is injected.
  if (JOINT.test(about) && !NOT_JOINT.test(about) && (DEGENERATIVE_JOINT.test(about) || text.some((s) => INJECTION.test(s)))) found.set("facet-or-joint", `a biologic for '${JOINT.exec(about)?.[0]}' goes into the joint`);
  else if (TENDON.test(about) && text.some((s) => INJECTION.test(s))) found.set("soft-tissue", `an injection for '${TENDON.exec(about)?.[0]}' goes into the tendon or ligament`);
}
