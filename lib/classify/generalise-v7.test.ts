import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";
import type { Classification } from "./schema";

// Classifier version 7 (issue 14): kinds of miss read from the development labels (fresh-1 .. fresh-4,
// fresh-4 measured once before it became development). Each case quotes the record's own phrase (NCT id
// in the comment) and states the kind in general terms; the rule is written for the kind, and a
// before/after run over every bundled record was read change by change.

const asOf = new Date("2025-01-01T00:00:00Z");
const classify = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf });

type Case = { name: string; study: FakeStudy; expected: Partial<Classification> };
const classifiedAs = ({ study, expected }: Case) => expect(classify(study)).toMatchObject(expected);

describe("cells placed during an operation are surgical; a needle into bone is also intraosseous", () => {
  it.each<Case>([
    {
      // NCT03672825
      name: "'suspended in fibrin glue for application to the debrided osteochondral defect' in 'one stage surgery' → surgical",
      study: {
        briefTitle: "REcycled CartiLage Auto/Allo IMplantation",
        briefSummary:
          "This is an FDA phase I study to evaluate the safety of allogeneic culture-expanded adipose-derived mesenchymal stem cells (AMSCs) combined with autologous cartilage cells to treat focal knee cartilage defects in one stage surgery.",
        interventions: [{ type: "DRUG", name: "REcycled CartiLage Auto/Allo IMplantation", description: "Treating cartilage defects with autologous (your own) cartilage cells mixed with allogeneic (from someone else) adipose-derived mesenchymal stem cells (AMSCs)." }],
      },
      expected: { route: ["surgical"] },
    },
    {
      // NCT03672825, the detailed description alone
      name: "a noun for placing the cells into a defect: 'for application to the debrided osteochondral defect' → surgical",
      study: {
        briefTitle: "Cartilage cells and MSCs for knee cartilage defects",
        interventions: [{ name: "Chondrons and AMSCs", description: "Autologous chondrons will be mixed in a 1:4 ratio with allogeneic AMSCs obtained from AMSC banks and suspended in fibrin glue for application to the debrided osteochondral defect." }],
      },
      expected: { route: ["surgical"] },
    },
    {
      // NCT02745366
      name: "cells 'Loaded on Allograft' (a carrier that an operation puts in place) → surgical",
      study: {
        briefTitle: "Buccal Fat Pad Derived Stem Cells With Cortical Tenting in Posterior Mandible Reconstruction",
        officialTitle: "The Effect of Buccal Fat Pad Derived Mesenchymal Stem Cells Loaded on Allograft and Platelet-rich Plasma in Posterior Mandible Augmentation",
        interventions: [{ type: "PROCEDURE", name: "BFPSC+FDBA+PRF" }],
        arms: [{ label: "BFPSC+", type: "EXPERIMENTAL", description: "The combination of BFPSC+FDBA+PRF is utilized in cortical tenting technique.", interventionNames: ["Procedure: BFPSC+FDBA+PRF"] }],
      },
      expected: { therapy: ["cell-therapy"], source: ["adipose"], route: ["surgical"] },
    },
    {
      // NCT00221130
      name: "the intervention is the operation itself: 'surgical operation of cell transplantation' → surgical",
      study: {
        briefTitle: "Clinical Trial of Regenerative Periodontal Tissue by Transplanting Mesenchymal Stem Cells and Osteoblast Cells",
        interventions: [{ type: "PROCEDURE", name: "surgical operation of cell transplantation" }],
      },
      expected: { route: ["surgical"] },
    },
    {
      // NCT02484950
      name: "during an arthroscopic repair, '3 mL will be injected in the bone at the site of the surgical footprint' → intraosseous + surgical",
      study: {
        briefTitle: "Mesenchymal Stem Cell Augmentation in Patients Undergoing Arthroscopic Rotator Cuff Repair",
        interventions: [
          {
            name: "Mesenchymal stem cell augmentation in rotator cuff repair",
            description: "Patients undergoing mesenchymal stem cell augmentation will receive a total injection of 6 milliliters (mL). Of this, 3 mL will be injected in the tendon at the junction between bone and tendon, while 3 mL will be injected in the bone at the site of the surgical footprint.",
          },
        ],
      },
      expected: { route: ["intraosseous", "surgical"] },
    },
    {
      // NCT02291926: the title's "transplantation in articular cartilage defect" describes an intra-articular injection
      name: "'transplantation' alone names no operation: 'Intra-articular injection' stays facet-or-joint",
      study: {
        briefTitle: "Human Umbilical Cord Mesenchymal Stem Cells Transplantation in Articular Cartilage Defect",
        interventions: [{ name: "Human umbilical cord mesenchymal stem cells", description: "Intra-articular injection of hUC-MSCs, once a month for 4 months." }],
      },
      expected: { route: ["facet-or-joint"] },
    },
    {
      name: "'injected into the bone marrow' is not a needle into bone (marrow transplant wording), and a 'bone defect' filled is surgical only",
      study: {
        briefTitle: "Mesenchymal stem cells for a tibial bone defect",
        interventions: [{ name: "MSC on scaffold", description: "The cells are seeded onto a scaffold and placed into the bone defect." }],
      },
      expected: { route: ["surgical"] },
    },
  ])("$name", classifiedAs);
});

describe("cells put on the skin or a wound are topical (other)", () => {
  it.each<Case>([
    {
      // NCT04464213
      name: "'paint the Human placental mesenchymal stem cells gel on the wound' → other",
      study: {
        briefTitle: "Human Placental Mesenchymal Stem Cells Treatment on Diabetic Foot Ulcer",
        interventions: [{ type: "OTHER", name: "Single dose experiments", description: "In single dose experiments, after clean the diabetic foot ulcer, paint the Human placental mesenchymal stem cells gel on the wound, each patient only receive treatment once time." }],
      },
      expected: { route: ["other"] },
    },
    {
      // NCT02772289
      name: "'receive transdermal one dose of 1*10^6 cells of Perinatal Tissue Mesenchyme Stem Cells in the gel' → other",
      study: {
        briefTitle: "Perinatal Tissue Mesenchyme Stem Cells in the Treatment for Caesarean Section Scars",
        interventions: [{ name: "Mesenchyme Stem Cells high-dose group", description: "Participants will receive transdermal one dose of 1*10^6 cells of Perinatal Tissue Mesenchyme Stem Cells in the gel once a day for continuous six days." }],
      },
      expected: { route: ["other"] },
    },
    {
      name: "wound healing as an outcome is not a route: 'improve wound healing' after an intravenous infusion stays intravenous",
      study: {
        briefTitle: "MSC infusion for burns",
        interventions: [{ name: "Mesenchymal stem cells", description: "A single intravenous infusion of mesenchymal stem cells to improve wound healing." }],
      },
      expected: { route: ["intravenous"] },
    },
  ])("$name", classifiedAs);
});

describe("a protocol sentence is not background because it says how the cells are made", () => {
  it("NCT00420134: 'these cells will be differentiated to progenitor of hepatocytes, finally, the investigators injected these cells into portal vein' → other", () => {
    const c = classify({
      briefTitle: "Improvement of Liver Function in Liver Cirrhosis Patients After Autologous Mesenchymal Stem Cell Injection",
      briefSummary:
        "In this study the investigators try to separate mesenchymal stem cell from end stage liver disease, then these cells will be differentiated to progenitor of hepatocytes, finally , the investigators injected these cells into portal vein under ultrasound guide.",
      interventions: [{ type: "PROCEDURE", name: "injection of progenitor of hepatocyte drived from Mesenchymal stem cell" }],
    });
    expect(c.route).toEqual(["other"]);
  });

  it("general statements stay background: 'MSCs can differentiate into osteoblasts' gives no source", () => {
    const c = classify({
      briefTitle: "Mesenchymal stem cells for osteoporosis",
      briefSummary: "Mesenchymal stem cells are able to differentiate into osteoblasts and chondrocytes. Patients will receive an intravenous infusion of mesenchymal stem cells.",
      interventions: [{ name: "Mesenchymal stem cells" }],
    });
    expect(c.source).toEqual(["unspecified"]);
  });
});

describe("a tissue named as a destination or a cell type made from the cells names no source", () => {
  it.each<Case>([
    {
      // NCT00221130
      name: "'osteoblast-like cells differentiated from mesenchymal stem cells': the osteoblasts in the title are no other tissue",
      study: {
        officialTitle: "Clinical Trial of Regenerative Periodontal Tissue by Transplanting Mesenchymal Stem Cells and Osteoblast Cells",
        briefSummary:
          "This study will test the safety and efficacy of alveolous bone reproduction by the transplantation of mixture named periodontium injectable gel. Injectable gel is the mixture of ex-vivo cultured mesenchymal stem stem cells, ex-vivo cultured osteoblast-like cells differentiated from mesenchymal stem cells and scaffold (include, platelet rich plasma, human thrombin and calcium chloride).",
        interventions: [{ type: "PROCEDURE", name: "surgical operation of cell transplantation" }],
      },
      expected: { therapy: ["cell-therapy"], source: ["unspecified"] },
    },
    {
      // NCT03506802
      name: "'makes room in the patient's bone marrow for new blood cells' is where the cells go, not a marrow source",
      study: {
        briefTitle: "TCR Genetically Engineered PBMC and PBSC After Melphalan Conditioning Regimen",
        briefSummary:
          "This phase I trial studies the side effects of NY-ESO-1 TCR engineered peripheral blood mononuclear cells (PBMC) and peripheral blood stem cells (PBSC) after melphalan conditioning regimen. The melphalan conditioning chemotherapy makes room in the patient's bone marrow for new blood cells (PBMC) and blood-forming cells (stem cells) to grow.",
        interventions: [{ name: "Cellular Therapy", description: "LV-NYESO TCR /sr39TK PBSC and RV-NYESO TCR PBMC given IV" }],
      },
      expected: { source: ["peripheral-blood"] },
    },
    {
      // NCT03103295
      name: "'periosteal progenitor cells (PPCs)' in the arm description → other-tissue beside marrow and blood",
      study: {
        briefTitle: "3D Tissue Engineered Bone Equivalent for Treatment of Traumatic Bone Defects",
        interventions: [
          {
            name: "3D-Tissue Engineered Bone Equivalent",
            description:
              "partially demineralized bone matrix (DBM) and plasma-derived fibrin gel seeded with autologous cultured bone marrow-derived multipotent mesenchymal stromal cells (BM-MSCs), periosteal progenitor cells (PPCs), peripheral blood-derived endothelial progenitor cells (PB-EPCs).",
          },
        ],
      },
      expected: { source: ["bone-marrow", "peripheral-blood", "other-tissue"], donor: "autologous" },
    },
  ])("$name", classifiedAs);
});

describe("source and donor stated where the record speaks of its own plan or procedure", () => {
  it("NCT01275612: the investigators' expectation names the product: 'we expect that ex-vivo expanded donor bone-marrow derived mesenchymal stromal cells (MSC) infusion would allow …' → bone-marrow", () => {
    const c = classify({
      briefTitle: "Mesenchymal Stem Cells In Cisplatin-Induced Acute Renal Failure",
      detailedDescription:
        "The rationale for this approach rests on the recent demonstration in mice that stem cells from bone marrow can be used to grow new muscle. Although no human data so far are available, we expect that ex-vivo expanded donor bone-marrow derived mesenchymal stromal cells (MSC) infusion would allow to accelerate tubular regeneration.",
      interventions: [{ name: "Mesenchymal stromal cell infusion", description: "The first 3 patients will receive a single i.v infusion of donor ex-vivo expanded MSC (1 x 106 MSC/kg)." }],
    });
    expect(c).toMatchObject({ source: ["bone-marrow"], donor: "allogeneic", route: ["intravenous"] });
  });

  it("NCT03506802: the participants' own blood is collected ('Procedure: Leukapheresis — Undergo leukapheresis') → autologous", () => {
    const c = classify({
      briefTitle: "TCR Genetically Engineered PBMC and PBSC After Melphalan Conditioning Regimen",
      officialTitle: "Adoptive Transfer of NY-ESO-1 TCR Engineered Peripheral Blood Mononuclear Cells (PBMC) and Peripheral Blood Stem Cells (PBSC) After a High Dose Melphalan Conditioning Regimen",
      interventions: [
        { name: "Cellular Therapy", description: "LV-NYESO TCR /sr39TK PBSC and RV-NYESO TCR PBMC given IV" },
        { type: "PROCEDURE", name: "Leukapheresis", description: "Undergo leukapheresis" },
      ],
    });
    expect(c).toMatchObject({ source: ["peripheral-blood"], donor: "autologous" });
  });

  it("apheresis of donors says nothing about the participant's own cells: 'Donors undergo leukapheresis' is not autologous", () => {
    const c = classify({
      briefTitle: "Peripheral blood stem cells for aplastic anaemia",
      interventions: [
        { name: "Peripheral blood stem cells", description: "Given IV" },
        { type: "PROCEDURE", name: "Leukapheresis", description: "Donors undergo leukapheresis" },
      ],
    });
    expect(c.source).toEqual(["peripheral-blood"]);
    expect(c.donor).not.toBe("autologous");
  });
});

describe("version 7, second slice", () => {
  it("NCT02352077: cells carried by a scaffold named first, 'NeuroRegen Scaffold with bone marrow mononuclear cells (BMMCs) … transplantation' → surgical", () => {
    const c = classify({
      briefTitle: "NeuroRegen Scaffold With Stem Cells for Chronic Spinal Cord Injury Repair",
      interventions: [
        {
          name: "NeuroRegen scaffold with BMMCs or MSCs transplantation",
          description:
            "Patients with chronic SCI (ASIA grade A) will receive NeuroRegen Scaffold with bone marrow mononuclear cells (BMMCs) or mesenchymal stem cells (MSCs) transplantation after localized scars cleared and after surgery patients will undergo a comprehensive rehabilitation.",
        },
      ],
    });
    expect(c.route).toEqual(["surgical"]);
  });

  it("NCT04825626: an expanded-access record speaks of its own treatment as 'this Individual Patient Expanded Access IND': 'using intravenous autologous adipose derived mesenchymal stem cells' → autologous", () => {
    const c = classify({
      briefTitle: "Individual Patient Expanded Access IND Using HB-adMSCs to Treat of Spinal Cord Injury",
      detailedDescription:
        "He and his family are requesting this Individual Patient Expanded Access IND with the purpose of possible restoration of nerve transmission and restoring sensation in his lower body using intravenous autologous adipose derived mesenchymal stem cells. This study will give 14 infusions of 200 million HB-adMSC's over a 52 week period.",
      interventions: [{ name: "HB-adMSCs", description: "Hope Biosciences adipose derived Mesenchymal Stem Cells", otherNames: ["MSC's"] }],
    });
    expect(c).toMatchObject({ source: ["adipose"], donor: "autologous", route: ["intravenous"] });
  });

  it("a background sentence without 'this … IND' still says nothing: 'autologous cells have been used in other trials' leaves donor unsaid", () => {
    const c = classify({
      briefTitle: "Expanded Access to adipose derived mesenchymal stem cells",
      detailedDescription: "Autologous adipose derived mesenchymal stem cells have been used in other trials.",
      interventions: [{ name: "adipose derived mesenchymal stem cells", description: "Given by infusion." }],
    });
    expect(c.donor).toBeNull();
  });
});

describe("a route weighed and set aside is not given", () => {
  it("NCT03939741: 'Considering the possibility of further damage … during angiography and placement of catheter into the renal artery, the investigators opt for intra-venous transfusion of the SVF' → intravenous only", () => {
    const c = classify({
      briefTitle: "SVF (Adipose Tissue Derived MSC) Based Therapy for CKD.",
      detailedDescription:
        "Subsequent processing will produce final viable & active SVF (ADSCs) cell which will be transfused intravenously. Considering the possibility of further damage of the already damaging or damaged kidney during angiography and placement of catheter into the renal artery, the investigators opt for intra-venous transfusion of the SVF.",
      interventions: [{ name: "SVF Containg Autologous Non Expanded ADSC", description: "5 ml of SVF containing Autologous Non Expanded ADSC will be injected intravenously." }],
    });
    expect(c.route).toEqual(["intravenous"]);
  });

  it("a choice that names no route keeps the route before it: 'intra-articular injection of MSCs, which the investigators chose for its safety' → facet-or-joint", () => {
    const c = classify({
      briefTitle: "MSCs for knee osteoarthritis",
      interventions: [{ name: "Mesenchymal stem cells", description: "A single intra-articular injection of MSCs, which the investigators chose for its safety record." }],
    });
    expect(c.route).toEqual(["facet-or-joint"]);
  });
});

describe("cells used while a vascular access or bypass is made are placed in that operation", () => {
  it("NCT04392206: 'allogeneic Adipose Derived Mesenchymal Stem Cells (AMSC) use during hemodialysis arteriovenous fistula and arterial bypass creation' → surgical", () => {
    const c = classify({
      briefTitle: "AMSC for Reducing Anastomotic Stenosis in Primary Arteriovenous Anastomoses",
      briefSummary:
        "Researchers are evaluating the safety of allogeneic Adipose Derived Mesenchymal Stem Cells (AMSC) use during hemodialysis arteriovenous fistula and arterial bypass creation and its efficacy on improving access maturation and primary anastomotic patency.",
      interventions: [{ type: "DRUG", name: "Adipose Derived Mesenchymal Stem Cells", description: "Approximately 3-5 million cells in 5ml Ringer Lactate (RL) Solution" }],
    });
    expect(c.route).toEqual(["surgical"]);
  });

  it("cells given after the access is made are not: 'intravenous infusion of MSCs one week after fistula creation' → intravenous", () => {
    const c = classify({
      briefTitle: "MSCs after arteriovenous fistula creation",
      interventions: [{ name: "Mesenchymal stem cells", description: "Intravenous infusion of MSCs one week after fistula creation." }],
    });
    expect(c.route).toEqual(["intravenous"]);
  });
});
