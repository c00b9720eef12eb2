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
 *     OR ( AREA[InterventionSearch]( cell-based or PRP therapy )
 *          AND AREA[ConditionSearch]( a spinal-column condition )
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
 * - Cell therapy "for the spine" means the spinal column: discs, vertebral fractures, spinal
 *   arthritis, fusion. Spinal-cord injury (neurological) is out, and so is ankylosing spondylitis
 *   treated with intravenous cells (a systemic disease; no spinal-column term in its conditions).
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

/** Cell-based therapies (and platelet-rich plasma, a biologic the product classifies too). */
export const CELL_THERAPY_TERMS = [
  '"stem cell"', '"stromal cell"', "mesenchymal", '"bone marrow aspirate"', '"bone marrow concentrate"', "BMAC",
  '"stromal vascular fraction"', '"cell therapy"', '"cellular therapy"', "chondrocyte", '"platelet rich plasma"',
];

/** Spinal-column conditions that make a cell therapy trial "for the spine" when no disc term is named. */
export const SPINE_TERMS = [
  "spine", '"spinal fusion"', "interbody", '"facet joint"', '"spinal arthritis"',
  '"spinal fracture"', '"vertebral fracture"', '"vertebral compression"',
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
