import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvCell, csvRow, trialCsvRow } from "./csv";
import type { ExportedTrial } from "./data";

describe("csv", () => {
  it("quotes separators and quotes, and defuses formulas", () => {
    expect(csvCell('Stem cells, "MSC"')).toBe('"Stem cells, ""MSC"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvRow(["a", 1.5, null])).toBe("a,1.5,\r\n");
  });

  it("defuses formulas hidden behind leading spaces, tabs or line breaks, and in fullwidth or small forms", () => {
    for (const hostile of [" =1+1", "   +cmd|' /C calc'!A0", "\t=1", "\r=1", "\n=1", "＝HYPERLINK(\"http://x\")", "　＝1", "＋1", "－1", "＠SUM(A1)", "﹦1", "\u00a0@x", "-2+3"]) {
      const cell = csvCell(hostile);
      expect(cell.replace(/^"/, ""), JSON.stringify(hostile)).toMatch(/^'/);
    }
    for (const fine of ["Stem cells", "MSC = mesenchymal", "a-b", "(1) +", "e-mail@x"]) expect(csvCell(fine)).not.toMatch(/^"?'/);
  });

  it("a trial's row has a cell under every header, results as yes/no, the first-posted date and the publication count", () => {
    const trial: ExportedTrial = {
      nctId: "NCT01367860",
      title: "=cmd|' /C calc'!A0",
      status: "completed",
      phase: ["1", "2"],
      therapy: ["cell-therapy"],
      source: ["bone-marrow"],
      donor: "autologous",
      route: ["intradiscal"],
      flags: [],
      nearestSite: null,
      sponsor: "@Sponsor",
      lastUpdated: "2017-06-05",
      startDate: "2011-05",
      resultsPosted: true,
      resultsPublished: false,
      resultsFirstPosted: "2017-06",
      resultPublications: 0,
    };
    const cells = trialCsvRow(trial).replace(/\r\n$/, "").split(",");
    expect(cells).toHaveLength(CSV_HEADER.length);
    const at = (h: (typeof CSV_HEADER)[number]) => cells[CSV_HEADER.indexOf(h)];
    expect([at("results_posted"), at("results_first_posted"), at("results_published"), at("result_publications")]).toEqual(["yes", "2017-06", "no", "0"]);
    expect(at("title")).toBe("'=cmd|' /C calc'!A0");
    expect(at("sponsor")).toBe("'@Sponsor");
    expect(at("url")).toBe("https://clinicaltrials.gov/study/NCT01367860");
    const published = trialCsvRow({ ...trial, resultsPosted: false, resultsPublished: true, resultsFirstPosted: null, resultPublications: 2 }).split(",");
    expect([published[CSV_HEADER.indexOf("results_posted")], published[CSV_HEADER.indexOf("results_first_posted")], published[CSV_HEADER.indexOf("results_published")], published[CSV_HEADER.indexOf("result_publications")]]).toEqual(["no", "", "yes", "2"]);
  });
});
