import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linksIn, plainText } from "./inline";
import { EXPLAINER_SLUGS, FILTER_HELP, explainerLinksFor, explainerTarget, type ExplainerKind } from "./links";
import {
  EXPLAINER_LOCALES,
  FILTER_HELP_ES,
  explainerLabelFor,
  explainerLinksForLocale,
  explainerPagesFor,
  filterHelpFor,
  getLocalizedExplainerPage,
  getLocalizedSection,
  isExplainerLocale,
  localizedNeighbours,
  questionsToAsk,
} from "./locales";
import { CHECKLIST_PATH, EXPLAINER_PAGES, LEARN_PATH } from "./pages";
import { EXPLAINER_PAGES_ES } from "./pages-es";
import { fernandezHuerta, fernandezHuertaLaw, pageFernandezHuerta, splitSentencesEs } from "./readability-es";
import { explainerPageSchema, type ExplainerPage } from "./schema";

// The Spanish explainers (SPEC §11): the same pages as the English ones, written for Spanish-speaking
// patients and held to a Fernández-Huerta score, as the English pages are held to a grade.
const MIN_FH = 70;
const pages = EXPLAINER_PAGES_ES.map((p) => [p.slug, p] as const);

function allText(page: ExplainerPage): string[] {
  return [
    page.title,
    page.summary,
    ...page.sections.flatMap((s) => [
      s.heading,
      ...s.body.flatMap((b) => {
        if (b.kind === "paragraph") return [b.text];
        if (b.kind === "list") return b.items;
        if (b.kind === "definitions") return b.items.flatMap((d) => [d.term, d.definition]);
        return [b.title ?? "", b.text];
      }),
    ]),
  ];
}

const english = (slug: string) => {
  const page = EXPLAINER_PAGES.find((p) => p.slug === slug);
  if (!page) throw new Error(`no English page ${slug}`);
  return page;
};

describe("Spanish explainers match the English ones", () => {
  it("are all listed in pages-es.ts, once each, one file per slug", () => {
    const files = readdirSync(path.join(__dirname, "pages-es")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(EXPLAINER_PAGES_ES.map((p) => `${p.slug}.ts`).sort()).toEqual(files.sort());
  });

  it("every English explainer has a Spanish one with the same slug, in the same order", () => {
    expect(EXPLAINER_PAGES_ES.map((p) => p.slug)).toEqual(EXPLAINER_PAGES.map((p) => p.slug));
  });

  it.each(pages)("%s cites the same sources (by URL, in the same order)", (slug, page) => {
    expect(page.sources.map((s) => s.url)).toEqual(english(slug).sources.map((s) => s.url));
  });

  it.each(pages)("%s has the same sections (ids are URL anchors) and levels", (slug, page) => {
    const shape = (p: ExplainerPage) => p.sections.map((s) => `${s.level ?? 2}:${s.id}`);
    expect(shape(page)).toEqual(shape(english(slug)));
  });

  it.each(pages)("%s has the same blocks in each section, so links and print views line up", (slug, page) => {
    const shape = (p: ExplainerPage) =>
      p.sections.map((s) => s.body.map((b) => (b.kind === "list" ? `list:${b.items.length}` : b.kind === "definitions" ? `definitions:${b.items.length}` : b.kind)));
    expect(shape(page)).toEqual(shape(english(slug)));
  });

  it.each(pages)("%s links to the same places as the English page", (slug, page) => {
    const hrefs = (p: ExplainerPage) => allText(p).flatMap((t) => linksIn(t).map((l) => l.href)).sort();
    expect(hrefs(page)).toEqual(hrefs(english(slug)));
  });

  it("every page and section that links.ts points at exists in Spanish too", () => {
    for (const kind of Object.keys(EXPLAINER_SLUGS) as ExplainerKind[]) {
      for (const slug of [undefined, ...EXPLAINER_SLUGS[kind]]) {
        const { page, section } = explainerTarget(kind, slug);
        expect(getLocalizedSection(page, section, "es"), `${kind}/${slug ?? "(overview)"}`).toBeDefined();
      }
    }
  });

  it("has the checklist questions in Spanish, one for each English question", () => {
    expect(questionsToAsk("es")).toHaveLength(questionsToAsk("en").length);
    for (const q of questionsToAsk("es")) expect(q).toMatch(/^¿.+\?$/);
  });
});

describe("Spanish explainer pages", () => {
  it.each(pages)("%s matches the content schema", (_slug, page) => {
    expect(() => explainerPageSchema.parse(page)).not.toThrow();
  });

  it.each(pages)("%s reads at Fernández-Huerta 70 or higher (both readings of the formula)", (_slug, page) => {
    const { fh, fhLaw, words } = pageFernandezHuerta(page);
    expect(words).toBeGreaterThan(80);
    expect(fh, `${page.slug} measures FH ${fh.toFixed(1)}`).toBeGreaterThanOrEqual(MIN_FH);
    expect(fhLaw, `${page.slug} measures FH (Law) ${fhLaw.toFixed(1)}`).toBeGreaterThanOrEqual(MIN_FH);
  });

  it.each(pages)("%s holds no HTML and only safe links that resolve in Spanish", (_slug, page) => {
    for (const text of allText(page)) {
      expect(text, "content is plain text, never HTML").not.toMatch(/<\/?[a-z][^>]*>/i);
      for (const link of linksIn(text)) {
        expect(link.safe, `unsafe link ${link.href}`).toBe(true);
        if (!link.href.startsWith("/") && !link.href.startsWith("#")) continue;
        const [pathPart = "", anchor] = link.href.split("#");
        if (pathPart === LEARN_PATH || pathPart === CHECKLIST_PATH) {
          expect(anchor).toBeUndefined();
          continue;
        }
        const target = getLocalizedExplainerPage(pathPart.replace(`${LEARN_PATH}/`, ""), "es");
        expect(target, `${link.href} points at no page`).toBeDefined();
        if (anchor) expect(target?.sections.map((s) => s.id), `${link.href} points at no section`).toContain(anchor);
      }
      expect(plainText(text)).not.toMatch(/\]\(/);
    }
  });

  it.each(pages)("%s informs and never advises or promises", (_slug, page) => {
    const body = allText(page).map(plainText).join("\n");
    expect(body).not.toMatch(/elegib/i); // "elegible", "elegibilidad": the study team decides, not this site
    expect(body).not.toMatch(/\beligib/i);
    expect(body).not.toMatch(/\b(esto|eso|el tratamiento|la terapia) funciona\b/i);
    expect(body).not.toMatch(/\bthis works\b/i);
  });

  it.each(pages)("%s has no English sentence left in it (English record terms only in brackets)", (_slug, page) => {
    for (const text of allText(page)) {
      // English words a record uses are quoted in brackets, e.g. "Reclutando (Recruiting)".
      const outsideBrackets = plainText(text).replace(/\([^)]*\)/g, "");
      expect(outsideBrackets, text).not.toMatch(/\b(the|and|you|your|with|this|that|what|which|are|is|of|to)\b/i);
    }
  });

  it.each(pages)("%s has a review date, sections and a one-line summary", (_slug, page) => {
    expect(Date.parse(`${page.lastReviewed}T00:00:00Z`)).toBeLessThanOrEqual(Date.now() + 24 * 3600 * 1000);
    expect(page.summary).not.toMatch(/\n/);
    expect(page.title).not.toBe(english(page.slug).title);
  });
});

// The facts of ../shared/notes/explainer-facts.md, said in Spanish on the same page as in English
// (the English list is in content.test.ts).
describe("coverage of the facts in Spanish", () => {
  const text = (slug: string) => {
    const page = getLocalizedExplainerPage(slug, "es");
    if (!page) throw new Error(`no Spanish page ${slug}`);
    return allText(page).map(plainText).join("\n");
  };

  it.each([
    ["what-is-cell-therapy", [/mesenquimal/i, /reparar/i, /inflamación/i, /factores de crecimiento/i, /Mayo Clinic/, /vértebras/i]],
    ["cell-sources", [/hueso de la cadera/i, /liposucción/i, /cordón umbilical/i, /autólogas/i, /alogénicas/i, /DiscGenics/]],
    ["injection-routes", [/intradiscal/i, /espacio epidural/i, /fluoroscopia/i, /ultrasonido/i]],
    ["trial-phases", [/fase 1\/2/i, /placebo/i, /no corresponde/i]],
    ["trial-status", [/Recruiting/, /Enrolling by invitation/, /desconocido/i, /distancia/i]],
    ["candidates", [/tres meses/i, /leve o moderada/i, /terapia física/i, /inestable/i, /infección/i, /autoinmunes/i, /evitar o retrasar una cirugía/i, /equipo del estudio quien decide/i]],
    ["the-procedure", [/resonancia magnética/i, /tomografía/i, /dos a cuatro horas/, /24 a 48 horas/, /una a dos semanas/, /mismo día/, /control/i]],
    ["evidence", [/100 personas/, /12 meses/, /la mitad o más/, /tejido del cordón umbilical/, /40,7 %/, /30 de cada 100/, /26 estudios/, /Solo 7/, /27 %/, /Ninguno de los otros/, /hasta 400 personas/, /Rexlemestrocel-L/, /BRTX-100/, /DiscGenics/, /NIH HEAL/, /qué tan gastado está el disco/]],
    ["risks", [/unos pocos días/i, /moretones/i, /dolor de cabeza/i, /infección dentro del disco/i, /nervio/i, /células de donante/i]],
    ["regulation", [/no hay ningún producto de células madre aprobado/i, /enfermedad de los discos, el dolor de espalda y el dolor de cuello/i, /mismo día/i, /mínimamente manipulado/i, /al menos 18 estudios/, /Leigh Turner/]],
    ["costs-and-insurance", [/3 mil a 10 mil dólares/, /5 mil a 15 mil dólares/, /5 mil a 20 mil dólares/, /casi nunca paga/i, /HSA/, /FSA/]],
    ["other-treatments", [/Medicinas/, /Terapia física/, /esteroides/i, /Cirugía/, /menos riesgo que la cirugía/i, /pocos datos a largo plazo/i]],
    ["whats-next", [/iPSC/, /genes/i, /hidrogeles/i, /biomarcadores/i]],
    ["listing-warnings", [/dos años/i, /pagan/i, /no hay resultados/i]],
    ["choosing-a-provider", [/board certified/i, /garantías/i, /Presión/, /credenciales/i, /costo total/i, /estudios clínicos en los que podría entrar/i, /Cuántos de estos procedimientos/i]],
  ] as const)("%s states its facts", (slug, patterns) => {
    const body = text(slug);
    for (const pattern of patterns) expect(body).toMatch(pattern);
  });
});

describe("choosing an explainer by locale", () => {
  it("knows English and Spanish, and nothing else", () => {
    expect(EXPLAINER_LOCALES).toEqual(["en", "es"]);
    expect(isExplainerLocale("es")).toBe(true);
    expect(isExplainerLocale("fr")).toBe(false);
    expect(isExplainerLocale(undefined)).toBe(false);
  });

  it("returns the page in the language asked for, under the same slug", () => {
    expect(getLocalizedExplainerPage("risks", "en")?.title).toBe("Risks and side effects");
    expect(getLocalizedExplainerPage("risks", "es")?.title).toBe("Riesgos y efectos no deseados");
    expect(getLocalizedExplainerPage("no-such-page", "es")).toBeUndefined();
    expect(explainerPagesFor("es")).toBe(EXPLAINER_PAGES_ES);
  });

  it("gives previous and next in the language asked for", () => {
    const { previous, next } = localizedNeighbours("cell-sources", "es");
    expect(previous?.title).toBe("¿Qué es la terapia con células para el dolor de espalda?");
    expect(next?.slug).toBe("injection-routes");
    expect(localizedNeighbours("nope", "es")).toEqual({});
  });
});

describe("filter help and explainer links in Spanish", () => {
  it("has Spanish help for every filter group, with the same links as the English", () => {
    expect(Object.keys(FILTER_HELP_ES).sort()).toEqual(Object.keys(FILTER_HELP).sort());
    for (const [kind, help] of Object.entries(FILTER_HELP_ES)) {
      expect(help.href).toBe(FILTER_HELP[kind as keyof typeof FILTER_HELP].href);
      expect(help.text).not.toBe(FILTER_HELP[kind as keyof typeof FILTER_HELP].text);
    }
    expect(filterHelpFor("es")).toBe(FILTER_HELP_ES);
    expect(filterHelpFor("en")).toBe(FILTER_HELP);
  });

  it.each(Object.entries(FILTER_HELP_ES))("%s: one or two plain sentences at Fernández-Huerta 70 or higher", (_kind, help) => {
    const sentences = splitSentencesEs(help.text);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(fernandezHuerta(help.text), help.text).toBeGreaterThanOrEqual(MIN_FH);
    expect(fernandezHuertaLaw(help.text), help.text).toBeGreaterThanOrEqual(MIN_FH);
    expect(help.text).not.toMatch(/elegib/i);
  });

  it("labels a trial's explainer links with the Spanish section headings, same hrefs", () => {
    const c: Parameters<typeof explainerLinksFor>[0] = { therapy: ["cell-therapy"], source: ["bone-marrow"], donor: "allogeneic", route: ["intradiscal"], phase: ["1"], flags: ["stale"] };
    const es = explainerLinksForLocale(c, "es");
    expect(es.map((l) => l.href)).toEqual(explainerLinksFor(c).map((l) => l.href));
    expect(es.find((l) => l.slug === "intradiscal")?.label).toBe("En el disco (intradiscal)");
    expect(es.find((l) => l.slug === "stale")?.label).toBe("Ficha sin poner al día");
    expect(explainerLinksForLocale(c, "en").map((l) => l.label)).toEqual(explainerLinksFor(c).map((l) => l.label));
  });

  it("falls back to the overview heading of the kind for an unknown slug", () => {
    expect(explainerLabelFor("flag", "brand-new", "es")).toBe("Por qué algunas fichas llevan una alerta");
  });
});
