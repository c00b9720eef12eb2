import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";
import { sourcesIn } from "./source";
import { norm } from "./text";

const asOf = new Date("2025-01-01T00:00:00Z");
const source = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf }).source;
const inSentence = (text: string) => sourcesIn(norm(text)).map((h) => h.source);

describe("sourcesIn", () => {
  it("takes a tissue that sits next to the cells", () => {
    // NCT01429012, NCT03171194, NCT04520945
    expect(inSentence("MSCs isolated from the patient's bone marrow and injected in the nonunion site")).toEqual(["bone-marrow"]);
    expect(inSentence("The MSCs used in this trial are cells that are obtained from the umbilical cords of healthy donors")).toEqual(["umbilical-cord"]);
    expect(inSentence("Mesenchymal stem cell-derived from umbilical cord Wharton Jelly and hyaluronic acid")).toEqual(["umbilical-cord"]);
  });

  it("does not take a bone marrow that is examined rather than given", () => {
    expect(inSentence("A bone marrow biopsy will be performed to assess the MSC engraftment.")).toEqual([]);
    // NCT00752479
    expect(inSentence("ex-vivo T-cell functional tests from samples of peripheral blood in recipients given MSC infusion")).toEqual([]);
  });

  it("counts a cell type as its own source only when it is the product", () => {
    // NCT01399749: chondrocytes are given; NCT00752479: T cells are what the MSCs act on
    expect(inSentence("Implantation of autologous ASC or chondrocytes, 1 million per cm² lesion")).toEqual(["disc-or-cartilage"]);
    expect(inSentence("MSC inhibit naive T cells and lock dendritic cells into a semi-mature state")).toEqual([]);
  });
});

describe("source", () => {
  it("reads the intervention, then titles, then known products, else says unspecified", () => {
    // NCT02351011
    expect(source({ interventions: [{ name: "1 x 10^6 MSCs", description: "Autologous, bone-marrow derived MSCs" }] })).toEqual(["bone-marrow"]);
    // NCT04240873: the title names the tissue
    expect(source({ briefTitle: "Clinical Study of Intra Articular Injection of Catholic MASTER Cell (Bone Marrow Derived Mesenchymal Stem Cell) in Knee Osteoarthritis", interventions: [{ name: "Catholic MASTER cell", description: "Injection of CATHOLIC MASTER cells 1 x 10^8 cells/DMEM 5cc into knee" }] })).toEqual(["bone-marrow"]);
    // NCT06325566: only the product name is given
    expect(source({ interventions: [{ type: "DRUG", name: "Rexlemestrocel-L + HA mixture", description: "Rexlemestrocel-L will be combined in 1:1 by-volume ratio with HA solution" }] })).toEqual(["bone-marrow"]);
    // NCT01730547
    expect(source({ interventions: [{ name: "Autologous mesenchymal stem cells" }] })).toEqual(["unspecified"]);
  });

  it("ignores textbook sentences that list every possible source", () => {
    // NCT02241018
    expect(
      source({
        detailedDescription:
          "Mesenchymal stromal cells (MSCs) are a form of multipotent adult stem cells that can be isolated from many tissues, such as bone marrow (BM), adipose tissue and umbilical cord. In the present study, the investigators will prospectively evaluate the efficacy and safety of ex-vivo-expanded BM-derived MSCs from third-party donors.",
        interventions: [{ name: "MSCs" }],
      }),
    ).toEqual(["bone-marrow"]);
  });

  it("skips description sentences that are not about this study", () => {
    // NCT04222140: a literature aside about chondrocytes
    expect(
      source({
        detailedDescription: "It is now known that PRP has various influences on MSCs when combined with MSC treatment including increased proliferation rate of chondrocytes.",
        interventions: [{ name: "BMAC Only", description: "BMAC treatment only" }],
      }),
    ).toEqual(["bone-marrow"]);
  });

  it("drops what the control arm also receives: islets given to everyone are not the MSCs' source", () => {
    // NCT02384018
    expect(
      source({
        briefTitle: "A Phase I Study Evaluating Safety and Tolerability of Autologous Bone Marrow-derived Mesenchymal Stromal Cells in Chronic Pancreatitis Patients Who Undergo Total Pancreatectomy and Islet Autotransplantation.",
        interventions: [{ name: "autologous mesenchymal stromal cell", description: "Islet transplantation patients will receive autologous MSCs following islets infusion" }],
        arms: [
          { label: "Control", type: "NO_INTERVENTION", description: "Patients will receive standard islet transplantation." },
          { label: "autologous mesenchymal stromal cell", type: "EXPERIMENTAL", description: "Patients will receive MSCs together with standard islet transplantation.", interventionNames: ["Biological: autologous mesenchymal stromal cell"] },
        ],
      }),
    ).toEqual(["bone-marrow"]);
  });

  it("does not count an amniotic membrane that only carries the cells", () => {
    // NCT01562002
    expect(source({ interventions: [{ type: "PROCEDURE", name: "Stem Cell with Amniotic Membrane Transplant", description: "Allogenic Bone Marrow mesenchymal stem cell in amniotic membrane transplant" }] })).toEqual(["bone-marrow"]);
  });

  it("is empty when no cells are given", () => {
    expect(source({ interventions: [{ name: "Platelet Rich Plasma", description: "Approximately 5mL of intraarticular PRP" }] })).toEqual([]);
  });
});
