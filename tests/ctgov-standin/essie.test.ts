import { describe, expect, it } from "vitest";
import { StudyDoc } from "./doc";
import { EssieSyntaxError, matches, parseEssie } from "./essie";
import { stem, tokenize } from "./fields";

// A small record in the v2 shape, with text in fields of different search areas.
const study = new StudyDoc({
  protocolSection: {
    identificationModule: { nctId: "NCT01234567", briefTitle: "Stem Cells for Chronic Low-Back Pain", acronym: "DISCUS" },
    statusModule: { overallStatus: "NOT_YET_RECRUITING", startDateStruct: { date: "2024-05" }, lastUpdatePostDateStruct: { date: "2024-06-17" } },
    conditionsModule: { conditions: ["Degenerative Disc Disease", "Back Pain"], keywords: ["intradiscal"] },
    designModule: { phases: ["PHASE1", "PHASE2"] },
    armsInterventionsModule: { interventions: [{ name: "Mesenchymal precursor cells", description: "Injected into the painful disc." }] },
    descriptionModule: { briefSummary: "Tests whether cells help people whose discs hurt.", detailedDescription: "Asthma is not studied here." },
    contactsLocationsModule: { locations: [{ facility: "Joint & Spine Center", city: "Seoul", country: "Korea, Republic of" }] },
  },
});

const hit = (expr: string, area = "BasicSearch") => matches(parseEssie(expr), study, area);

describe("Essie parser", () => {
  it("gives OR the lowest precedence and ANDs neighbouring terms", () => {
    expect(parseEssie("a OR b c")).toMatchObject({ kind: "or", items: [{ kind: "term" }, { kind: "and", items: [{ kind: "term" }, { kind: "term" }] }] });
    expect(parseEssie("a AND b OR c")).toMatchObject({ kind: "or", items: [{ kind: "and" }, { kind: "term" }] });
  });

  it("makes NOT and AREA bind to the next operand only", () => {
    expect(parseEssie("bethesda NOT maryland")).toMatchObject({ kind: "and", items: [{ kind: "term" }, { kind: "not", item: { kind: "term" } }] });
    expect(parseEssie("AREA[Condition]lung cancer")).toMatchObject({ kind: "and", items: [{ kind: "area", area: "Condition" }, { kind: "term" }] });
  });

  it("keeps a quoted phrase whole and reads \\\" inside it", () => {
    expect(parseEssie('"low back pain"')).toMatchObject({ kind: "term", needle: " low back pain " });
    expect(parseEssie('"say \\"disc\\" now"')).toMatchObject({ kind: "term", text: 'say "disc" now' });
  });

  it("treats lower-case and/or/not as search words", () => {
    expect(parseEssie("cells or discs")).toMatchObject({ kind: "and", items: [{ needle: " cell " }, { needle: " or " }, { needle: " disc " }] });
  });

  it.each([
    ["(disc OR back", "missing closing parenthesis"],
    ["disc OR", "expression ends"],
    ["disc )", "unexpected )"],
    ['"open phrase', "unterminated"],
    ["", "empty"],
    ["AREA[NoSuchField]x", "unknown search area"],
    ["RANGE[2020-01-01,MAX]", "RANGE is supported on date fields only"],
    ["AREA[Condition]RANGE[2020-01-01,MAX]", "RANGE is supported on date fields only"],
    ["AREA[StartDate]RANGE[2020-13,yesterday]", "needs two dates"],
    ["EXPANSION[Concept]disc", "not supported"],
    ["disc*", "wildcards"],
  ])("rejects %j", (expr, message) => {
    expect(() => parseEssie(expr)).toThrow(EssieSyntaxError);
    expect(() => parseEssie(expr)).toThrow(message);
  });
});

describe("Essie matcher", () => {
  it("matches whole words case- and accent-insensitively, folding plurals", () => {
    expect(hit("STEM")).toBe(true);
    expect(hit("stems")).toBe(true);
    expect(hit("ste")).toBe(false);
    expect(hit("discs")).toBe(true);
    expect(hit("dîsc")).toBe(true);
    expect(stem("stenosis")).toBe("stenosis");
    expect(stem("therapies")).toBe("therapy");
    expect(tokenize("Low-Back Pain, NOT_YET_RECRUITING")).toEqual(["low", "back", "pain", "not_yet_recruiting"]);
  });

  it("needs the words of a phrase together and in order, within one value", () => {
    expect(hit('"low back pain"')).toBe(true); // "Low-Back Pain" in the title
    expect(hit('"pain back"')).toBe(false);
    expect(hit('"disease back"')).toBe(false); // end of one condition + start of the next
    expect(hit("disease back")).toBe(true); // as separate terms both occur
  });

  it("evaluates AND, OR, NOT and parentheses", () => {
    expect(hit("mesenchymal AND asthma")).toBe(false); // detailedDescription is not in BasicSearch
    expect(hit("mesenchymal OR asthma")).toBe(true);
    expect(hit("mesenchymal NOT leukemia")).toBe(true);
    expect(hit("NOT (disc OR leukemia)")).toBe(false);
    expect(hit("(leukemia OR lymphoma) AND disc")).toBe(false);
  });

  it("searches only the fields of the area a parameter names", () => {
    expect(hit("Seoul")).toBe(true); // sites are in BasicSearch
    expect(hit("Seoul", "ConditionSearch")).toBe(false);
    expect(hit("spine", "ConditionSearch")).toBe(false); // only in the facility name
    expect(hit("mesenchymal", "InterventionSearch")).toBe(true);
    expect(hit("mesenchymal", "ConditionSearch")).toBe(false);
    expect(hit("DISCUS", "TitleSearch")).toBe(true);
    expect(hit("intradiscal", "ConditionSearch")).toBe(true); // keywords are condition-searched
    expect(hit("AREA[ConditionSearch]spine OR AREA[LocationSearch]spine")).toBe(true);
    expect(hit("AREA[Phase]PHASE2 AND AREA[OverallStatus]NOT_YET_RECRUITING")).toBe(true);
    expect(hit("AREA[OverallStatus]RECRUITING")).toBe(false); // enum values stay whole words
  });

  it("compares date ranges, partial dates covering their whole month", () => {
    expect(hit("AREA[LastUpdatePostDate]RANGE[2024-06-17,MAX]")).toBe(true);
    expect(hit("AREA[LastUpdatePostDate]RANGE[2024-06-18,MAX]")).toBe(false);
    expect(hit("AREA[LastUpdatePostDate]RANGE[MIN,2024-06-17]")).toBe(true);
    expect(hit("AREA[LastUpdatePostDate]RANGE[2024-01-01, 2024-06-16]")).toBe(false);
    expect(hit("AREA[StartDate]RANGE[2024-05-20,MAX]")).toBe(true); // "2024-05" reaches 2024-05-31
    expect(hit("AREA[StartDate]RANGE[2024-06-01,MAX]")).toBe(false);
    expect(hit("AREA[StartDate]RANGE[2023,2024]")).toBe(true);
    expect(hit("AREA[CompletionDate]RANGE[MIN,MAX]")).toBe(false); // no completion date at all
  });

  it("finds missing fields", () => {
    expect(hit("AREA[CompletionDate]MISSING")).toBe(true);
    expect(hit("AREA[StartDate]MISSING")).toBe(false);
    expect(hit("AREA[Keyword]MISSING")).toBe(false);
  });
});
