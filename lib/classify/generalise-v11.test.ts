import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";
import type { Classification } from "./schema";

// Classifier version 11 (issue 14): kinds of miss left on the development labels once fresh-8 and fresh-9
// (each measured once with version 10) became development. Each case quotes a labelled record's own phrase
// (NCT id in the comment) and states the kind in general terms; each kind has a near miss that must not change.

const asOf = new Date("2025-01-01T00:00:00Z");
const classify = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf });

type Case = { name: string; study: FakeStudy; expected: Partial<Classification> };
const classifiedAs = ({ study, expected }: Case) => expect(classify(study)).toMatchObject(expected);

const doseArms = (product: string, names: string[]) =>
  [1, 2].map((n) => ({ label: `Dose Level ${n}: ${product}`, type: "EXPERIMENTAL", description: `${product} administered at assigned dose as an IV infusion`, interventionNames: names }));

describe("a drug the record says the biologic is combined with is tested too (other)", () => {
  it.each<Case>([
    {
      // NCT04714372
      name: "'FT538 in Combination With Daratumumab', daratumumab listed in every experimental arm → cell-therapy + other",
      study: {
        briefTitle: "FT538 in Combination With Daratumumab in AML Acute Myeloid Leukemia",
        briefSummary: "This Phase I open-label dose escalation study is conducted in two stages with a primary endpoint to identify the maximum tolerated dose (MTD) of FT538 when administered with daratumumab.",
        interventions: [
          { type: "DRUG", name: "Daratumumab/rHuPH20", description: "Daratumumab 1800 mg co-formulated with 30,000 units of hyaluronidase (rHuPH20) given subcutaneously", armGroupLabels: ["Dose Level 1: FT538", "Dose Level 2: FT538"] },
          { type: "DRUG", name: "FT538", description: "FT538 is administered as an IV infusion", armGroupLabels: ["Dose Level 1: FT538", "Dose Level 2: FT538"] },
          { type: "DRUG", name: "Fludarabine", description: "Fludarabine 25 mg/m^2 is administered as a 1 hour intravenous (IV) infusion", armGroupLabels: ["Dose Level 1: FT538", "Dose Level 2: FT538"] },
        ],
        arms: doseArms("FT538", []),
      },
      expected: { therapy: ["cell-therapy", "other"], route: ["intravenous"] },
    },
    {
      // NCT06097962
      name: "'NK510 will be administered in combination with PD-1 blockade', the antibodies listed beside it → cell-therapy + other",
      study: {
        briefTitle: "Safety and Efficacy of NK510 to Treat NSCLC",
        officialTitle: "Exploratory Study of NK510 Combined With PD-1 Blockade in the Treatment of Relapsed and Refractory Advanced NSCLC",
        briefSummary: "This study will evaluate the safety and efficacy of NK510 in the treatment of relapsed and refractory advanced NSCLC.NK510 will be administered in combination with PD-1 blockade.",
        interventions: [
          { type: "DRUG", name: "NK510", description: "Intravenous infusion", armGroupLabels: ["Group A (low-dose group)", "Group B (medium-dose group)"] },
          { type: "DRUG", name: "Tislelizumab，atezolizumab or sugemalimab", description: "Administer according to the instructions", armGroupLabels: ["Group A (low-dose group)", "Group B (medium-dose group)"] },
        ],
        arms: ["Group A (low-dose group)", "Group B (medium-dose group)"].map((label, i) => ({
          label,
          type: "EXPERIMENTAL",
          description: `NK510 will be administered once a week for a total of six weeks.${i === 0 ? 1 : 9}×10\\^9 NK cells/dose.\n\nPD-1 blockade will be administered every 3 weeks.`,
          interventionNames: ["Drug: NK510", "Drug: Tislelizumab，atezolizumab or sugemalimab"],
        })),
      },
      expected: { therapy: ["cell-therapy", "other"] },
    },
    {
      // NCT02241018 (near miss): the drugs are also the whole of the other arm, so they are what the cells are compared on.
      name: "'MSCs Combined With CD25 Monoclonal Antibody and Calcineurin Inhibitors', the drugs also given without the cells → cell-therapy alone",
      study: {
        briefTitle: "MSCs Combined With CD25 Monoclonal Antibody and Calcineurin Inhibitors for Treatment of Steroid-resistant aGVHD",
        interventions: [
          { type: "DRUG", name: "CD25 monoclonal antibody", armGroupLabels: ["CD25 Mc Ab & calcineurin inhibitors", "Mesenchymal stem cells"] },
          { type: "DRUG", name: "calcineurin inhibitors", armGroupLabels: ["CD25 Mc Ab & calcineurin inhibitors", "Mesenchymal stem cells"] },
          { type: "BIOLOGICAL", name: "MSCs", armGroupLabels: ["Mesenchymal stem cells"] },
        ],
        arms: [
          {
            label: "Mesenchymal stem cells",
            type: "EXPERIMENTAL",
            description: "MSCs will be given at a median dose of 1×10^6 cells/kg once weekly for 4 dose (as 1 cycle) or until CR. Besides, CD25 monoclonal antibody (20mg/kg) will be administered at day 1,4,8,15, 21 and calcineurin inhibitors will also be used.",
            interventionNames: ["Drug: CD25 monoclonal antibody", "Drug: calcineurin inhibitors", "Biological: MSCs"],
          },
          {
            label: "CD25 Mc Ab & calcineurin inhibitors",
            type: "EXPERIMENTAL",
            description: "CD25 monoclonal antibody (20mg/kg, day 1,4,8,15,21) will be administered combined with calcineurin inhibitors.",
            interventionNames: ["Drug: CD25 monoclonal antibody", "Drug: calcineurin inhibitors"],
          },
        ],
      },
      expected: { therapy: ["cell-therapy"] },
    },
    {
      // Near miss: lymphodepletion before CAR-T cells makes room for the cells; it is not a partner.
      name: "'CAR-T cells in combination with fludarabine and cyclophosphamide lymphodepletion' → cell-therapy alone",
      study: {
        briefTitle: "CD19 CAR-T Cells in Combination With Fludarabine and Cyclophosphamide Lymphodepletion for B-cell Lymphoma",
        interventions: [
          { type: "BIOLOGICAL", name: "CD19 CAR-T cells", armGroupLabels: ["CAR-T"] },
          { type: "DRUG", name: "Fludarabine", armGroupLabels: ["CAR-T"] },
          { type: "DRUG", name: "Cyclophosphamide", armGroupLabels: ["CAR-T"] },
        ],
        arms: [{ label: "CAR-T", type: "EXPERIMENTAL", description: "Patients receive CD19 CAR-T cells intravenously" }],
      },
      expected: { therapy: ["cell-therapy"] },
    },
  ])("$name", classifiedAs);
});

describe("a criterion that the participants' blood can be collected says whose blood the immune cells come from", () => {
  const car = (eligibilityCriteria: string): FakeStudy => ({
    briefTitle: "Safety and Efficacy of CD123-Targeted CAR-T Therapy for Relapsed/Refractory Acute Myeloid Leukemia",
    interventions: [{ type: "BIOLOGICAL", name: "CD123 CAR-T cells", description: "A single infusion of CD123-CAR-T cells will be administered intravenously" }],
    arms: [{ label: "CD123 CAR-T cells treat", type: "EXPERIMENTAL", description: "Patients will be be treated with CD123 CAR-T cells", interventionNames: ["Biological: CD123 CAR-T cells"] }],
    eligibilityCriteria,
  });
  it.each<Case>([
    {
      // NCT04272125
      name: "'With single or venous blood collection standards, and no other cell collection contraindications' → peripheral-blood, autologous",
      study: car("Inclusion Criteria:\n\n11. Sufficient pulmonary function defined by indoor oxygen saturation≥92%;\n12. With single or venous blood collection standards, and no other cell collection contraindications;"),
      expected: { therapy: ["cell-therapy"], source: ["peripheral-blood"], donor: "autologous", route: ["intravenous"] },
    },
    {
      // Near miss: blood drawn for tests collects nothing for the cells.
      name: "'Adequate venous access for blood sampling' → source unspecified, donor null",
      study: car("Inclusion Criteria:\n\n12. Adequate venous access for blood sampling;"),
      expected: { therapy: ["cell-therapy"], source: ["unspecified"], donor: null },
    },
  ])("$name", classifiedAs);
});
