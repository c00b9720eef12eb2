import { describe, expect, it } from "vitest";
import { norm } from "./text";
import { termsIn, type TermKind } from "./terms";

const kinds = (text: string): TermKind[] => [...new Set(termsIn(norm(text)).filter((t) => !t.anaphor).map((t) => t.kind))].sort();

describe("termsIn", () => {
  it("finds cell products in real intervention text", () => {
    // NCT04042844 (BRTX-100), NCT01300598, NCT03410355, NCT04340284, NCT03866330
    expect(kinds("Hypoxic cultured mesenchymal stem cells (MSCs) from autologous bone marrow with autologous platelet lysate.")).toEqual(["cell", "prp"]);
    expect(kinds("Intra-articular infusion of Autologous Adipose Derived Mesenchymal Stem Cells.")).toEqual(["cell"]);
    expect(kinds("obtaining approximately 3 cm3 of autologous bone marrow-mesenchymal stem cells concentrate")).toEqual(["cell"]);
    expect(kinds("autologous adipose tissue derived stromal vascular fraction (SVF)")).toEqual(["cell"]);
    expect(kinds("Intraarticular injection of WJMSC")).toEqual(["cell"]);
  });

  it("finds platelet and acellular products", () => {
    // NCT05287867, NCT04849429, NCT03113786, NCT06462729
    expect(kinds("Platelet-rich plasma (PRP), Platelet lysate (PL), and Platelet Poor Plasma (PPP)")).toEqual(["prp"]);
    expect(kinds("Autologous Platelet rich plasma (PRP) with exosomes")).toEqual(["acellular", "prp"]);
    expect(kinds("processed and cryopreserved human amniotic membrane tissue")).toEqual(["acellular"]);
    expect(kinds("LDGraft 0.5mg/cc rhBMP-2 applied within intervertebral cage")).toEqual(["acellular"]);
  });

  it("does not read a cell-derived product as cells", () => {
    // NCT04315025: the conditioned-medium arm; NCT02943486: "dac-MSCs ... Cell-free therapy"
    expect(kinds("a total 2 ml volume of Conditioned Medium derived Umbilical Cord Mesenchymal Stem Cell will be injected by peribulbar")).toEqual(["acellular"]);
    expect(kinds("MSC-derived exosomes")).toEqual(["acellular"]);
  });

  it("drops negated mentions", () => {
    // NCT01429012 placebo: "Culture medium without MSC."
    expect(kinds("Culture medium without MSC.")).toEqual([]);
  });

  it("tells a blood stem cell transplant from a mesenchymal cell transplant", () => {
    // NCT04747912: "Allogenic Stem Cell Transplantation"; NCT02574572: "Autologous mesenchymal cells transplantation"
    expect(kinds("Allogenic Stem Cell Transplantation")).toEqual(["hsct"]);
    expect(kinds("haplotype peripheral blood stem cell transplantation (PBSCT)")).toEqual(["hsct"]);
    expect(kinds("Mesenchymal stem cells transplantation")).toEqual(["cell"]);
  });

  it("ignores cells that are only the subject of a drug's mechanism or a device's name", () => {
    // NCT03974217 (decitabine), NCT00752479, NCT05023733 ("Cellular Titanium")
    expect(kinds("helps to support normal cell production in the bone marrow")).toEqual([]);
    expect(kinds("ex-vivo T-cell functional tests from samples of peripheral blood")).toEqual([]);
    expect(kinds("3D Printed Cellular Implant")).toEqual([]);
  });

  it("recognises engineered immune cells and INN cell-therapy names", () => {
    // NCT05942599, NCT02650414
    expect(kinds("Single-dose intravenous infusion of a banded dose of CAR33+ T cells/kg")).toEqual(["cell"]);
    expect(kinds("CART22 cells transduced with a lentiviral vector")).toEqual(["cell"]);
    expect(kinds("Rexlemestrocel-L injection")).toEqual(["cell"]);
  });

  it("marks 'the cells' as an anaphor that never decides a therapy", () => {
    // NCT00250302: "The cells will be isolated from the patient's bone marrow"
    const terms = termsIn(norm("The cells will be isolated from the patient's bone marrow."));
    expect(terms).toHaveLength(1);
    expect(terms[0]?.anaphor).toBe(true);
  });
});
