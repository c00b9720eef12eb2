import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { evidence, hasResultPublication, postedResults, publications } from "./evidence";

function bundled(nctId: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(path.resolve("tests/fixtures/ctgov/studies", `${nctId}.json.gz`))).toString("utf8"));
}

describe("publications from referencesModule", () => {
  it("lists each citation with its PubMed link and whether the record marks it as reporting results, results first", () => {
    const pubs = publications(bundled("NCT01367860"));
    expect(pubs.length).toBeGreaterThan(5);
    expect(pubs[0]!.reportsResults).toBe(true);
    const withPmid = pubs.find((p) => p.pmid === "17352640")!;
    expect(withPmid.pubmedUrl).toBe("https://pubmed.ncbi.nlm.nih.gov/17352640/");
    expect(withPmid.reportsResults).toBe(false);
    expect(withPmid.kind).toBe("background");
    // The first reference has no PubMed id: no link is made up.
    expect(pubs.find((p) => p.citation.startsWith("Hijikata"))!.pubmedUrl).toBeNull();
    expect(hasResultPublication(bundled("NCT01367860"))).toBe(true);
  });

  it("a record without references has none, and a bad pmid makes no link", () => {
    expect(publications({ protocolSection: {} })).toEqual([]);
    const p = publications({ protocolSection: { referencesModule: { references: [{ citation: "X", pmid: "javascript:alert(1)", type: "RESULT" }, { nope: 1 }] } } });
    expect(p).toEqual([{ citation: "X", pmid: null, pubmedUrl: null, reportsResults: true, kind: "result" }]);
  });
});

describe("posted results from resultsSection, with the record's own numbers", () => {
  it("NCT01367860: 40 started, 40 completed, the VAS primary outcome per group with its unit, serious adverse events by group", () => {
    const r = postedResults(bundled("NCT01367860"))!;
    expect(r.started).toBe(40);
    expect(r.completed).toBe(40);
    expect(r.startedByGroup).toEqual([
      { group: "OMicro", value: "20", spread: null },
      { group: "SJet", value: "20", spread: null },
    ]);
    const vas = r.primaryOutcomes.find((o) => o.title === "VAS for Lumbar Pain in 3 Months")!;
    expect(vas.timeFrame).toBe("VAS for Lumbar Pain at 3 Months");
    expect(vas.unit).toBe("units on a scale");
    expect(vas.measure).toBe("Mean (standard deviation)");
    expect(vas.rows[0]!.values).toEqual([
      { group: "OMicro", value: "2.63", spread: "2.9" },
      { group: "SJet", value: "4.53", spread: "3.47" },
    ]);
    expect(vas.analysed.map((a) => a.value)).toEqual(["20", "20"]);
    expect(vas.analyses[0]).toContain("p-value 0.05");
    expect(r.adverseEvents).toEqual([
      { group: "OMicro", seriousAffected: 0, otherAffected: 0, deathsAffected: null, atRisk: 20 },
      { group: "SJet", seriousAffected: 0, otherAffected: 0, deathsAffected: null, atRisk: 20 },
    ]);
    // Only the primary outcomes are carried.
    expect(r.primaryOutcomes.every((o) => o.title !== "Clinical Evaluation")).toBe(true);
  });

  it("ranges given as lower/upper limits read as 'a to b'", () => {
    const r = postedResults(bundled("NCT00763412"))!;
    const bmi = r.primaryOutcomes.find((o) => o.title === "BMI")!;
    expect(bmi.rows[0]!.values[0]).toEqual({ group: "1 Placebo", value: "19.63", spread: "15.56 to 22.64" });
    expect(bmi.measure).toBe("Mean (full range)");
  });

  it("no resultsSection → null; a mangled section loses only the bad parts", () => {
    expect(postedResults(bundled("NCT00399243"))).toBeNull();
    const r = postedResults({ resultsSection: { participantFlowModule: { periods: "x" }, outcomeMeasuresModule: { outcomeMeasures: [{ type: "PRIMARY" }, { type: "PRIMARY", title: "Pain" }] } } })!;
    expect(r.started).toBeNull();
    expect(r.primaryOutcomes.map((o) => o.title)).toEqual(["Pain"]);
    expect(r.adverseEvents).toBeNull();
    expect(evidence(null)).toEqual({ publications: [], results: null });
  });
});
