import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";

const asOf = new Date("2025-01-01T00:00:00Z");
const therapy = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf }).therapy;

describe("therapy", () => {
  it("is cell-therapy when cells are given, with PRP or lysate only as their medium", () => {
    // NCT04042844 (BRTX-100 in autologous platelet lysate); NCT03166865 (UC-MSC diluted in PRP)
    expect(therapy({ interventions: [{ name: "BRTX-100", description: "Hypoxic cultured mesenchymal stem cells (MSCs) from autologous bone marrow with autologous platelet lysate." }] })).toEqual(["cell-therapy"]);
    expect(therapy({ interventions: [{ name: "Umbilical-cord mesenchymal stromal cells (UC-MSCs)", description: "Allogeneic UC-MSCs 1 x 10~7 diluted on 5 mL of Platelet Rich Plasma" }] })).toEqual(["cell-therapy"]);
  });

  it("adds prp for a platelet arm of its own", () => {
    // NCT02365142
    expect(
      therapy({
        interventions: [
          { name: "100 million Bone marrow mesenchimal stem cells", description: "100 million Bone marrow mesenchimal stem cells with PRGF" },
          { name: "Platelet Rich plasma (PRGF)", description: "3 injections of PRGF" },
        ],
      }),
    ).toEqual(["cell-therapy", "prp"]);
  });

  it("counts a named acellular product: exosomes with PRP, an amniotic or cord tissue allograft", () => {
    // NCT04849429, NCT03113786
    expect(therapy({ interventions: [{ name: "Platelet rich plasma (PRP) with exosomes", description: "Autologous Platelet rich plasma (PRP) with exosomes" }] })).toEqual(["prp", "acellular-biologic"]);
    expect(
      therapy({
        interventions: [{ type: "OTHER", name: "CLARIX™100", description: "CLARIX™100 is Amniox's processed and cryopreserved human amniotic membrane tissue retrieved from donated placental tissue after elective Cesarean Section delivery." }],
      }),
    ).toEqual(["acellular-biologic"]);
  });

  it("ignores eligibility text about stem cells received in the past", () => {
    expect(
      therapy({
        briefSummary: "A trial of a drug for chronic low back pain.",
        eligibilityCriteria: "Exclusion Criteria:\n\n* Patients who received stem cells in the past are excluded.",
        detailedDescription: "Patients who received stem cells in the past are excluded.",
        interventions: [{ type: "DRUG", name: "Duloxetine", description: "60 mg once daily" }],
      }),
    ).toEqual(["other"]);
  });

  it("treats a blood stem cell transplant as background when the title is about a drug", () => {
    // NCT06058572
    expect(
      therapy({
        briefTitle: "Effect of Rifaximin on Gut Bacterial Flora Post Stem Cell Transplant in Patients With Acute Leukemia",
        conditions: ["Acute Leukemia"],
        interventions: [
          { type: "DRUG", name: "Rifaximin with allogeneic stem cell transplant", description: "Tab Rifaximin 200 mg will be given orally twice daily" },
          { type: "PROCEDURE", name: "Allogeneic stem cell transplant", description: "Standard of care treatment including standard anti GVHD measures" },
        ],
      }),
    ).toEqual(["other"]);
  });

  it("counts a transplant whose donor or graft is what the study compares", () => {
    // NCT04547049
    expect(
      therapy({
        briefTitle: "A Study Comparing Haploidentical Hematopoietic Stem Cell Transplantations (HSCTs) From Young Non-first-degree and Older First-degree Donors in Hematological Malignancies",
        conditions: ["Leukemia"],
        interventions: [
          { type: "DRUG", name: "Busulfan", description: "3.2 mg/kg/day administered IV day -8 through -6." },
          { type: "PROCEDURE", name: "Allogeneic HSCT", description: "Day 0" },
        ],
        arms: [
          { label: "Non-first-degree donor", type: "ACTIVE_COMPARATOR", interventionNames: ["Drug: Busulfan", "Procedure: Allogeneic HSCT"] },
          { label: "First-degree donor", type: "ACTIVE_COMPARATOR", interventionNames: ["Drug: Busulfan", "Procedure: Allogeneic HSCT"] },
        ],
      }),
    ).toEqual(["cell-therapy"]);
  });

  it("adds other for a drug tested in an arm of its own, not for a drug every arm gets", () => {
    // NCT03800810: rhGH in an arm without cells; NCT05018637: teriparatide in both arms
    const arms = [
      { label: "Intervention 1", type: "EXPERIMENTAL", interventionNames: ["Biological: Umbilical Cord Mesenchymal Stem Cell", "Biological: Recombinant Human Somatropin"] },
      { label: "Intervention 2", type: "EXPERIMENTAL", interventionNames: ["Biological: Umbilical Cord Mesenchymal Stem Cell"] },
      { label: "Intervention 3", type: "EXPERIMENTAL", interventionNames: ["Biological: Recombinant Human Somatropin"] },
    ];
    expect(therapy({ interventions: [{ name: "Umbilical Cord Mesenchymal Stem Cell" }, { name: "Recombinant Human Somatropin" }], arms })).toEqual(["cell-therapy", "other"]);
    expect(
      therapy({
        interventions: [{ type: "DRUG", name: "WJ-MSC", description: "intramedullary injection of 4 x 107 WJ-MSCs" }, { type: "DRUG", name: "Teriparatide" }],
        arms: [
          { label: "WJ-MSC group", type: "EXPERIMENTAL", interventionNames: ["Drug: WJ-MSC", "Drug: Teriparatide"] },
          { label: "Teriparatide group", type: "ACTIVE_COMPARATOR", interventionNames: ["Drug: Teriparatide"] },
        ],
      }),
    ).toEqual(["cell-therapy"]);
  });

  it("gives nothing in a long-term follow-up of an earlier trial", () => {
    // NCT04339504
    expect(
      therapy({
        briefTitle: "Follow-up Safety and Efficacy Evaluation on Subjects Who Completed Phase I Clinical Trial",
        briefSummary: "Subjects who participated in and completed the initial stage of the Phase I trial will be followed-up until 60 months.",
        interventions: [{ name: "SMUP-IA-01(low-dose)", description: "A single knee administration of SMUP-IA-01(low-dose, 4.0 x 10^6 cells/2mL)" }],
      }),
    ).toEqual(["other"]);
  });

  it("recognises a follow-up named after the earlier trial's participants", () => {
    // NCT03509025
    expect(therapy({ briefTitle: "Follow-up Study for Participants Jointstem Clinical Trial", interventions: [{ type: "DRUG", name: "Jointstem" }] })).toEqual(["other"]);
  });

  it("reads the titles when only the backbone is listed", () => {
    // NCT00512434: only "Osteosynthesis" is listed, in both arms
    expect(
      therapy({
        briefTitle: "Percutaneous Autologous Bone-marrow Grafting for Open Tibial Shaft Fracture",
        interventions: [{ type: "PROCEDURE", name: "Osteosynthesis", description: "Nail or external fixator" }],
        arms: [
          { label: "Control in arm fields", type: "ACTIVE_COMPARATOR", description: "Standard treatment", interventionNames: ["Procedure: Osteosynthesis"] },
          { label: "IMOCA", type: "EXPERIMENTAL", description: "Percutaneous autologous bone-marrow grafting", interventionNames: ["Procedure: Osteosynthesis"] },
        ],
      }),
    ).toEqual(["cell-therapy"]);
  });

  it("does not count samples collected for the laboratory, or a drug whose description mentions marrow cells", () => {
    // NCT06490887, NCT03974217
    expect(
      therapy({
        studyType: "OBSERVATIONAL",
        briefTitle: "Spine Unit Modelling Coupled With hIgh Throughput Analysis (SUIT)",
        interventions: [{ type: "OTHER", name: "Use of patient-derived biological samples", description: "Peripheral blood will be also collected from patients to conduct virological screening and isolate peripheral blood mononuclear cells." }],
      }),
    ).toEqual(["other"]);
    expect(therapy({ interventions: [{ type: "DRUG", name: "Decitabine", description: "helps to support normal cell production in the bone marrow and the death of abnormal bone marrow cells." }] })).toEqual(["other"]);
  });

  it("reads 'PRP' as platelet-rich plasma only where the record mentions platelets", () => {
    // NCT03863535: PRP is panretinal photocoagulation
    expect(therapy({ briefTitle: "PRP vs PRP+IVC for Severe nPDR", interventions: [{ type: "PROCEDURE", name: "PRP", description: "panretinal coagulation" }] })).toEqual(["other"]);
    expect(therapy({ briefSummary: "Platelet rich plasma injection.", interventions: [{ name: "PRP", description: "single injection" }] })).toEqual(["prp"]);
  });

  it("falls back to the titles when no interventions are listed", () => {
    expect(therapy({ briefTitle: "Autologous Adipose Derived Mesenchymal Stem Cells for Knee Osteoarthritis" })).toEqual(["cell-therapy"]);
    expect(therapy({ briefTitle: "Physiotherapy Following Disc Surgery" })).toEqual(["other"]);
  });
});
