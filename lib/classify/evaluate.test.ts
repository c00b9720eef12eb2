import { describe, expect, it } from "vitest";
import { belowBar, formatReport, labelSchema, score, type Label } from "./evaluate";
import type { Classification } from "./schema";

const label = (over: Partial<Label>): Label => ({ nctId: "NCT00000001", record: "ctgov/studies/NCT00000001.json", therapy: ["other"], source: [], donor: null, route: [], phase: [], ...over });
const got = (over: Partial<Classification>): Classification => ({ nctId: "NCT00000001", therapy: ["other"], source: [], donor: null, route: [], phase: [], flags: [], why: {}, ...over });

describe("score", () => {
  it("computes micro precision, recall, F1 and exact match per attribute", () => {
    const report = score([
      { label: label({ nctId: "NCT00000001", therapy: ["cell-therapy", "prp"] }), got: got({ therapy: ["cell-therapy"] }) },
      { label: label({ nctId: "NCT00000002", therapy: ["cell-therapy"] }), got: got({ therapy: ["cell-therapy", "other"] }) },
    ]);
    const therapy = report.sets.find((s) => s.attribute === "therapy");
    expect(therapy).toMatchObject({ tp: 2, fp: 1, fn: 1, exact: 0 });
    expect(therapy?.precision).toBeCloseTo(2 / 3);
    expect(therapy?.recall).toBeCloseTo(2 / 3);
    expect(therapy?.f1).toBeCloseTo(2 / 3);
    expect(report.disagreements.map((d) => `${d.nctId} ${d.attribute} ${d.expected}→${d.got}`)).toEqual(["NCT00000001 therapy cell-therapy,prp→cell-therapy", "NCT00000002 therapy cell-therapy→cell-therapy,other"]);
  });

  it("scores donor as accuracy, null included", () => {
    const report = score([
      { label: label({ donor: null }), got: got({ donor: null }) },
      { label: label({ donor: "autologous" }), got: got({ donor: "mixed" }) },
    ]);
    expect(report.donor).toMatchObject({ accuracy: 0.5, correct: 1, n: 2 });
    expect(belowBar(report, 0.95)).toEqual(["donor accuracy 0.500"]);
    expect(formatReport(report)).toContain("donor       accuracy 0.500 (1/2)");
  });
});

describe("labelSchema", () => {
  it("accepts the documented format and rejects unknown slugs", () => {
    const line = { nctId: "NCT04042844", record: "ctgov/studies/NCT04042844.json", therapy: ["cell-therapy"], source: ["bone-marrow"], donor: "autologous", route: ["intradiscal"], phase: ["2"], note: "why" };
    expect(labelSchema.safeParse(line).success).toBe(true);
    expect(labelSchema.safeParse({ ...line, route: ["into-the-disc"] }).success).toBe(false);
  });
});
