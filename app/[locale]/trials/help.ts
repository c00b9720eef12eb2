import "server-only";
import { FLAGS } from "@/lib/classify/flags";
import { PHASES, ROUTES, SOURCES, STATUSES, THERAPIES } from "@/lib/classify/slugs";
import { explainerHref, FILTER_HELP } from "@/lib/explainers/links";
import { LABELS, type Labels } from "@/lib/search/labels";
import { SEARCH_DONORS } from "@/lib/search/schema";

// Explainer links and flag texts, computed on the server and handed to the client island as plain
// data, so the explainer content never ships in the browser bundle.

export type FlagInfo = { label: string; explanation: string };
export type UiHelp = {
  filter: typeof FILTER_HELP;
  href: Record<"therapy" | "source" | "donor" | "route" | "phase" | "status" | "flag", Record<string, string>>;
  flags: Record<string, FlagInfo>;
  labels: Labels;
};

export function flagInfo(slug: string): FlagInfo {
  return FLAGS[slug] ?? { label: slug.replace(/-/g, " "), explanation: "A reason to double-check this listing." };
}

const hrefs = (kind: Parameters<typeof explainerHref>[0], slugs: readonly string[]) => Object.fromEntries(slugs.map((s) => [s, explainerHref(kind, s)]));

let cached: UiHelp | undefined;
export function uiHelp(): UiHelp {
  cached ??= {
    filter: FILTER_HELP,
    href: {
      therapy: hrefs("therapy", THERAPIES),
      source: hrefs("source", SOURCES),
      donor: hrefs("donor", [...SEARCH_DONORS, "mixed"]),
      route: hrefs("route", ROUTES),
      phase: hrefs("phase", PHASES),
      status: hrefs("status", STATUSES),
      flag: { ...hrefs("flag", Object.keys(FLAGS)), "*": explainerHref("flag") },
    },
    flags: FLAGS,
    labels: LABELS,
  };
  return cached;
}
