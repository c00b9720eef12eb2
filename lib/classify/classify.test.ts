import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { asOfFor } from "./input";

// Whole real records, from the copies bundled with the repository (tests/fixtures/ctgov).
function record(file: string): unknown {
  return JSON.parse(gunzipSync(readFileSync(path.resolve(__dirname, "../../tests/fixtures/ctgov", `${file}.json.gz`))).toString("utf8"));
}
function classify(file: string) {
  const raw = record(file);
  return classifyStudy(raw, { asOf: asOfFor(raw, new Date()) });
}

describe("classifyStudy on whole records", () => {
  it("BRTX-100 (NCT04042844): autologous bone-marrow MSCs, intradiscal, saline control ignored", () => {
    const c = classify("studies/NCT04042844");
    expect(c).toMatchObject({ nctId: "NCT04042844", therapy: ["cell-therapy"], source: ["bone-marrow"], donor: "autologous", route: ["intradiscal"], phase: ["2"], flags: [] });
    expect(c.why.therapy).toContain("intervention 'Saline' is a placebo/sham/control: ignored");
  });

  it("rexlemestrocel-L (NCT06325566): the known product supplies the source and donor", () => {
    const c = classify("studies/NCT06325566");
    expect(c).toMatchObject({ therapy: ["cell-therapy"], source: ["bone-marrow"], donor: "allogeneic", route: ["intradiscal"], phase: ["3"] });
    expect(c.why.source?.join(" ")).toContain("known product 'rexlemestrocel-l'");
  });

  it("platelet injections around the spine (NCT05287867): prp, three routes, no cells", () => {
    expect(classify("studies/NCT05287867")).toMatchObject({ therapy: ["prp"], source: [], donor: null, route: ["epidural", "facet-or-joint", "soft-tissue"] });
  });

  it("a transplant every arm gets is background (NCT06058572); a CAR T product is a cell therapy (NCT05942599)", () => {
    expect(classify("studies/NCT06058572")).toMatchObject({ therapy: ["other"], source: [], donor: null, route: [] });
    expect(classify("studies/NCT05942599")).toMatchObject({ therapy: ["cell-therapy"], source: ["peripheral-blood"], donor: "allogeneic", route: ["intravenous"] });
  });

  it("a v1-converted record (NCT01676441): MSCs injected at laminectomy are surgical", () => {
    expect(classify("v1-converted/NCT01676441")).toMatchObject({ therapy: ["cell-therapy"], source: ["bone-marrow"], donor: "autologous", route: ["surgical"], phase: ["2", "3"] });
  });

  it("explains every attribute and every flag it returns", () => {
    const c = classify("studies/NCT04547049");
    for (const key of ["therapy", "source", "donor", "route", "phase", ...c.flags]) expect(c.why[key], key).toBeDefined();
    expect(c.why.therapy?.length).toBeGreaterThan(0);
  });

  it("is pure: the same input gives the same answer", () => {
    const raw = record("studies/NCT04042844");
    const asOf = new Date("2024-11-08T00:00:00Z");
    expect(classifyStudy(raw, { asOf })).toEqual(classifyStudy(structuredClone(raw), { asOf }));
  });
});

describe("classifyStudy on incomplete input", () => {
  it("never throws on missing modules or odd values", () => {
    const asOf = new Date("2024-01-01T00:00:00Z");
    for (const raw of [undefined, null, 42, "x", [], {}, { protocolSection: null }, { protocolSection: { armsInterventionsModule: { interventions: [null, { name: 7 }] } } }]) {
      const c = classifyStudy(raw, { asOf });
      expect(c.therapy).toEqual(["other"]);
      expect(c.route).toEqual([]);
    }
    expect(classifyStudy({ protocolSection: { identificationModule: { nctId: "NCT00000001" } } }, { asOf }).nctId).toBe("NCT00000001");
  });
});
