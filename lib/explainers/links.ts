// Anchors the trial finder uses to link every filter, badge and warning flag to its explanation.
// Each SPEC §5/§6 slug maps to a page and a section id that exist in the content; links.test.ts
// checks that every slug resolves, so renaming a section without updating this file fails a test.
// An unknown slug never produces a broken link: it falls back to the overview section of its kind.

import type { Classification } from "../classify/schema";
import { DONORS, PHASES, ROUTES, SOURCES, STATUSES, THERAPIES, type Donor, type Phase, type Route, type Source, type Therapy } from "../classify/slugs";
import { explainerPath, getSection } from "./pages";

/** The two shorthands of the `status` search parameter, besides the statuses themselves. */
export const STATUS_SHORTHANDS = ["open", "any"] as const;

/** Warning flags (SPEC §5) that have their own explanation; any other flag links to the general one. */
export const KNOWN_FLAGS = ["stale", "pay-to-participate", "no-results"] as const;
export type KnownFlag = (typeof KNOWN_FLAGS)[number];

export type ExplainerKind = "therapy" | "source" | "donor" | "route" | "phase" | "status" | "flag" | "location";
export type FilterKind = Exclude<ExplainerKind, "flag">;
export type ExplainerTarget = { page: string; section: string };

const t = (page: string, section: string): ExplainerTarget => ({ page, section });

/** Where a kind is explained as a whole: used for filter help and for unknown slugs. */
const OVERVIEW: Record<ExplainerKind, ExplainerTarget> = {
  therapy: t("what-is-cell-therapy", "treatment-types"),
  source: t("cell-sources", "common-sources"),
  donor: t("cell-sources", "own-or-donor"),
  route: t("injection-routes", "overview"),
  phase: t("trial-phases", "overview"),
  status: t("trial-status", "overview"),
  flag: t("listing-warnings", "warning-signs"),
  location: t("trial-status", "locations"),
};

const THERAPY: Record<Therapy, string> = {
  "cell-therapy": "cell-therapy",
  prp: "prp",
  "acellular-biologic": "acellular-biologic",
  other: "other-treatments",
};

const SOURCE: Record<Source, string> = {
  "bone-marrow": "bone-marrow",
  adipose: "adipose",
  "umbilical-cord": "umbilical-cord",
  "placenta-amnion": "placenta-amnion",
  "disc-or-cartilage": "disc-or-cartilage",
  "peripheral-blood": "peripheral-blood",
  pluripotent: "pluripotent",
  "other-tissue": "other-tissue",
  unspecified: "unspecified",
};

const DONOR: Record<Donor, string> = { autologous: "autologous", allogeneic: "allogeneic", mixed: "mixed" };

const ROUTE: Record<Route, string> = {
  intradiscal: "intradiscal",
  epidural: "epidural",
  intraosseous: "intraosseous",
  "facet-or-joint": "facet-or-joint",
  intravenous: "intravenous",
  intrathecal: "intrathecal",
  "soft-tissue": "soft-tissue",
  surgical: "surgical",
  other: "other-routes",
  unspecified: "unspecified",
};

const PHASE: Record<Phase, string> = {
  "early-1": "early-phase-1",
  "1": "phase-1",
  "2": "phase-2",
  "3": "phase-3",
  "4": "phase-4",
  na: "not-applicable",
};

const STATUS: Record<(typeof STATUSES)[number] | (typeof STATUS_SHORTHANDS)[number], string> = {
  recruiting: "recruiting",
  "not-yet-recruiting": "not-yet-recruiting",
  "enrolling-by-invitation": "enrolling-by-invitation",
  "active-not-recruiting": "active-not-recruiting",
  completed: "completed",
  suspended: "suspended",
  terminated: "terminated",
  withdrawn: "withdrawn",
  unknown: "unknown",
  open: "open-statuses",
  any: "overview",
};

const FLAG: Record<KnownFlag, string> = { stale: "stale", "pay-to-participate": "pay-to-participate", "no-results": "no-results" };

const SECTIONS: Record<ExplainerKind, Record<string, string>> = {
  therapy: THERAPY,
  source: SOURCE,
  donor: DONOR,
  route: ROUTE,
  phase: PHASE,
  status: STATUS,
  flag: FLAG,
  location: {},
};

/** Every slug each kind knows about (what the unit test walks). */
export const EXPLAINER_SLUGS: Record<ExplainerKind, readonly string[]> = {
  therapy: THERAPIES,
  source: SOURCES,
  donor: DONORS,
  route: ROUTES,
  phase: PHASES,
  status: [...STATUSES, ...STATUS_SHORTHANDS],
  flag: KNOWN_FLAGS,
  location: [],
};

export function explainerTarget(kind: ExplainerKind, slug?: string): ExplainerTarget {
  const overview = OVERVIEW[kind];
  const section = slug === undefined ? undefined : Object.hasOwn(SECTIONS[kind], slug) ? SECTIONS[kind][slug] : undefined;
  return section ? { page: overview.page, section } : overview;
}

/** `/learn/<page>#<section>` for a filter kind, a slug of that kind, or a warning flag. */
export function explainerHref(kind: ExplainerKind, slug?: string): string {
  const { page, section } = explainerTarget(kind, slug);
  return explainerPath(page, section);
}

/** The heading of the section a slug links to, for link text such as "Into the disc (intradiscal)". */
export function explainerLabel(kind: ExplainerKind, slug?: string): string {
  const { page, section } = explainerTarget(kind, slug);
  return getSection(page, section)?.heading ?? "Learn more";
}

/**
 * One-or-two-sentence help shown beside each filter group on /trials, with its "learn more" link.
 * `label` names the group in plain words (used as the link's topic and on the /learn index).
 */
export const FILTER_HELP: Record<FilterKind, { label: string; text: string; href: string }> = {
  therapy: {
    label: "Kinds of treatment",
    text: "The kind of treatment a trial tests. Cell therapy means living cells are injected.",
    href: explainerHref("therapy"),
  },
  source: {
    label: "Where cells come from",
    text: "Where the cells come from, such as bone marrow, fat or an umbilical cord. A trial may use more than one source.",
    href: explainerHref("source"),
  },
  donor: {
    label: "Own or donor cells",
    text: "Whether the cells are your own or come from a donor. Records call these autologous and allogeneic.",
    href: explainerHref("donor"),
  },
  route: {
    label: "Injection routes",
    text: "Where the treatment is injected. A shot into the disc itself (intradiscal) is the most common.",
    href: explainerHref("route"),
  },
  phase: {
    label: "Trial phases",
    text: "How far along the testing is. Early phases check safety in a few people, and Phase 3 tests how well it works in many.",
    href: explainerHref("phase"),
  },
  status: {
    label: "Trial status",
    text: "Whether a trial is taking new people. Open means it is recruiting now, will soon, or takes people by invitation.",
    href: explainerHref("status"),
  },
  location: {
    label: "Trial sites and distance",
    text: "Shows trials with at least one site in the place you choose, or within the distance you set.",
    href: explainerHref("location"),
  },
};

export type ExplainerLink = { kind: ExplainerKind; slug: string; href: string; label: string };

/**
 * The explainers a trial page links for its own classification: its therapies, sources, donor,
 * routes, phases and flags, each once, in that order.
 */
export function explainerLinksFor(c: Pick<Classification, "therapy" | "source" | "donor" | "route" | "phase" | "flags">): ExplainerLink[] {
  const pairs: [ExplainerKind, string][] = [
    ...c.therapy.map((s): [ExplainerKind, string] => ["therapy", s]),
    ...c.source.map((s): [ExplainerKind, string] => ["source", s]),
    ...(c.donor ? [["donor", c.donor] as [ExplainerKind, string]] : []),
    ...c.route.map((s): [ExplainerKind, string] => ["route", s]),
    ...c.phase.map((s): [ExplainerKind, string] => ["phase", s]),
    ...c.flags.map((s): [ExplainerKind, string] => ["flag", s]),
  ];
  const seen = new Set<string>();
  const links: ExplainerLink[] = [];
  for (const [kind, slug] of pairs) {
    const href = explainerHref(kind, slug);
    if (seen.has(href)) continue;
    seen.add(href);
    links.push({ kind, slug, href, label: explainerLabel(kind, slug) });
  }
  return links;
}
