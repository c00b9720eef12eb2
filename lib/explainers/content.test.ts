import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { linksIn, plainText } from "./inline";
import { CHECKLIST_PATH, EXPLAINER_PAGES, LEARN_PATH, getExplainerPage } from "./pages";
import { pageGrade } from "./readability";
import { explainerPageSchema, type ExplainerPage } from "./schema";

const MAX_GRADE = 8;
const pages = EXPLAINER_PAGES.map((p) => [p.slug, p] as const);

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

describe("explainer pages", () => {
  it("are all listed in pages.ts, once each", () => {
    const files = readdirSync(path.join(__dirname, "pages")).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
    expect(EXPLAINER_PAGES).toHaveLength(files.length);
    expect(new Set(EXPLAINER_PAGES.map((p) => p.slug)).size).toBe(EXPLAINER_PAGES.length);
    // Each page lives in the file named after its slug, so a reviewer can find it.
    expect(EXPLAINER_PAGES.map((p) => `${p.slug}.ts`).sort()).toEqual(files.sort());
  });

  it("do not use a slug that a fixed /learn route owns", () => {
    expect(EXPLAINER_PAGES.map((p) => p.slug)).not.toContain(CHECKLIST_PATH.split("/").pop());
  });

  it.each(pages)("%s matches the content schema", (_slug, page) => {
    expect(() => explainerPageSchema.parse(page)).not.toThrow();
  });

  it.each(pages)("%s reads at US grade 8 or lower (Flesch–Kincaid)", (_slug, page) => {
    const { grade, words } = pageGrade(page);
    expect(words).toBeGreaterThan(80);
    expect(grade, `${page.slug} measures grade ${grade.toFixed(1)}`).toBeLessThanOrEqual(MAX_GRADE);
  });

  it.each(pages)("%s names at least one source with an http(s) link", (_slug, page) => {
    expect(page.sources.length).toBeGreaterThan(0);
    for (const source of page.sources) {
      expect(source.name.trim()).not.toBe("");
      expect(source.url).toMatch(/^https?:\/\/[^/\s]+\.[a-z]{2,}/);
    }
  });

  it.each(pages)("%s has a past review date and sections", (_slug, page) => {
    expect(page.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Date.parse(`${page.lastReviewed}T00:00:00Z`)).toBeLessThanOrEqual(Date.now() + 24 * 3600 * 1000);
    expect(page.sections.length).toBeGreaterThan(0);
    expect(page.summary).not.toMatch(/\n/);
  });

  it.each(pages)("%s has unique section ids and headings in order (h2 before any h3)", (_slug, page) => {
    const ids = page.sections.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.sections[0]?.level ?? 2).toBe(2);
    // Ids the page template uses for its own headings.
    for (const reserved of ["main", "sources", "on-this-page"]) expect(ids).not.toContain(reserved);
  });

  it.each(pages)("%s holds no HTML and only safe links that resolve", (_slug, page) => {
    for (const text of allText(page)) {
      expect(text, "content is plain text, never HTML").not.toMatch(/<\/?[a-z][^>]*>/i);
      for (const link of linksIn(text)) {
        expect(link.safe, `unsafe link ${link.href}`).toBe(true);
        if (!link.href.startsWith("/") && !link.href.startsWith("#")) continue;
        const [pathPart = "", anchor] = link.href.split("#");
        if (pathPart === "" ) {
          expect(page.sections.map((s) => s.id)).toContain(anchor);
          continue;
        }
        if (pathPart === LEARN_PATH || pathPart === CHECKLIST_PATH) {
          expect(anchor, `${link.href}: fixed pages have no anchors`).toBeUndefined();
          continue;
        }
        const target = getExplainerPage(pathPart.replace(`${LEARN_PATH}/`, ""));
        expect(target, `${link.href} points at no page`).toBeDefined();
        if (anchor) expect(target?.sections.map((s) => s.id), `${link.href} points at no section`).toContain(anchor);
      }
      // Link markup that failed to parse would show brackets to the reader.
      expect(plainText(text)).not.toMatch(/\]\(/);
    }
  });
});

// Every topic the issue lists has a page; every fact in ../shared/notes/explainer-facts.md is said
// somewhere (in our own words). A reviewer who rewrites a page keeps these facts or updates this list.
describe("coverage of the topics and facts", () => {
  const text = (slug: string) => {
    const page = getExplainerPage(slug);
    if (!page) throw new Error(`no page ${slug}`);
    return allText(page).map(plainText).join("\n");
  };

  it.each([
    ["what-is-cell-therapy", [/mesenchymal stem cell/i, /repair/i, /inflammation/i, /growth factors/i, /Mayo Clinic/, /vertebrae/i]],
    ["cell-sources", [/hip bone/i, /liposuction/i, /umbilical cord/i, /autologous/i, /allogeneic/i, /DiscGenics/]],
    ["injection-routes", [/intradiscal/i, /epidural space/i, /fluoroscopy/i, /ultrasound/i]],
    ["trial-phases", [/Phase 1\/2/, /placebo/i, /not applicable/i]],
    ["trial-status", [/Recruiting/, /Enrolling by invitation/, /Unknown status/i, /distance/i]],
    ["candidates", [/three months/i, /mildly or moderately/i, /physical therapy/i, /unstable/i, /infection/i, /autoimmune/i, /avoid or put off surgery/i]],
    ["the-procedure", [/MRI or a CT scan/, /two to four hours/, /24 to 48 hours/, /one to two weeks/, /same day/, /follow-up/i]],
    ["evidence", [/100 people/, /12 months/, /half or more/, /umbilical cord tissue/, /40\.7%/, /30 in 100/, /26 listed trials/, /Only 7/, /27%/, /None of the others/, /up to 400 people/, /Rexlemestrocel-L/, /BRTX-100/, /DiscGenics/, /NIH HEAL/, /how worn the disc is/]],
    ["risks", [/few days/i, /bruising/i, /headache/i, /infection inside the disc/i, /nerve/i, /donor cells/i]],
    ["regulation", [/no stem cell product is approved/i, /disc disease, back pain and neck pain/i, /same day/i, /minimally manipulated/i, /at least 18 studies/, /Leigh Turner/]],
    ["costs-and-insurance", [/\$3,000 to \$10,000/, /\$5,000 to \$15,000/, /\$5,000 to \$20,000/, /rarely pays/i, /HSA/, /FSA/]],
    ["other-treatments", [/Medicines/, /Physical therapy/, /Epidural steroid/i, /Surgery/, /less risk than surgery/i, /little long-term data/i]],
    ["whats-next", [/iPSCs/, /genes/i, /hydrogels/i, /biomarkers/i]],
    ["listing-warnings", [/two years/i, /pay/i, /no results/i]],
    ["choosing-a-provider", [/board certified/i, /guarantees/i, /Pressure/, /credentials/i, /total cost/i, /clinical trials I could join/i, /How many of these procedures/i]],
  ] as const)("%s states its facts", (slug, patterns) => {
    const body = text(slug);
    for (const pattern of patterns) expect(body).toMatch(pattern);
  });
});
