import { describe, expect, it } from "vitest";
import { belowBar, confusion, formatReport, formatSplitReport, labelSchema, score, type Label } from "./evaluate";
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

describe("development / validation report", () => {
  it("counts which value was given for which, per attribute", () => {
    const c = confusion([
      { label: label({ source: ["umbilical-cord"], route: ["surgical"], donor: "allogeneic" }), got: got({ source: ["unspecified"], route: ["surgical", "intraosseous"], donor: null }) },
      { label: label({ source: ["bone-marrow"], route: ["intraosseous"], donor: "autologous" }), got: got({ source: [], route: ["surgical"], donor: "autologous" }) },
      { label: label({ therapy: ["cell-therapy"] }), got: got({ therapy: ["cell-therapy", "other"] }) },
    ]);
    expect(Object.fromEntries(c.source)).toEqual({ "umbilical-cord → unspecified": 1, "bone-marrow → —": 1 });
    expect(Object.fromEntries(c.route)).toEqual({ "— → intraosseous": 1, "intraosseous → surgical": 1 });
    expect(Object.fromEntries(c.therapy)).toEqual({ "— → other": 1 });
    expect(Object.fromEntries(c.donor)).toEqual({ "allogeneic → null": 1 });
  });

  it("prints both parts side by side and never names a validation record", () => {
    const devPairs = [{ label: label({ nctId: "NCT00000011", donor: "autologous" }), got: got({ donor: null }) }];
    const valPairs = [{ label: label({ nctId: "NCT00000022", donor: "allogeneic" }), got: got({ donor: null }) }];
    const text = formatSplitReport(score(devPairs), confusion(devPairs), { report: score(valPairs), confusion: confusion(valPairs) });
    expect(text).toMatch(/^therapy\s+1\.000 \(1\/0\/0\)\s+1\.000 \(1\/0\/0\)$/m);
    expect(text).toMatch(/^donor acc\s+0\.000 \(0\/1\)\s+0\.000 \(0\/1\)$/m);
    expect(text).toContain("allogeneic → null ×1");
    expect(text).toContain("NCT00000011");
    expect(text).not.toContain("NCT00000022");
    expect(formatSplitReport(score(devPairs), confusion(devPairs))).toContain("validation: not measured (--development-only)");
    expect(formatSplitReport(score(devPairs), confusion(devPairs), undefined, "no validation set yet")).toContain("validation: no validation set yet");
  });
});
