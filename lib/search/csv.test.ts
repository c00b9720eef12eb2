import { describe, expect, it } from "vitest";
import { csvCell, csvRow } from "./csv";

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
});
