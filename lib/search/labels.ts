import type { Status } from "./schema";

// Plain-language names for the slugs, shared by the page, the cards, the print view and the trial
// page, and the two functions that read them. Kept free of server code and content so the client
// bundle stays small: client code imports only `label` and `phaseText` (the bundler drops the
// tables it does not use) and receives the tables as props (LABELS, below).

export const THERAPY_LABEL: Record<string, string> = {
  "cell-therapy": "Cell therapy",
  prp: "Platelet-rich plasma (PRP)",
  "acellular-biologic": "Cell-free biologic",
  other: "Other treatment",
};
export const SOURCE_LABEL: Record<string, string> = {
  "bone-marrow": "Bone marrow",
  adipose: "Fat (adipose)",
  "umbilical-cord": "Umbilical cord",
  "placenta-amnion": "Placenta or amnion",
  "disc-or-cartilage": "Disc or cartilage cells",
  "peripheral-blood": "Blood stem cells",
  pluripotent: "Pluripotent (iPS or embryonic)",
  "other-tissue": "Other tissue",
  unspecified: "Cell source not stated",
};
export const DONOR_LABEL: Record<string, string> = {
  autologous: "Your own cells (autologous)",
  allogeneic: "Donor cells (allogeneic)",
  mixed: "Own and donor cells",
};
export const ROUTE_LABEL: Record<string, string> = {
  intradiscal: "Into the disc (intradiscal)",
  epidural: "Epidural space",
  intraosseous: "Into the vertebral bone",
  "facet-or-joint": "Facet or other joint",
  intravenous: "Into a vein (IV)",
  intrathecal: "Into the spinal fluid",
  "soft-tissue": "Muscle or soft tissue",
  surgical: "During surgery",
  other: "Other route",
  unspecified: "Route not stated",
};
export const PHASE_LABEL: Record<string, string> = {
  "early-1": "Early phase 1",
  "1": "Phase 1",
  "2": "Phase 2",
  "3": "Phase 3",
  "4": "Phase 4",
  na: "Phase not applicable",
};
export const STATUS_LABEL: Record<Status, string> = {
  recruiting: "Recruiting",
  "not-yet-recruiting": "Not yet recruiting",
  "enrolling-by-invitation": "Enrolling by invitation",
  "active-not-recruiting": "Active, not recruiting",
  completed: "Completed",
  suspended: "Suspended",
  terminated: "Terminated",
  withdrawn: "Withdrawn",
  unknown: "Status unknown",
};
export const SORT_LABEL: Record<string, string> = { relevance: "Best match", distance: "Distance", updated: "Last updated", start: "Start date" };

export const label = (table: Record<string, string>, slug: string) => table[slug] ?? slug;

/** The phases in words, from a phase table (PHASE_LABEL, or the one the client island was handed). */
export function phaseText(phases: string[], table: Record<string, string>): string {
  if (!phases.length) return "Phase not stated";
  const nums = phases.filter((p) => p !== "na" && p !== "early-1");
  if (nums.length > 1) return `Phase ${nums.join("/")}`;
  return phases.map((p) => label(table, p)).join(", ");
}

/** All the tables, handed to the client island as props (data in the page, not code in the bundle). */
export const LABELS = {
  therapy: THERAPY_LABEL,
  source: SOURCE_LABEL,
  donor: DONOR_LABEL,
  route: ROUTE_LABEL,
  phase: PHASE_LABEL,
  status: STATUS_LABEL as Record<string, string>,
  sort: SORT_LABEL,
};
export type Labels = typeof LABELS;
