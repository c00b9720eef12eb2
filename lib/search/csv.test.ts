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
});
