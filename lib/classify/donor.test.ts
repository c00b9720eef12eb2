import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";

const asOf = new Date("2025-01-01T00:00:00Z");
const donor = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf }).donor;

describe("donor", () => {
  it("reads the word that describes the cells, not their carrier", () => {
    // NCT02230514: autologous cells on allogeneic bone
    expect(donor({ interventions: [{ type: "DRUG", name: "XCEL-MT-OSTEO-ALPHA", description: '"ex-vivo" expanded autologous mesenchymal stromal cells fixed in allogenic bone tissue in association with open surgery' }] })).toBe("autologous");
    // NCT03166865: allogeneic cells in (autologous) platelet-rich plasma
    expect(donor({ interventions: [{ name: "Umbilical-cord mesenchymal stromal cells (UC-MSCs)", description: "Allogeneic UC-MSCs 1 x 10~7 diluted on 5 mL of autologous Platelet Rich Plasma" }] })).toBe("allogeneic");
  });

  it("reads recipient-derived and transplanted-back cells as the patient's own", () => {
    // NCT00752479, NCT01504464
    expect(donor({ briefSummary: "In kidney transplant recipients given or not syngeneic (from the recipient) MSC infusion.", interventions: [{ name: "Mesenchymal stem cells infusion" }] })).toBe("autologous");
    expect(donor({ detailedDescription: "Mesenchymal stem cells will be isolated from bone marrow, cultured and transplanted back to the knee joint.", interventions: [{ name: "mesenchymal stem cell" }] })).toBe("autologous");
  });

  it("is mixed when own and donor cells are both given", () => {
    // NCT02483364: two products under one intervention
    expect(donor({ interventions: [{ type: "OTHER", name: "HC-SVT-1001(initial protocol); HC-SVT-1002 (protocol amendment)", description: "A single application in the context of a single surgical intervention." }] })).toBe("mixed");
  });

  it("is mixed when one product combines the patient's cartilage cells with donor MSCs", () => {
    // NCT03672825 (RECLAIM)
    expect(donor({ interventions: [{ type: "DRUG", name: "REcycled CartiLage Auto/Allo IMplantation", description: "Treating cartilage defects with autologous (your own) cartilage cells mixed with allogeneic (from someone else) adipose-derived mesenchymal stem cells (AMSCs)." }] })).toBe("mixed");
  });

  it("falls back to the nature of the source: cord cells come from donors, bone marrow concentrate from the patient", () => {
    // NCT01610440, NCT03790189
    expect(donor({ interventions: [{ name: "human umbilical cord mesenchymal stem cells" }] })).toBe("allogeneic");
    expect(donor({ interventions: [{ name: "Subchondral and intra-articular injection of BMC", description: "Bone Marrow concentrate will be injected intra-articularly" }] })).toBe("autologous");
  });

  it("ignores statements about another product in the description", () => {
    // NCT02291926: UC-MSCs studied; the description dismisses autologous chondrocyte implantation
    expect(
      donor({
        detailedDescription: "However the concept of autologous chondrocyte implantation is not ideal, so the focus in cartilage repair is shifting toward mesenchymal stem cells.",
        interventions: [{ name: "Human umbilical cord mesenchymal stem cells", description: "A single dose of 2×107 hUC-MSC will be implanted to patients by intra-articular injection" }],
      }),
    ).toBe("allogeneic");
  });

  it("is null when the record does not say and no product does", () => {
    // NCT06053242 (CELZ-201-DDT), NCT04240873 (bone-marrow MSCs, donor unstated)
    expect(donor({ interventions: [{ type: "DRUG", name: "CELZ-201-DDT", description: "Subjects will receive CELZ-201-DDT at the specified dose" }], arms: [{ label: "Low Dose", type: "EXPERIMENTAL", description: "a single administration of either 6x10^6 cells", interventionNames: ["Drug: CELZ-201-DDT"] }] })).toBeNull();
    expect(donor({ interventions: [{ name: "Catholic MASTER cell", description: "bone marrow derived mesenchymal stem cell" }] })).toBeNull();
    expect(donor({ interventions: [{ name: "Platelet Rich Plasma", description: "autologous PRP" }] })).toBeNull();
  });
});
