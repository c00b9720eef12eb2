import { z } from "zod";

// The slugs users filter by (SPEC §5). These names are fixed: URLs, the API and the labelled
// evaluation set all use them.
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

export type Therapy = (typeof THERAPIES)[number];
export type Source = (typeof SOURCES)[number];
export type Donor = (typeof DONORS)[number];
export type Route = (typeof ROUTES)[number];
export type Phase = (typeof PHASES)[number];

/** A warning flag: a reason to double-check a listing, with a plain-language explanation. */
export const flagSchema = z.object({ slug: z.string(), explanation: z.string() });
export type Flag = z.infer<typeof flagSchema>;

/** The classifier's answer for one study. `why` maps each attribute (and each flag slug) to the phrases, fields or products that decided it. */
export type Classification = {
  nctId: string;
  therapy: Therapy[];
  source: Source[];
  donor: Donor | null;
  route: Route[];
  phase: Phase[];
  flags: string[];
  why: Record<string, string[]>;
};

export type ClassifyOptions = {
  /** The date the data describes (record version date or sync time); flags are computed against it, never against the wall clock. */
  asOf: Date;
};
