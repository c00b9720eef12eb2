// Bump whenever a rule, vocabulary or product entry changes what classifyStudy returns: the next
// sync (or `npm run reclassify`) then recomputes every stored trial from its raw record.
export const CLASSIFIER_VERSION = 1;
