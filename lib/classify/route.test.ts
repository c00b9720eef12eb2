import { describe, expect, it } from "vitest";
import { classifyStudy } from "./classify";
import { fakeStudy, type FakeStudy } from "./fake-study";

const asOf = new Date("2025-01-01T00:00:00Z");
const route = (s: FakeStudy) => classifyStudy(fakeStudy(s), { asOf }).route;

describe("route", () => {
  it("ignores the saline placebo arm's route", () => {
    // NCT04042844: the saline control is described as an intravenous infusion preparation
    expect(
      route({
        detailedDescription: "Subjects randomized to active treatment will undergo bone marrow harvest for processing into BRTX-100 for intradiscal injection.",
        interventions: [
          { name: "BRTX-100", description: "Hypoxic cultured mesenchymal stem cells (MSCs) from autologous bone marrow with autologous platelet lysate." },
          { type: "DRUG", name: "Saline", description: "Sodium Chloride (0.9%) intravenous infusion preparation is a sterile and non-pyrogenic solution" },
        ],
        arms: [
          { label: "Active Treatment- BRTX-100", type: "EXPERIMENTAL", interventionNames: ["Biological: BRTX-100"] },
          { label: "Saline", type: "PLACEBO_COMPARATOR", description: "Isotonic saline will be used as a control in this study.", interventionNames: ["Drug: Saline"] },
        ],
      }),
    ).toEqual(["intradiscal"]);
  });

  it("ignores clauses about another agent given in the same arm", () => {
    // NCT05018637
    expect(
      route({
        interventions: [
          { type: "DRUG", name: "WJ-MSC", description: "intramedullary injection of 4 x 107 WJ-MSCs (direct injection into the recently fractured vertebra) at baseline (day 0). subcutaneous injection of 20 µg teriparatide once daily for 6 months" },
          { type: "DRUG", name: "Teriparatide", description: "subcutaneous injection of 20 µg teriparatide once daily for 6 months" },
        ],
      }),
    ).toEqual(["intraosseous"]);
  });

  it("folds injections made during an open operation into surgical", () => {
    // NCT01676441
    expect(
      route({
        conditions: ["Spinal Cord Injury"],
        interventions: [{ type: "DRUG", name: "cellgram-spine", description: "Mesenchymal stem cells transplantation" }],
        arms: [{ label: "cellgram-spine", type: "EXPERIMENTAL", description: "posterior cervical laminectomy and Mesenchymal stem cells tranplantation. After laminectomy, 1.6X10^7 and 3.2 X10^7 Autologous Mesenchymal stem cells is injected into the intramedullary and intrathecal space respectively", interventionNames: ["Drug: cellgram-spine"] }],
      }),
    ).toEqual(["surgical"]);
  });

  it("keeps intradiscal for a needle injection after endoscopic discectomy", () => {
    // NCT04414592
    expect(route({ interventions: [{ type: "OTHER", name: "human umbilical cord mesenchymal stem cells", description: "Twenty million human umbilical cord mesenchymal stem cells will be immediately injected into the degenerative discs of such patients who are diagnosed with lumbar disc herniation and operated with full endoscopy lumbar discectomy." }] })).toEqual(["intradiscal"]);
  });

  it("does not read a condition or a negated phrase as a route", () => {
    // NCT06053242 ("in patients with Degenerative Disc Disease"), NCT04520945 ("does not require invasive surgical intervention")
    expect(route({ briefSummary: "CELZ-201-DDT administered as an intramuscular injection for the treatment of lower back pain in patients with Degenerative Disc Disease.", interventions: [{ type: "DRUG", name: "CELZ-201-DDT", description: "Subjects enrolled in the trial will receive CELZ-201-DDT at the specified dose into the lumbar paraspinal musculature." }], arms: [{ label: "Low Dose", type: "EXPERIMENTAL", description: "Subjects in the low dose arm will receive a single administration of either 6x10\\^6 cells (n=8) or a placebo injection (n=2).", interventionNames: ["Drug: CELZ-201-DDT"] }] })).toEqual(["soft-tissue"]);
    expect(
      route({
        conditions: ["Osteoarthritis, Knee"],
        briefSummary: "The acquisition of MSC does not require invasive surgical intervention or cartilage extraction from other sites. The investigators inject allogeneic human mesenchymal stem cells to the cartilage lesions in patients via intra-articular injection method.",
        interventions: [{ name: "Chondrogen", description: "Mesenchymal stem cell-derived from umbilical cord Wharton Jelly and hyaluronic acid" }],
      }),
    ).toEqual(["facet-or-joint"]);
  });

  it("does not take a fusion approach's name for an epidural injection", () => {
    // NCT03853356: "transforaminal lumbar interbody fusion (TLIF)"
    expect(route({ studyType: "OBSERVATIONAL", interventions: [{ type: "DEVICE", name: "Orthoss", description: "Orthoss® granules mixed with local bone and pedicle bone marrow aspirate." }], detailedDescription: "Patients will receive surgery using transforaminal lumbar interbody fusion (TLIF) techniques." })).toEqual(["surgical"]);
  });

  it("reads the next sentence when it continues the procedure", () => {
    // NCT00813267
    expect(
      route({
        detailedDescription: "Patients in this study will receive infusion of expanded autologous MSC and BMMNCs. The puncture of femoral artery will be conducted with digital subtraction angiography, and the tubes will be inserted into medial femoral circumflex artery.",
        interventions: [{ name: "mesenchymal stem cell infusion" }],
      }),
    ).toEqual(["other"]);
  });

  it("infers only what is near-certain", () => {
    // NCT02674399: knee osteoarthritis injection; NCT02241018: per-kg doses for GVHD; NCT01730547: nothing to go on
    expect(route({ conditions: ["Osteoarthritis, Knee"], interventions: [{ type: "DRUG", name: "JointStem" }] })).toEqual(["facet-or-joint"]);
    expect(route({ conditions: ["Acute Graft-versus-host Disease"], interventions: [{ name: "MSCs" }], arms: [{ label: "Mesenchymal stem cells", type: "EXPERIMENTAL", description: "MSCs will be given at a median dose of 1×10^6 cells/kg once weekly for 4 dose", interventionNames: ["Biological: MSCs"] }] })).toEqual(["intravenous"]);
    expect(route({ conditions: ["Multiple Sclerosis"], interventions: [{ name: "Autologous mesenchymal stem cells" }] })).toEqual(["unspecified"]);
    // A hip fracture is not a joint disease: nothing to infer
    expect(route({ conditions: ["Hip Fractures"], interventions: [{ name: "Allogeneic mesenchymal stromal cells" }] })).toEqual(["unspecified"]);
  });

  it("sends a percutaneous injection for a nonunion into the bone, and names organ injections 'other'", () => {
    // NCT02448849, NCT03878628
    expect(route({ conditions: ["Nonunion of Fracture"], interventions: [{ name: "Percutaneous injection", description: "percutanous implantation of bone marrow derived mesenchymal stromal cells in patients with nonunion fracture." }] })).toEqual(["intraosseous"]);
    expect(route({ briefSummary: "Allogeneic adipose tissue-derived mesenchymal stem cells (ASCs) injected into the lacrimal gland.", interventions: [{ type: "DRUG", name: "Adipose tissue-derived mesenchymal stem cells" }] })).toEqual(["other"]);
  });

  it("uses a known product's route when the record gives none", () => {
    // NCT02412735: rexlemestrocel-L for disc disease
    expect(route({ conditions: ["Degenerative Disc Disease"], interventions: [{ type: "DRUG", name: "Rexlemestrocel-L", description: "Rexlemestrocel-L injection" }] })).toEqual(["intradiscal"]);
  });

  it("is empty when nothing biologic is given", () => {
    expect(route({ interventions: [{ type: "DRUG", name: "Remdesivir", description: "Administered as an intravenous infusion" }] })).toEqual([]);
  });
});
