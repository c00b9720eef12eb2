import { describe, expect, it } from "vitest";
import { DONORS, PHASES, ROUTES, SOURCES, STATUSES, THERAPIES } from "../classify/slugs";
import { fleschKincaidGrade, splitSentences } from "./readability";
import { getExplainerPage, getSection } from "./pages";
import {
  EXPLAINER_SLUGS,
  FILTER_HELP,
  KNOWN_FLAGS,
  explainerHref,
  explainerLabel,
  explainerLinksFor,
  explainerTarget,
  type ExplainerKind,
} from "./links";

const KINDS: ExplainerKind[] = ["therapy", "source", "donor", "route", "phase", "status", "flag", "location"];

function resolves(href: string) {
  const m = /^\/learn\/([a-z0-9-]+)#([a-z0-9-]+)$/.exec(href);
  if (!m) return false;
  return getSection(m[1] ?? "", m[2] ?? "") !== undefined;
}

describe("explainerHref", () => {
  it("covers every slug the classifier and search use (SPEC §5, §6)", () => {
    expect(EXPLAINER_SLUGS.therapy).toEqual(THERAPIES);
    expect(EXPLAINER_SLUGS.source).toEqual(SOURCES);
    expect(EXPLAINER_SLUGS.donor).toEqual(DONORS);
    expect(EXPLAINER_SLUGS.route).toEqual(ROUTES);
    expect(EXPLAINER_SLUGS.phase).toEqual(PHASES);
    expect(EXPLAINER_SLUGS.status).toEqual([...STATUSES, "open", "any"]);
    expect(EXPLAINER_SLUGS.flag).toEqual(KNOWN_FLAGS);
  });

  it.each(KINDS.flatMap((kind) => EXPLAINER_SLUGS[kind].map((slug) => [kind, slug] as const)))(
    "%s=%s links to a real page and section of its own",
    (kind, slug) => {
      const href = explainerHref(kind, slug);
      expect(resolves(href), href).toBe(true);
      // A slug with its own explanation must not quietly fall back to the overview ("any" is the overview).
      if (!(kind === "status" && slug === "any")) expect(explainerTarget(kind, slug)).not.toEqual(explainerTarget(kind));
    },
  );

  it.each(KINDS)("the %s overview resolves", (kind) => {
    expect(resolves(explainerHref(kind)), explainerHref(kind)).toBe(true);
  });

  it("sends unknown slugs to the overview of their kind, never to a broken anchor", () => {
    expect(explainerHref("flag", "some-new-flag")).toBe("/learn/listing-warnings#warning-signs");
    expect(explainerHref("route", "intranasal")).toBe(explainerHref("route"));
    expect(explainerHref("source", "__proto__")).toBe(explainerHref("source"));
    expect(explainerHref("phase", "toString")).toBe(explainerHref("phase"));
  });

  it("maps the slugs users meet most to the expected places", () => {
    expect(explainerHref("route", "intradiscal")).toBe("/learn/injection-routes#intradiscal");
    expect(explainerHref("donor", "allogeneic")).toBe("/learn/cell-sources#allogeneic");
    expect(explainerHref("phase", "1")).toBe("/learn/trial-phases#phase-1");
    expect(explainerHref("status", "open")).toBe("/learn/trial-status#open-statuses");
    expect(explainerHref("flag", "pay-to-participate")).toBe("/learn/listing-warnings#pay-to-participate");
    expect(explainerHref("source", "other-tissue")).toBe("/learn/cell-sources#other-tissue");
    expect(explainerHref("route", "other")).toBe("/learn/injection-routes#other-routes");
  });
});

describe("FILTER_HELP", () => {
  it.each(Object.entries(FILTER_HELP))("%s: one or two plain sentences and a link that resolves", (_kind, help) => {
    expect(resolves(help.href), help.href).toBe(true);
    const sentences = splitSentences(help.text);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(fleschKincaidGrade(help.text)).toBeLessThanOrEqual(8);
  });

  it("has help for every filter group", () => {
    expect(Object.keys(FILTER_HELP).sort()).toEqual(["donor", "location", "phase", "route", "source", "status", "therapy"]);
  });
});

describe("explainerLinksFor", () => {
  it("lists a trial's own explainers once each, labelled with the section heading", () => {
    const links = explainerLinksFor({
      therapy: ["cell-therapy"],
      source: ["bone-marrow"],
      donor: "allogeneic",
      route: ["intradiscal"],
      phase: ["1", "2"],
      flags: ["stale", "stale"],
    });
    expect(links.map((l) => l.href)).toEqual([
      "/learn/what-is-cell-therapy#cell-therapy",
      "/learn/cell-sources#bone-marrow",
      "/learn/cell-sources#allogeneic",
      "/learn/injection-routes#intradiscal",
      "/learn/trial-phases#phase-1",
      "/learn/trial-phases#phase-2",
      "/learn/listing-warnings#stale",
    ]);
    expect(links.find((l) => l.slug === "intradiscal")?.label).toBe(getSection("injection-routes", "intradiscal")?.heading);
  });

  it("labels fall back to the overview heading for unknown slugs", () => {
    expect(explainerLabel("flag", "brand-new")).toBe(getExplainerPage("listing-warnings")?.sections[0]?.heading);
  });
});
