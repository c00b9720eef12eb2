import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";
import type { Classification } from "./schema";
import { sourcesIn } from "./source";
import { norm } from "./text";

// Classifier version 10 (issue 14): kinds of miss read from the development labels (fresh-7 included,
// measured once with version 9 and development since). Each case quotes a labelled record's own phrase
// (NCT id in the comment) and states the kind in general terms; each kind has a near miss that must not change.

const asOf = new Date("2025-01-01T00:00:00Z");
const classify = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf });

type Case = { name: string; study: FakeStudy; expected: Partial<Classification> };
const classifiedAs = ({ study, expected }: Case) => expect(classify(study)).toMatchObject(expected);

describe("engineered or isolated immune cells state no tissue by their name alone", () => {
  it("an immune cell word is not a source on its own (it was read as peripheral blood)", () => {
    // NCT05739409, NCT04265963, NCT05304754
    expect(sourcesIn(norm("LILRB4 STAR-T cells injection"))).toEqual([]);
    expect(sourcesIn(norm("Patients will be be treated with CD123 CAR-T cells"))).toEqual([]);
    expect(sourcesIn(norm("Three patients from each cohort will receive NK aloreactive cells from a KIR mismatch donor"))).toEqual([]);
    // A tissue stated next to them still counts.
    expect(sourcesIn(norm("CAR-T cells manufactured from the patient's peripheral blood mononuclear cells")).map((h) => h.source)).toEqual(["peripheral-blood"]);
  });

  it.each<Case>([
    {
      // NCT04265963
      name: "'CD123 CAR-T cells', no apheresis, blood or donor named anywhere → source unspecified, donor null",
      study: {
        briefTitle: "CD123-Targeted CAR-T Cell Therapy for Relapsed/Refractory Acute Myeloid Leukemia",
        briefSummary: "This study purpose to estimate the safety and efficiency of CD123 CAR-T cells to patients with relapse/refractory AML.",
        interventions: [{ type: "BIOLOGICAL", name: "CD123 CAR-T cells", description: "CD123 CAR-T cell therapy" }],
        arms: [{ label: "CD123 CAR-T cells treat", type: "EXPERIMENTAL", description: "Patients will be be treated with CD123 CAR-T cells", interventionNames: ["Biological: CD123 CAR-T cells"] }],
        eligibilityCriteria: "Inclusion Criteria:\n\n1. Relapse more than once. The definition of relapse: Reappearance of blasts in the blood or bone marrow (\\>5%) or in any extramedullary site after a CR",
      },
      expected: { therapy: ["cell-therapy"], source: ["unspecified"], donor: null },
    },
    {
      // NCT05304754
      name: "'NK aloreactive cells from a KIR mismatch donor': a donor is named, the tissue is not → unspecified, allogeneic",
      study: {
        briefTitle: "NK Cells Stimulated With IL-15 After Haploidentical Transplantation",
        interventions: [
          { type: "BIOLOGICAL", name: "NK cells stimulated ex vivo with IL-15", armGroupLabels: ["NK cells stimulated ex vivo with IL-15 from KIR match donor"] },
          { type: "BIOLOGICAL", name: "Alloreactive NK cells", armGroupLabels: ["KIR mismatch aloreactive NK donor cells"] },
        ],
        arms: [
          { label: "KIR mismatch aloreactive NK donor cells", type: "ACTIVE_COMPARATOR", description: "Three patients from each cohort will receive NK aloreactive cells from a KIR mismatch donor", interventionNames: ["Biological: Alloreactive NK cells"] },
          { label: "NK cells stimulated ex vivo with IL-15 from KIR match donor", type: "EXPERIMENTAL", description: "Three patients in each cohort will receive ex vivo stimulated NK cells with IL-15 from a KIR match donor.", interventionNames: ["Biological: NK cells stimulated ex vivo with IL-15"] },
        ],
      },
      expected: { source: ["unspecified"], donor: "allogeneic" },
    },
  ])("$name", classifiedAs);

  it.each<Case>([
    {
      // NCT05739409
      name: "the participants' apheresis named only in the criteria ('within 2 weeks prior to apheresis'), no donor anywhere → peripheral-blood, autologous",
      study: {
        briefTitle: "LILRB4 STAR-T Cell Therapy for Monocytic Leukemia",
        interventions: [{ type: "BIOLOGICAL", name: "LILRB4 STAR-T cells injection", description: "STAR-T cells will be intravenously infused with a escalated dose of 1E6#3E6#6E6#1E7 cells/kg" }],
        eligibilityCriteria:
          "Exclusion Criteria:\n\n8. Patients who had prior solid organ transplantation or allogeneic hematopoietic stem cell transplantation (allo-HSCT) 6 months before screening；\n10. Subjects who have had any of the following drugs or treatments within the specified time period prior to apheresis:\n    1. Administered any immunosuppressant within 2 weeks prior to apheresis;",
      },
      expected: { source: ["peripheral-blood"], donor: "autologous", route: ["intravenous"] },
    },
    {
      // NCT05942599
      name: "'made from white blood cells (T cells) collected from a healthy donor' → peripheral-blood; the 'planned bone marrow transplant' ahead is that transplant's marrow",
      study: {
        briefTitle: "Phase 1 Study of Base Edited CAR T Cells Against AML: Deep Conditioning Ahead of Allogeneic Stem Cell Transplantation",
        briefSummary:
          "The new product is made from white blood cells (T cells) collected from a healthy donor and changed so they can kill leukaemia cells. The main purpose of this study is to assess the safety of the 'BE CAR-33' therapy and to see if ready-made CAR T cells can get rid of Acute Myeloid Leukaemia ahead of a planned bone marrow transplant that will hopefully prevent the leukaemia from returning.",
        interventions: [{ type: "BIOLOGICAL", name: "Cryopreserved BE CAR33 T Cells (BE752TBTTBCAR33PBL)", description: "Single-dose intravenous infusion (weight-based dosing) of a banded dose of CAR33+ T cells/kg." }],
      },
      expected: { source: ["peripheral-blood"], donor: "allogeneic" },
    },
    {
      // NCT03506802 (unchanged): a procedure the participants undergo
      name: "'Procedure: Leukapheresis — Undergo leukapheresis' beside engineered T cells → peripheral-blood, autologous",
      study: {
        briefTitle: "TCR Engineered T Cells for Sarcoma",
        interventions: [
          { name: "NY-ESO-1 TCR engineered T cells", description: "Given IV" },
          { type: "PROCEDURE", name: "Leukapheresis", description: "Undergo leukapheresis" },
        ],
      },
      expected: { source: ["peripheral-blood"], donor: "autologous" },
    },
  ])("$name", classifiedAs);

  it("near miss: criteria that also set a donor's ('Willing to donate for two separate apheresis collections') give blood, not the participant's own cells", () => {
    // NCT05507827's donor criteria, without the words that name the donor in its titles
    const c = classify({
      briefTitle: "CD19/CD22 CAR T Cells in Adults With B-cell Leukemia",
      interventions: [{ type: "DRUG", name: "CD19/CD22-CAR T cells", description: "Dose escalation" }],
      eligibilityCriteria: "Inclusion Criteria:\n\n* Karnofsky performance status of ≥ 70%\n* Willing to donate for two separate apheresis collections (T cells and PBSC)",
    });
    expect(c.source).toEqual(["peripheral-blood"]);
    expect(c.donor).toBeNull();
  });

  it("near miss: blood drawn for tests is not a collection for the cells", () => {
    const c = classify({
      briefTitle: "CD19 CAR-T Cells for Lymphoma",
      interventions: [{ type: "BIOLOGICAL", name: "CD19 CAR-T cells", description: "Patients will receive CD19 CAR-T cells" }],
      eligibilityCriteria: "Inclusion Criteria:\n\n* CD19 expression in peripheral blood samples assessed by flow cytometry",
    });
    expect(c).toMatchObject({ source: ["unspecified"], donor: null });
  });
});

describe("what else a cell trial tests", () => {
  const acicVsMcic: FakeStudy = {
    briefTitle: "A Study to Compare Two Techniques for Articular Cartilage Repair:ACIC Vs. MCIC",
    officialTitle:
      "A Study to Compare Two Articular Cartilage Repair Techniques in the Knee Joint: Autologous Collagen Induced Chondrogenesis (ACIC) Vs. Mesenchymal Cell Induced Chondrogenesis (MCIC).",
    interventions: [
      { type: "PROCEDURE", name: "ACIC", description: "Autologous Collagen Induced Chondrogenesis (ACIC):\n\nACIC is a single stage arthroscopic procedure. The cartilage defect is debrided and implanted with a collagen + fibrin gel mixture under CO2 insufflation.", armGroupLabels: ["ACIC"] },
      { type: "PROCEDURE", name: "MCIC", description: "Mesenchymal Cell Induced Chondrogenesis (MCIC):\n\nMCIC is a single stage arthroscopic procedure. BMAC is harvested intraoperatively and concentrated. It is then mixed with a fibrin gel and implanted under CO2 insufflation.", armGroupLabels: ["MCIC"] },
    ],
    arms: [
      { label: "ACIC", type: "ACTIVE_COMPARATOR", description: "The patients in this group will be treated by the ACIC technique, which uses autologous collagen to regenerate articular cartilage.", interventionNames: ["Procedure: ACIC"] },
      { label: "MCIC", type: "ACTIVE_COMPARATOR", description: "The patients in this group will be treated by the MCIC technique, which uses concentrated BMAC to regenerate articular cartilage.", interventionNames: ["Procedure: MCIC"] },
    ],
  };

  it("NCT01984450: a sentence naming two studied interventions ('(ACIC) Vs. Mesenchymal Cell Induced Chondrogenesis (MCIC)') does not make both cell therapies", () => {
    const c = classify(acicVsMcic);
    expect((c.why.therapy ?? []).join(" ")).not.toContain("intervention 'ACIC' (sentences that name it)");
    expect((c.why.therapy ?? []).join(" ")).toContain("intervention 'MCIC': 'mesenchymal cell'");
  });

  it("NCT01984450: a head-to-head of techniques with no experimental arm ('Compare Two Techniques …: ACIC Vs. MCIC'): the non-cell technique named first is tested → other", () => {
    expect(classify(acicVsMcic).therapy).toEqual(["cell-therapy", "other"]);
  });

  it("near miss: a technique named after 'versus' stays a comparator ('BMAC Versus Hyaluronic Acid', both arms active comparators)", () => {
    const c = classify({
      briefTitle: "Bone Marrow Aspirate Concentrate Versus Hyaluronic Acid for Knee Osteoarthritis",
      interventions: [
        { type: "BIOLOGICAL", name: "Bone marrow aspirate concentrate", armGroupLabels: ["BMAC"] },
        { type: "DRUG", name: "Hyaluronic acid", armGroupLabels: ["HA"] },
      ],
      arms: [
        { label: "BMAC", type: "ACTIVE_COMPARATOR", interventionNames: ["Biological: Bone marrow aspirate concentrate"] },
        { label: "HA", type: "ACTIVE_COMPARATOR", interventionNames: ["Drug: Hyaluronic acid"] },
      ],
    });
    expect(c.therapy).toEqual(["cell-therapy"]);
  });

  const formulas = (extra: FakeStudy["interventions"] = []): FakeStudy => ({
    briefTitle: "Comparison of PSORI-CM01 Formula vs Gu Ben Hua Yu Formula Combined With AD-MSCs in Psoriasis",
    interventions: [
      { type: "DRUG", name: "PSORI-CM01 formula", description: "PSORI-CM01 formula will be orally administrated once a day for 12 weeks excpet the day for the infusion of AD-MSCs", armGroupLabels: ["PSORI-CM01 group"] },
      { type: "DRUG", name: "Gu Ben Hua Yu formula", description: "Gu Ben Hua Yu formula will be orally administrated once a day for 12 weeks excpet the day for the infusion of AD-MSCs", armGroupLabels: ["Gu Ben Hua Yu group"] },
      { type: "BIOLOGICAL", name: "adipose-derived multipotent mesenchymal stem cells", description: "AD-MSCs (adipose-derived multipotent mesenchymal stem cells) will be infused intravenously at a dose of 2 million cells/kg", armGroupLabels: ["PSORI-CM01 group", "Gu Ben Hua Yu group"] },
      ...extra,
    ],
    arms: [
      { label: "PSORI-CM01 group", type: "OTHER", interventionNames: ["Drug: PSORI-CM01 formula", "Biological: adipose-derived multipotent mesenchymal stem cells"] },
      { label: "Gu Ben Hua Yu group", type: "EXPERIMENTAL", interventionNames: ["Drug: Gu Ben Hua Yu formula", "Biological: adipose-derived multipotent mesenchymal stem cells"] },
    ],
  });

  it("NCT04785027: a coded drug taken by mouth ('PSORI-CM01 formula will be orally administrated … except the day for the infusion of AD-MSCs') is not a cell therapy", () => {
    expect((classify(formulas()).why.therapy ?? []).join(" ")).not.toContain("intervention 'PSORI-CM01 formula'");
  });

  it("NCT04785027: when every arm gets the cells, the drug that differs between arms is tested → other", () => {
    expect(classify(formulas())).toMatchObject({ therapy: ["cell-therapy", "other"], source: ["adipose"], route: ["intravenous"] });
  });

  it("near miss: cells in every arm and nothing else that differs stay cell-therapy alone", () => {
    const c = classify({
      briefTitle: "Two Doses of Adipose-Derived MSCs",
      interventions: [{ type: "BIOLOGICAL", name: "adipose-derived mesenchymal stem cells", armGroupLabels: ["Low dose", "High dose"] }],
      arms: [
        { label: "Low dose", type: "EXPERIMENTAL", interventionNames: ["Biological: adipose-derived mesenchymal stem cells"] },
        { label: "High dose", type: "EXPERIMENTAL", interventionNames: ["Biological: adipose-derived mesenchymal stem cells"] },
      ],
    });
    expect(c.therapy).toEqual(["cell-therapy"]);
  });
});

describe("source and donor stated in a criterion or a longer donor phrase", () => {
  const alveolar = (eligibilityCriteria: string): FakeStudy => ({
    briefTitle: "Efficacy in Alveolar Bone Regeneration With Autologous MSCs and Biomaterial in Comparison to Autologous Bone Grafting",
    interventions: [{ type: "COMBINATION_PRODUCT", name: "Advanced medicinal Therapy (MSC combined with biomaterial)", description: "Augmentation of alveolar ridge with MSC and biomaterial", armGroupLabels: ["Test"] }],
    arms: [{ label: "Test", type: "EXPERIMENTAL", description: "Expanded, autologous mesenchymal stem cells in combination with biphasic calcium phosphate", interventionNames: ["Combination Product: Advanced medicinal Therapy (MSC combined with biomaterial)"] }],
    eligibilityCriteria,
  });

  it("NCT04297813: an exclusion guarding the harvest ('Contraindications for both bone marrow harvesting and bone grafts') names the tissue the participants give", () => {
    expect(classify(alveolar("Exclusion Criteria:\n\nGeneral contraindications for dental and/or surgical treatments\nContraindications for both bone marrow harvesting and bone grafts\nHistory of any malignant diseases"))).toMatchObject({
      source: ["bone-marrow"],
      donor: "autologous",
    });
  });

  it("near miss: an exclusion about an earlier harvest, or a contraindication to something else, still never counts", () => {
    expect(
      classify(alveolar("Exclusion Criteria:\n\nPatients who have already undergone bone marrow harvesting for another study\nContraindications to MRI or to bone marrow transplantation")).source,
    ).toEqual(["unspecified"]);
  });

  it("NCT00187018: 'The marrow cells will come from the same bone marrow donor as their previous bone marrow transplant' → allogeneic (four words between 'from' and 'donor')", () => {
    const c = classify({
      briefTitle: "Marrow Mesenchymal Cell Therapy for Osteogenesis Imperfecta: A Pilot Study",
      briefSummary:
        "In this research study, children with osteogenesis imperfecta will receive another infusion of bone marrow cells but without any chemotherapy. The marrow cells will come from the same bone marrow donor as their previous bone marrow transplant.",
      interventions: [{ type: "PROCEDURE", name: "Bone marrow transplant" }],
    });
    expect(c.donor).toBe("allogeneic");
  });

  it("near miss: a donor negated in its clause ('from the patients rather than from a donor') is not allogeneic", () => {
    const c = classify({
      briefTitle: "Marrow Mesenchymal Cells for Osteogenesis Imperfecta",
      briefSummary: "The marrow cells will come from the patients themselves, not from any other marrow donor.",
      interventions: [{ type: "BIOLOGICAL", name: "Marrow mesenchymal cells" }],
    });
    expect(c.donor).not.toBe("allogeneic");
  });
});

describe("a biologic named beside the cells in the intervention's own name", () => {
  it.each<Case>([
    {
      // NCT01958502
      name: "'surgical treatment of non union with mesenchymal stem cells with BMP2 within a 3-D tissue engineered scaffold': the growth factor is not a carrier → acellular-biologic too",
      study: {
        briefTitle: "Evaluation the Treatment of Nonunion of Long Bone Fracture of Lower Extremities (Femur and Tibia) Using Mononuclear Stem Cells From the Iliac Wing Within a 3-D Tissue Engineered Scaffold",
        interventions: [{ type: "GENETIC", name: "surgical treatment of non union with mesenchymal stem cells with BMP2 within a 3-D tissue engineered scaffold" }],
      },
      expected: { therapy: ["cell-therapy", "acellular-biologic"] },
    },
    {
      // NCT04876326
      name: "'Allogeneic Umbilical Cord Mesenchymal Stem Cell and Adipose Secretome Implantation': a secretome is a product of its own → acellular-biologic too",
      study: {
        officialTitle: "Potential Use of Autologous and Allogeneic Mesenchymal Stem Cells in Patients With Multiple System Atrophy",
        interventions: [
          {
            type: "BIOLOGICAL",
            name: "Allogeneic Umbilical Cord Mesenchymal Stem Cell and Adipose Secretome Implantation",
            description: "Before taking adipose and umbilical cord tissue, each subject was screened. -For Adipose tissue : The adipose secretion used is prepared in whole form as much as 10cc in a 10cc syringe.",
          },
        ],
      },
      expected: { therapy: ["cell-therapy", "acellular-biologic"] },
    },
    {
      name: "near miss: a carrier named beside the cells ('MSCs in platelet-rich plasma on an amniotic membrane') adds nothing",
      study: { briefTitle: "MSCs for Cartilage Defects", interventions: [{ type: "BIOLOGICAL", name: "Mesenchymal stem cells in platelet-rich plasma on an amniotic membrane" }] },
      expected: { therapy: ["cell-therapy"] },
    },
    {
      name: "near miss: a secretome mentioned only in the description's mechanism ('MSCs act through their secretome') adds nothing",
      study: { briefTitle: "MSCs for Knee Osteoarthritis", interventions: [{ type: "BIOLOGICAL", name: "Mesenchymal stem cells", description: "The injected MSCs will act through their secretome." }] },
      expected: { therapy: ["cell-therapy"] },
    },
  ])("$name", classifiedAs);
});

describe("a recombinant human growth or bone-forming factor given as the product", () => {
  // NCT03810573: the record's only words for the product are the intervention's description.
  const nb1 = {
    briefTitle: "Evaluation of NB1 Bone Graft Following Lumbar Interbody Arthrodesis",
    officialTitle:
      "A Multi-Center, Prospective, Parallel Group, Randomized, Pilot Study Evaluating Safety And Preliminary Effectiveness Of NB1 Bone Graft In Subjects With Degenerative Disc Disease Undergoing Transforaminal Lumbar Interbody Fusion",
    conditions: ["Degenerative Disc Disease", "Spondylolisthesis"],
    interventions: [{ type: "DEVICE", name: "NB1", description: "rhNELL-1/DBX", armGroupLabels: ["NB1-1.5", "NB1-2.0"] }],
    arms: [
      { label: "NB1-1.5", type: "EXPERIMENTAL", description: "NB1 low dose", interventionNames: ["Device: NB1"] },
      { label: "NB1-2.0", type: "EXPERIMENTAL", description: "NB1 high dose", interventionNames: ["Device: NB1"] },
      { label: "Autograft", type: "NO_INTERVENTION", description: "Autograft" },
    ],
  } satisfies FakeStudy;
  const drug = (name: string, description = ""): FakeStudy => ({
    briefTitle: `${name} for Advanced Disease`,
    interventions: [{ type: "DRUG", name, description }],
    arms: [{ label: name, type: "EXPERIMENTAL", description: `Participants receive ${name}.`, interventionNames: [`Drug: ${name}`] }],
  });

  it.each<Case>([
    {
      // NCT03810573
      name: "'NB1' described as 'rhNELL-1/DBX', a bone graft in lumbar interbody fusion → acellular-biologic (DBX only its carrier), surgical",
      study: nb1,
      expected: { therapy: ["acellular-biologic"], source: [], donor: null, route: ["surgical"] },
    },
    {
      name: "the same kind spelled out: 'recombinant human platelet-derived growth factor-BB in a beta-TCP carrier placed into the defect' → acellular-biologic, surgical",
      study: {
        briefTitle: "Growth Factor Graft for Periodontal Defects",
        interventions: [{ type: "DEVICE", name: "GF-01", description: "recombinant human platelet-derived growth factor-BB in a beta-TCP carrier placed into the defect during open flap surgery" }],
      },
      expected: { therapy: ["acellular-biologic"], route: ["surgical"] },
    },
    {
      name: "'recombinant human NELL-1' names the factor as well → acellular-biologic",
      study: { briefTitle: "Bone Graft Study", interventions: [{ type: "DEVICE", name: "Graft A", description: "recombinant human NELL-1 on a demineralized bone matrix carrier" }] },
      expected: { therapy: ["acellular-biologic"] },
    },
  ])("$name", classifiedAs);

  it.each<Case>([
    // Near misses: recombinant proteins that are not growth or morphogenetic factors stay drugs.
    { name: "near miss: 'Recombinant Human Endostatin' (Endostar) → other", study: drug("Recombinant Human Endostatin", "rh-endostatin (Endostar) 7.5 mg/m2 intravenous infusion"), expected: { therapy: ["other"], route: [] } },
    { name: "near miss: 'recombinant human growth hormone' → other", study: drug("Recombinant Human Growth Hormone", "rhGH 0.1 IU/kg subcutaneous injection daily"), expected: { therapy: ["other"] } },
    { name: "near miss: 'rhTPO', 'rhIL-11', 'rhG-CSF' → other", study: drug("rhTPO", "recombinant human thrombopoietin (rhTPO) with rhIL-11 and rhG-CSF support"), expected: { therapy: ["other"] } },
    { name: "near miss: 'recombinant human insulin', 'recombinant interferon alfa-2b' → other", study: drug("Insulin and interferon", "recombinant human insulin and recombinant interferon alfa-2b"), expected: { therapy: ["other"] } },
    { name: "near miss: a recombinant vaccine → other", study: drug("Recombinant zoster vaccine", "recombinant adjuvanted zoster vaccine, two doses"), expected: { therapy: ["other"] } },
    {
      name: "near miss: an antibody against a growth factor ('recombinant humanized anti-VEGF monoclonal antibody', 'recombinant human VEGF receptor-Fc fusion protein') → other",
      study: drug("Bevacizumab and conbercept", "recombinant humanized anti-VEGF monoclonal antibody; recombinant human VEGF receptor-Fc fusion protein"),
      expected: { therapy: ["other"] },
    },
    {
      name: "near miss: a growth factor not placed in an operation ('rhEGF spray applied to the ulcer') is acellular-biologic but not surgical",
      study: { briefTitle: "rhEGF for Diabetic Foot Ulcers", interventions: [{ type: "DRUG", name: "rhEGF spray", description: "rhEGF spray applied to the ulcer twice a day" }] },
      expected: { therapy: ["acellular-biologic"], route: ["other"] },
    },
    { name: "near miss: an endocrine FGF analogue ('rhFGF21') → other", study: drug("rhFGF21 analogue", "rhFGF21 analogue given weekly"), expected: { therapy: ["other"] } },
  ])("$name", classifiedAs);
});

describe("cells derived from a pluripotent line", () => {
  // NCT05519384: the only sentence that says what the cells are is a plain description sentence.
  const jk500 = (detailedDescription: string): FakeStudy => ({
    briefTitle: "Safety and Preliminary Efficacy of JK500 Cell Injection in Relapsed/Refractory Pediatric Acute Myeloid Leukemia",
    briefSummary:
      "This study is a prospective, single-center, single-arm exploratory clinical study, aiming to complete the preliminary clinical observation of 12 children with relapsed/refractory acute myeloid leukemia treated with JK500 cell injection to evaluate the safety of clinical infusion and the initial efficacy of JK500 cell injection in the treatment of children with relapsed/refractory acute myeloid leukemia.",
    detailedDescription,
    conditions: ["Acute Myeloid Leukemia, Childhood", "Relapsed Leukemia", "Refractory Leukemia"],
    interventions: [
      {
        type: "DRUG",
        name: "JK500 cell injection，cyclophosphamide，Fludarabine",
        description:
          "After enrollment, patients received JK500 cell injection infusion after reinduction therapy. Pretreatment regimen before cell infusion: intravenous infusion of cyclophosphamide 60mg/kg day -7, intravenous infusion of fludarabine 25mg/㎡/day day -6 to -2 days. In order to activate and expand circulating NK cells, on the day of each infusion of JK500 cells, the patients were first subcutaneously injected with 100WU/ m2 of interleukin (IL)-2 0.5h-1h in advance, for a total of 6 doses.",
        armGroupLabels: ["JK500 cell injection"],
      },
    ],
    arms: [{ label: "JK500 cell injection", type: "EXPERIMENTAL", description: "They were divided into three dose groups: 10\\^6, 5x10\\^6 and 3x10\\^7 JK500 cells injection /kg/ time, three times a week, a total of 6 times.", interventionNames: ["Drug: JK500 cell injection，cyclophosphamide，Fludarabine"] }],
  });
  const ipsc = (description: string): FakeStudy => ({
    briefTitle: "iPSC-Derived Dopaminergic Progenitors for Parkinson's Disease",
    interventions: [{ type: "BIOLOGICAL", name: "DA01 cells", description }],
  });

  it.each<Case>([
    {
      // NCT05519384
      name: "'regenerative natural killer (NK) cells derived from human embryonic stem cells' → pluripotent; an embryonic line is never the patient's own → allogeneic",
      study: jk500("The Main components of JK500 cell injection are regenerative natural killer (NK) cells derived from human embryonic stem cells and 0.9% sodium chloride solution."),
      expected: { therapy: ["cell-therapy"], source: ["pluripotent"], donor: "allogeneic", route: ["intravenous"] },
    },
    {
      name: "'dopaminergic progenitor cells generated from induced pluripotent stem cells', nothing said about whose → pluripotent, donor null",
      study: ipsc("DA01 cells are dopaminergic progenitor cells generated from induced pluripotent stem cells, implanted stereotactically into the putamen."),
      expected: { source: ["pluripotent"], donor: null },
    },
    {
      name: "iPSC-derived cells that the record calls off-the-shelf → allogeneic",
      study: ipsc("DA01 cells are off-the-shelf dopaminergic progenitor cells differentiated from a clinical-grade iPSC line, implanted stereotactically into the putamen."),
      expected: { source: ["pluripotent"], donor: "allogeneic" },
    },
    {
      name: "iPSC made by reprogramming the patient's own cells → autologous",
      study: ipsc("The patient's own skin fibroblasts are reprogrammed into iPSCs, and dopaminergic progenitor cells differentiated from these iPSCs are implanted into the putamen."),
      expected: { source: ["pluripotent"], donor: "autologous" },
    },
  ])("$name", classifiedAs);

  it.each<Case>([
    {
      name: "near miss: a contrast with embryonic-stem-cell-derived cells ('Unlike cells derived from embryonic stem cells, …') is no source",
      study: {
        briefTitle: "Umbilical Cord MSCs for Knee Osteoarthritis",
        detailedDescription: "Unlike cells derived from embryonic stem cells, umbilical cord mesenchymal stem cells raise no ethical concerns.",
        interventions: [{ type: "BIOLOGICAL", name: "Umbilical cord mesenchymal stem cells", description: "Intra-articular injection of umbilical cord mesenchymal stem cells" }],
      },
      expected: { source: ["umbilical-cord"], donor: "allogeneic" },
    },
    {
      // NCT02641769 (labelled bone-marrow, autologous): earlier findings about cells made from iPSCs
      name: "near miss: reported findings ('germ cells generated from iPSCs were shown to …') beside marrow cells are no source",
      study: {
        briefTitle: "Autologous Bone Marrow Derived Stem Cells for Azoospermia",
        detailedDescription: "Functional assays have shown that germ cells generated from iPSCs were capable of fertilizing the oocytes.",
        interventions: [{ type: "BIOLOGICAL", name: "Autologous bone marrow derived mesenchymal stem cells", description: "Intra-testicular injection of autologous bone marrow derived mesenchymal stem cells" }],
      },
      expected: { source: ["bone-marrow"], donor: "autologous" },
    },
    {
      name: "near miss: 'human embryonic kidney 293 cells' (a vector factory) are no embryonic stem cells",
      study: {
        briefTitle: "CD19 CAR-T Cells for Lymphoma",
        detailedDescription: "The CAR-T cells are transduced with a lentiviral vector produced in human embryonic kidney 293 cells.",
        interventions: [{ type: "BIOLOGICAL", name: "CD19 CAR-T cells" }],
      },
      expected: { source: ["unspecified"] },
    },
  ])("$name", classifiedAs);
});

// Version 10, third slice: kinds from fresh-9 (measured once with version 10, development since).

// NCT04714372: the record's own words, arms shortened to one dose level.
const ft538 = (over: Partial<FakeStudy> = {}): FakeStudy => {
  const interventionNames = ["Drug: Daratumumab/rHuPH20", "Drug: FT538", "Drug: Fludarabine", "Drug: Cyclophosphamide"];
  const arm = (n: number, dose: string) => ({ label: `Dose Level ${n}: FT538 at ${dose} cells/dose`, type: "EXPERIMENTAL", description: "FT538 administered at assigned dose as an IV infusion via gravity on Day 1, Day 8, and Day 15", interventionNames });
  const arms = [arm(1, "1 x10^8"), arm(2, "3 x10^8")];
  const labels = arms.map((a) => a.label);
  return {
    briefTitle: "FT538 in Combination With Daratumumab in AML Acute Myeloid Leukemia",
    officialTitle: "Study of FT538 in Combination With Daratumumab in Acute Myeloid Leukemia",
    conditions: ["Acute Myeloid Leukemia"],
    detailedDescription:
      "FT538 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy lacking CD38 and expressing hnCD16 and IL-15RF. Daratumumab is a targeted therapy (IgG1k human monoclonal antibody) that targets CD38.\n\nFT538 is administered once a week for 3 consecutive weeks (Day 1, Day 8, and Day 15). Fixed dose subcutaneous daratumumab is given on Day -12 and Day 5 prior to the NK cells as lymphodepletion, and on Day +3, Day +10, and Day +17 to maximize targeting.",
    interventions: [
      { type: "DRUG", name: "Daratumumab/rHuPH20", description: "Daratumumab 1800 mg co-formulated with 30,000 units of hyaluronidase (rHuPH20) given subcutaneously into subcutaneous tissue of the abdomen approximately 3 inches [7.5 cm] to the right or left of the navel over approximately 3-5 minutes on Day -12 and Day -5 prior to the 1st FT538 infusion, and on Day +3, Day+10, and Day+17 approximately 48 hours after each FT538 infusion.", armGroupLabels: labels, otherNames: ["Darzalex"] },
      { type: "DRUG", name: "FT538", description: "FT538 is administered as an IV infusion via gravity using an IV administration set with an in-line filter at the patient's assigned dose levels (DL) on Day 1, Day 8, and Day 15", armGroupLabels: labels },
      { type: "DRUG", name: "Fludarabine", description: "Fludarabine 25 mg/m^2 is administered as a 1 hour intravenous (IV) infusion", armGroupLabels: labels },
      { type: "DRUG", name: "Cyclophosphamide", description: "Cyclophosphamide 300 mg/m^2 is administered as a 2 hour intravenous (IV) infusion", armGroupLabels: labels },
    ],
    arms,
    ...over,
  };
};

describe("a partner drug that shares the cells' arms is not the cells, and its route is not theirs", () => {
  it("the drug an arm lists beside a coded cell product is not explained by that arm's 'cells/dose' (NCT04714372)", () => {
    const c = classify(ft538());
    expect(c.route).toEqual(["intravenous"]);
    expect((c.why.therapy ?? []).join(" ")).not.toContain("Daratumumab/rHuPH20' (its arm description)");
  });

  it.each<Case>([
    {
      name: "near miss: a coded cell product alone in its arm is still explained by it ('XB-12 at 1 x10^8 cells/dose', IV infusion)",
      study: {
        briefTitle: "XB-12 in Acute Myeloid Leukemia",
        interventions: [{ type: "DRUG", name: "XB-12", description: "XB-12 is administered as an IV infusion", armGroupLabels: ["Dose Level 1: XB-12 at 1 x10^8 cells/dose"] }],
        arms: [{ label: "Dose Level 1: XB-12 at 1 x10^8 cells/dose", type: "EXPERIMENTAL", description: "XB-12 administered at assigned dose as an IV infusion", interventionNames: ["Drug: XB-12"] }],
      },
      expected: { therapy: ["cell-therapy"], route: ["intravenous"] },
    },
  ])("$name", classifiedAs);
});

describe("'allogeneic <immune cell>' in a sentence that names the product says whose cells (and known iPSC-derived products)", () => {
  // NCT04714372's wording with its product code replaced by one no table knows.
  const coded = (description: string) => JSON.parse(JSON.stringify(ft538({ detailedDescription: description })).replaceAll("FT538", "NKX-77")) as FakeStudy;

  it.each<Case>([
    {
      name: "'NKX-77 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy' → allogeneic, tissue unspecified",
      study: coded("NKX-77 is an off the shelf product comprised of allogeneic natural killer (NK)-cell immunotherapy lacking CD38 and expressing hnCD16 and IL-15RF."),
      // Version 11: the daratumumab the titles combine it with is tested too (generalise-v11.test.ts).
      expected: { therapy: ["cell-therapy", "other"], source: ["unspecified"], donor: "allogeneic", route: ["intravenous"] },
    },
    {
      name: "'… an allogeneic NK-cell immunotherapy' spelled with the abbreviation → allogeneic",
      study: coded("NKX-77 is an allogeneic NK-cell immunotherapy expressing hnCD16."),
      expected: { donor: "allogeneic" },
    },
    {
      // NCT04714372
      name: "FT538, a known iPSC-derived NK-cell product (Fate Therapeutics) → pluripotent, allogeneic",
      study: ft538(),
      expected: { source: ["pluripotent"], donor: "allogeneic", route: ["intravenous"] },
    },
  ])("$name", classifiedAs);

  it("the partner drug whose description times it by the product ('prior to the 1st FT538 infusion') is not that product", () => {
    const c = classify(ft538());
    // Not read as cells (version 11 names it only as the combination partner: other).
    expect((c.why.therapy ?? []).filter((l) => l.includes("Daratumumab/rHuPH20") && !l.endsWith("→ other"))).toEqual([]);
    expect(c.route).toEqual(["intravenous"]);
  });

  it.each<Case>([
    {
      name: "near miss: 'NKX-77 is a natural killer (NK)-cell immunotherapy' says nothing about whose cells → donor null",
      study: coded("NKX-77 is a natural killer (NK)-cell immunotherapy lacking CD38 and expressing hnCD16."),
      expected: { source: ["unspecified"], donor: null },
    },
    {
      name: "near miss: a sentence about allogeneic NK cells in general that does not name the product → donor null",
      study: coded("Allogeneic natural killer (NK)-cell products are an emerging treatment of AML."),
      expected: { donor: null },
    },
    {
      name: "near miss: the record's own statement wins over the table ('FT538 … derived from the patient's own iPSCs' → autologous)",
      study: ft538({ detailedDescription: "FT538 will be made of natural killer cells derived from the patient's own induced pluripotent stem cells." }),
      expected: { source: ["pluripotent"], donor: "autologous" },
    },
  ])("$name", classifiedAs);
});

describe("a coded product whose arms give a dose of NK cells is a cell therapy", () => {
  // NCT06097962
  const nk510 = (dose: string): FakeStudy => {
    const interventionNames = ["Drug: NK510", "Drug: Tislelizumab，atezolizumab or sugemalimab"];
    const arms = [
      { label: "Group A (low-dose group)", type: "EXPERIMENTAL", description: `NK510 will be administered once a week for a total of six weeks.${dose}/dose.\n\nPD-1 blockade will be administered every 3 weeks.`, interventionNames },
      { label: "Group B (medium-dose group)", type: "EXPERIMENTAL", description: `NK510 will be administered once a week for a total of six weeks.${dose}/dose.\n\nPD-1 blockade will be administered every 3 weeks.`, interventionNames },
    ];
    const labels = arms.map((a) => a.label);
    return {
      briefTitle: "Safety and Efficacy of NK510 to Treat NSCLC",
      officialTitle: "Exploratory Study of NK510 Combined With PD-1 Blockade in the Treatment of Relapsed and Refractory Advanced NSCLC",
      conditions: ["NSCLC"],
      interventions: [
        { type: "DRUG", name: "NK510", description: "Intravenous infusion", armGroupLabels: labels },
        { type: "DRUG", name: "Tislelizumab，atezolizumab or sugemalimab", description: "Administer according to the instructions", armGroupLabels: labels },
      ],
      arms,
    };
  };

  it.each<Case>([
    {
      name: "'NK510 … 1×10^9 NK cells/dose', 'Intravenous infusion' → cell-therapy, intravenous, tissue unspecified, donor null",
      study: nk510("1×10\\^9 NK cells"),
      expected: { source: ["unspecified"], donor: null, route: ["intravenous"] },
    },
    {
      name: "the same kind spelled out: '2 x 10^9 natural killer cells per dose'",
      study: nk510("2 x 10^9 natural killer cells"),
      expected: { source: ["unspecified"], route: ["intravenous"] },
    },
  ])("$name", (c) => {
    classifiedAs(c);
    expect(classify(c.study).therapy).toContain("cell-therapy");
  });

  it.each<Case>([
    {
      name: "near miss: a count of NK cells measured in the blood ('NK cell count above 1×10^9/L') in a coded drug's arm is no cell product",
      study: nk510("Patients with an NK cell count above 1×10^9/L continue"),
      expected: { therapy: ["other"] },
    },
  ])("$name", classifiedAs);
});

describe("a cellular bone allograft used as the graft in a fusion is a cell therapy of donor bone", () => {
  // NCT05614284
  const virtuos = (keyword: string): FakeStudy => ({
    briefTitle: "Comparative Analysis of Virtuous and Autograft in Lumbar Fusion",
    officialTitle: "A Prospective, Post-Market, Multicenter Comparative Analysis of the Efficacy of Virtuous and Autograft Bone Graft in Lumbar Fusion Surgery",
    conditions: ["Degenerative Disc Disease"],
    keywords: ["Lumbar Fusion", keyword, "TLIF"],
    interventions: [{ type: "DEVICE", name: "Virtuos", description: "Use of autograft or Virtuous Lyograft as an adjunct to spinal fusion in TLIF.", armGroupLabels: ["Autograft", "Virtuous"], otherNames: ["Autograft"] }],
    arms: [
      { label: "Virtuous", type: "EXPERIMENTAL", description: "Virtuous +/- Local Bone", interventionNames: ["Device: Virtuos"] },
      { label: "Autograft", type: "ACTIVE_COMPARATOR", description: "Autograft +/- Allograft Chips", interventionNames: ["Device: Virtuos"] },
    ],
  });
  it.each<Case>([
    {
      name: "keyword 'Cellular Based Lyograft' in a lumbar fusion → cell-therapy, other-tissue, allogeneic, surgical",
      study: virtuos("Cellular Based Lyograft"),
      expected: { therapy: ["cell-therapy"], source: ["other-tissue"], donor: "allogeneic", route: ["surgical"] },
    },
    {
      name: "'cellular bone allograft' as the fusion graft → the same",
      study: {
        briefTitle: "Cellular Bone Allograft in Posterolateral Lumbar Fusion",
        interventions: [{ type: "DEVICE", name: "Cellular bone allograft", description: "The cellular bone allograft is placed in the posterolateral gutters during instrumented fusion surgery." }],
      },
      expected: { therapy: ["cell-therapy"], source: ["other-tissue"], donor: "allogeneic", route: ["surgical"] },
    },
  ])("$name", classifiedAs);
  it.each<Case>([
    { name: "near miss: keyword 'Lyograft' alone (no 'cellular') stays other", study: virtuos("Lyograft"), expected: { therapy: ["other"], source: [], donor: null } },
    {
      // NCT06503328 (shared, unlabelled): an observational microRNA study whose keywords name what is measured
      name: "near miss: a keyword naming cells that are measured ('Peripheral blood mononuclear cells') in a study with no intervention stays other",
      study: {
        briefTitle: "Role of Specific microRNAs in Cluster Headache",
        officialTitle: "Role of Specific microRNAs in Cluster Headache: Implications for Disease Phenotype and Neuropeptide Expression",
        conditions: ["Cluster Headache"],
        keywords: ["MicroRNA", "miR-155", "Peripheral blood mononuclear cells", "CGRP", "Headache"],
      },
      expected: { therapy: ["other"], source: [], donor: null, route: [] },
    },
    {
      name: "near miss: plain 'allograft chips' / DBM as the fusion graft stay other",
      study: { briefTitle: "Allograft Chips and DBM in Lumbar Fusion", interventions: [{ type: "DEVICE", name: "Allograft chips with DBM", description: "Allograft chips mixed with demineralized bone matrix placed in the fusion bed." }] },
      expected: { therapy: ["other"], source: [] },
    },
    {
      // NCT05037968 (labelled other): the cellular allograft is the comparator arm that lists the device too
      name: "near miss: 'viable cellular allograft' only in the active-comparator arm of a device trial stays other",
      study: {
        briefTitle: "MagnetOs Flex Matrix Compared to Cell Based Allografts in Patients Undergoing up to Four-level Instrumented Posterolateral Fusion",
        interventions: [{ type: "DEVICE", name: "MagnetOs Flex Matrix", description: "Procedure: Instrumented Posterolateral Lumbar Fusion" }],
        arms: [
          { label: "MagnetOs Flex Matrix", type: "EXPERIMENTAL", description: "MagnetOs Flex Matrix use in instrumented posterolateral fusion, 5cc-10cc mixed with autograft bone", interventionNames: ["Device: MagnetOs Flex Matrix"] },
          { label: "Cell Based Allograft", type: "ACTIVE_COMPARATOR", description: "Cellular Allografts are a cryopreserved, viable cellular allograft containing cancellous bone and demineralized cortical bone designed for surgical use, applied per spine level at the contralateral side.", interventionNames: ["Device: MagnetOs Flex Matrix"] },
        ],
      },
      expected: { therapy: ["other"], source: [], donor: null },
    },
  ])("$name", classifiedAs);
});
