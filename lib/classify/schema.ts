import type { Donor, Phase, Route, Source, Therapy } from "./slugs";

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
