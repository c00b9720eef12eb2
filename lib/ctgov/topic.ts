/**
 * The topic: which ClinicalTrials.gov studies the product syncs. See docs/topic.md for the
 * reasoning and for what it selects from the bundled recorded data.
 *
 * One Essie expression for `query.term` (the API takes one value per parameter, and different
 * parameters are ANDed, so an OR across conditions and interventions must live in one expression).
 * `AREA[...]` scopes each part to the fields it is about, because plain `query.term` searches 57
 * fields including site names and sponsor names ("Joint & Spine Center", "Sport and Spine Rehab")
 * and free text ("the vertebral artery", "cerebrospinal fluid around the spine").
 *
 *   ( AREA[ConditionSearch]( disc and back-pain conditions )
 *     OR ( AREA[InterventionSearch]( cell-based or biologic therapy )
 *          AND AREA[ConditionSearch]( the spinal column, or back or neck pain from it )
 *          AND NOT AREA[ConditionSearch]"spinal cord injury" ) )
 *   AND NOT AREA[ConditionSearch]temporomandibular
 *
 * ConditionSearch = conditions, brief/official titles, condition MeSH terms and ancestors,
 * keywords; InterventionSearch = intervention names, other names and descriptions, arm groups,
 * titles, keywords, intervention MeSH terms (ClinicalTrials.gov "Search Areas").
 *
 * Choices (debatable ones on purpose):
 * - Any intervention for the disc and back-pain conditions, so patients can compare cell therapy
 *   with surgery, injections, devices, exercise, drugs.
 * - Sciatica and lumbago are in: sciatica is most often a herniated disc's radicular pain, lumbago
 *   is low back pain. Lumbar spinal stenosis, spondylolisthesis and radiculopathy on their own are
 *   out (different diagnoses, mostly surgical trials); a record that also names disc degeneration,
 *   herniation or low back pain comes in through those.
 * - Cell or biologic therapy "for the spine" means the spinal column (discs, vertebral fractures,
 *   spinal arthritis, stenosis, fusion) and back or neck pain from it, whatever the wording: facet,
 *   sacroiliac, vertebrogenic, axial, failed back surgery, spondylosis, Modic changes, annular tears,
 *   radicular pain (issue 14; "Facetogenic Back Pain" has no "low", "lower" or "chronic").
 *   Spinal-cord injury (neurological) is out, and so is ankylosing spondylitis treated with
 *   intravenous cells (a systemic disease; no spinal-column term in its conditions).
 * - Temporomandibular joint "disc displacement" trials are out (their MeSH mapping even says
 *   "Intervertebral Disc Displacement").
 * - Spelling: both "disc" and "disk"; condition lists invert words ("Disk Herniated Lumbar"), so
 *   both orders are listed. Essie adds its own synonyms on top of these.
 */

/** Disc conditions, as they are written in titles, condition lists, keywords and MeSH terms. */
export const DISC_TERMS = [
  '"degenerative disc"', '"degenerative disk"', '"disc degeneration"', '"disk degeneration"',
  '"intervertebral disc"', '"intervertebral disk"', '"disc disease"', '"disk disease"', "discopathy", "discogenic",
  '"disc herniation"', '"disk herniation"', '"herniated disc"', '"herniated disk"', '"disc herniated"', '"disk herniated"',
  '"disc prolapse"', '"disk prolapse"', '"prolapsed disc"', '"prolapsed intervertebral disc"', '"disc protrusion"',
  '"slipped disc"', '"herniated nucleus pulposus"',
  '"lumbar disc"', '"lumbar disk"', '"cervical disc"', '"cervical disk"', '"thoracic disc"',
  "discectomy", "diskectomy", "microdiscectomy",
];

/** Back pain: chronic low back pain is the product's audience; sciatica (see above). */
export const BACK_PAIN_TERMS = ['"low back pain"', '"lower back pain"', '"chronic back pain"', "lumbago", "sciatica"];

/**
 * Cell-based therapies and biologics (platelet-rich plasma and acellular biologics are classified
 * too, SPEC §5). Matched in InterventionSearch, so only what the trial gives counts.
 */
export const CELL_THERAPY_TERMS = [
  '"stem cell"', '"stromal cell"', '"progenitor cell"', '"precursor cell"', "mesenchymal", '"bone marrow aspirate"', '"bone marrow concentrate"', "BMAC",
  '"stromal vascular fraction"', '"adipose derived"', "lipoaspirate", '"cell therapy"', '"cellular therapy"', '"cell transplantation"', "chondrocyte",
  '"nucleus pulposus cell"', '"disc cell"', '"platelet rich plasma"', '"platelet lysate"', "exosome", '"extracellular vesicle"', "secretome",
  '"umbilical cord"', "Wharton", "amniotic", "placental", '"bone morphogenetic protein"', "rhBMP", '"disc allograft"', '"nucleus pulposus allograft"',
];

/**
 * Where a cell or biologic therapy makes the trial ours when no disc term is named: the spinal
 * column, and back or neck pain that comes from it (issue 14). Spinal-cord injury stays out (see
 * the NOT below); bare "spinal" is not a term ("spinal muscular atrophy", "spinal cord").
 */
export const SPINE_TERMS = [
  "spine", '"spinal fusion"', "interbody", '"spinal arthritis"', '"spinal osteoarthritis"', '"spinal stenosis"',
  '"spinal fracture"', '"vertebral fracture"', '"vertebral compression"', '"vertebral body"', "vertebrogenic", "endplate", "Modic",
  '"back pain"', "backache", '"neck pain"', '"spinal pain"', '"axial pain"',
  "facet", "facetogenic", "zygapophyseal", "sacroiliac", '"failed back"', '"post laminectomy"',
  "spondylosis", "spondylolisthesis", "radiculopathy", '"radicular pain"', '"annular tear"', '"annular fissure"', '"annulus fibrosus"',
];

const anyOf = (terms: string[]) => `(${terms.join(" OR ")})`;

/** The Essie expression sent as `query.term`. */
export const TOPIC_TERM =
  `(AREA[ConditionSearch]${anyOf([...DISC_TERMS, ...BACK_PAIN_TERMS])}` +
  ` OR (AREA[InterventionSearch]${anyOf(CELL_THERAPY_TERMS)} AND AREA[ConditionSearch]${anyOf(SPINE_TERMS)}` +
  ` AND NOT AREA[ConditionSearch]"spinal cord injury"))` +
  ` AND NOT AREA[ConditionSearch]temporomandibular`;

/**
 * The topic's search parameters; the sync adds paging, `countTotal`, `fields` and the
 * incremental `filter.advanced` date range. `override` replaces the term: the sync passes
 * `CTGOV_TOPIC_TERM` from the validated environment (lib/env.ts) here, so this module stays pure.
 */
export function topicQueryParams(override?: string): URLSearchParams {
  return new URLSearchParams({ "query.term": override ?? TOPIC_TERM });
}
