// The slugs users filter by (SPEC §5, and §6's trial statuses): the one list of each. These names
// are fixed: URLs, the API and the labelled evaluation set all use them. Everything that needs a
// list imports it from here (no re-exports elsewhere). No zod here: the browser bundle imports this
// file, and zod would add ~25 KB gzipped to /trials.
export const THERAPIES = ["cell-therapy", "prp", "acellular-biologic", "other"] as const;
export const SOURCES = [
  "bone-marrow",
  "adipose",
  "umbilical-cord",
  "placenta-amnion",
  "disc-or-cartilage",
  "peripheral-blood",
  "pluripotent",
  "other-tissue",
  "unspecified",
] as const;
export const DONORS = ["autologous", "allogeneic", "mixed"] as const;
export const ROUTES = [
  "intradiscal",
  "epidural",
  "intraosseous",
  "facet-or-joint",
  "intravenous",
  "intrathecal",
  "soft-tissue",
  "surgical",
  "other",
  "unspecified",
] as const;
export const PHASES = ["early-1", "1", "2", "3", "4", "na"] as const;
/** SPEC §6 status values of the `status` parameter (besides the shorthands `open` and `any`). */
export const STATUSES = [
  "recruiting",
  "not-yet-recruiting",
  "enrolling-by-invitation",
  "active-not-recruiting",
  "completed",
  "suspended",
  "terminated",
  "withdrawn",
  "unknown",
] as const;

export type Therapy = (typeof THERAPIES)[number];
export type Source = (typeof SOURCES)[number];
export type Donor = (typeof DONORS)[number];
export type Route = (typeof ROUTES)[number];
export type Phase = (typeof PHASES)[number];
