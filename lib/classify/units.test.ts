import { describe, expect, it } from "vitest";
import { fakeStudy } from "./fake-study";
import { readStudy } from "./record";
import { buildUnits, controlText } from "./units";

const roles = (s: Parameters<typeof fakeStudy>[0]) => Object.fromEntries(buildUnits(readStudy(fakeStudy(s))).map((u) => [u.intervention.name, u.role]));

describe("buildUnits", () => {
  it("treats placebo, sham and saline arms as controls", () => {
    // NCT04042844
    expect(
      roles({
        interventions: [
          { name: "BRTX-100", description: "Hypoxic cultured mesenchymal stem cells (MSCs) from autologous bone marrow with autologous platelet lysate." },
          { type: "DRUG", name: "Saline", description: "Sodium Chloride (0.9%) intravenous infusion preparation is a sterile and non-pyrogenic solution" },
        ],
        arms: [
          { label: "Active Treatment- BRTX-100", type: "EXPERIMENTAL", interventionNames: ["Biological: BRTX-100"] },
          { label: "Saline", type: "PLACEBO_COMPARATOR", interventionNames: ["Drug: Saline"] },
        ],
      }),
    ).toEqual({ "BRTX-100": "investigational", Saline: "control" });
  });

  it("reads a control label even on an active-comparator arm", () => {
    // NCT05238740: "Control group 4-6mg rhBMP-2"
    expect(
      roles({
        interventions: [{ type: "OTHER", name: "ViviGen®" }, { type: "OTHER", name: "rhBMP-2" }],
        arms: [
          { label: "Intervention group 5-5.4 cc ViviGen®", type: "ACTIVE_COMPARATOR", interventionNames: ["Other: ViviGen®"] },
          { label: "Control group 4-6mg rhBMP-2", type: "ACTIVE_COMPARATOR", interventionNames: ["Other: rhBMP-2"] },
        ],
      }),
    ).toEqual({ "ViviGen®": "investigational", "rhBMP-2": "control" });
  });

  it("takes what follows 'versus' in a title as the comparator only when the brief title leaves it out", () => {
    // NCT05405374: both arms are active comparators; the brief title names only OSTEOAMP
    const osteoamp = {
      briefTitle: "OSTEOAMP Lumbar Fusion Intra-Patient Controlled Study",
      officialTitle: "A Prospective, Randomized, Intra-Patient Controlled, Multi-Center Clinical Investigation Evaluating OSTEOAMP SELECT Fibers Versus Infuse Bone Graft as Autograft Substitute in Lumbar Fusion Procedures",
      interventions: [{ type: "OTHER", name: "OSTEOAMP" }, { type: "DEVICE", name: "Infuse" }],
      arms: [
        { label: "OSTEOAMP", type: "ACTIVE_COMPARATOR", interventionNames: ["Other: OSTEOAMP"] },
        { label: "Infuse", type: "ACTIVE_COMPARATOR", interventionNames: ["Device: Infuse"] },
      ],
    };
    expect(roles(osteoamp)).toEqual({ OSTEOAMP: "investigational", Infuse: "comparator" });
    // NCT01984450: "ACIC Vs. MCIC", both named in the brief title: two techniques under test
    const acic = {
      briefTitle: "A Study to Compare Two Techniques for Articular Cartilage Repair:ACIC Vs. MCIC",
      interventions: [{ type: "PROCEDURE", name: "ACIC" }, { type: "PROCEDURE", name: "MCIC" }],
      arms: [
        { label: "ACIC", type: "ACTIVE_COMPARATOR", interventionNames: ["Procedure: ACIC"] },
        { label: "MCIC", type: "ACTIVE_COMPARATOR", interventionNames: ["Procedure: MCIC"] },
      ],
    };
    expect(roles(acic)).toEqual({ ACIC: "investigational", MCIC: "investigational" });
  });

  it("does not take a crossover or a mistyped arm for a control", () => {
    // NCT03003364: "XCEL-UMC-BETA/placebo" crossover; NCT02368587: placebo-typed arm labelled with the cells
    expect(
      roles({
        interventions: [{ type: "DRUG", name: "XCEL-UMC-BETA" }, { type: "DRUG", name: "Placebo" }],
        arms: [
          { label: "XCEL-UMC-BETA/placebo", type: "EXPERIMENTAL", interventionNames: ["Drug: XCEL-UMC-BETA", "Drug: Placebo"] },
          { label: "Placebo/XCEL-UMC-BETA", type: "PLACEBO_COMPARATOR", interventionNames: ["Drug: XCEL-UMC-BETA", "Drug: Placebo"] },
        ],
      }),
    ).toEqual({ "XCEL-UMC-BETA": "investigational", Placebo: "control" });
    expect(
      roles({
        interventions: [{ name: "WJMSCs Vs. placebo" }],
        arms: [{ label: "Intracoronary infusion WJMSCs", type: "PLACEBO_COMPARATOR", interventionNames: ["Biological: WJMSCs Vs. placebo"] }],
      }),
    ).toEqual({ "WJMSCs Vs. placebo": "investigational" });
  });

  it("tells apart two interventions with one name by their type", () => {
    // NCT02448849: the cells and the placebo are both called "Percutaneous injection"
    const units = buildUnits(
      readStudy(
        fakeStudy({
          interventions: [
            { type: "BIOLOGICAL", name: "Percutaneous injection", description: "percutanous implantation of bone marrow derived mesenchymal stromal cells" },
            { type: "OTHER", name: "Percutaneous injection", description: "Percutaneous implantation of placebo" },
          ],
          arms: [
            { label: "MSC recipients", type: "EXPERIMENTAL", interventionNames: ["Biological: Percutaneous injection"] },
            { label: "Placebo", type: "PLACEBO_COMPARATOR", interventionNames: ["Other: Percutaneous injection"] },
          ],
        }),
      ),
    );
    expect(units.map((u) => [u.intervention.type, u.role])).toEqual([
      ["BIOLOGICAL", "investigational"],
      ["OTHER", "control"],
    ]);
  });

  it("marks what every arm receives as backbone", () => {
    // NCT05018637: teriparatide in both arms
    const units = buildUnits(
      readStudy(
        fakeStudy({
          interventions: [{ type: "DRUG", name: "WJ-MSC" }, { type: "DRUG", name: "Teriparatide" }],
          arms: [
            { label: "WJ-MSC group", type: "EXPERIMENTAL", interventionNames: ["Drug: WJ-MSC", "Drug: Teriparatide"] },
            { label: "Teriparatide group", type: "ACTIVE_COMPARATOR", interventionNames: ["Drug: Teriparatide"] },
          ],
        }),
      ),
    );
    expect(units.map((u) => [u.intervention.name, u.backbone])).toEqual([
      ["WJ-MSC", false],
      ["Teriparatide", true],
    ]);
  });
});

describe("controlText", () => {
  it("keeps what the control arm receives but not sentences that describe the studied arm", () => {
    // NCT02384018 and NCT04650568
    const study = readStudy(
      fakeStudy({
        interventions: [{ name: "autologous mesenchymal stromal cell" }, { type: "OTHER", name: "Sham incision" }],
        arms: [
          { label: "Control", type: "NO_INTERVENTION", description: "Patients will receive standard islet transplantation." },
          { label: "Control Sham Incision", type: "PLACEBO_COMPARATOR", description: "Patients will receive a sham incision on the anterior superior iliac spine where the bone marrow aspirate is obtained in the the experimental group.", interventionNames: ["Other: Sham incision"] },
        ],
      }),
    );
    const text = controlText(study, buildUnits(study));
    expect(text).toContain("patients will receive standard islet transplantation.");
    expect(text.some((s) => s.includes("bone marrow aspirate"))).toBe(false);
  });
});
