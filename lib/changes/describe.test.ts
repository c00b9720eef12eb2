import { describe, expect, it } from "vitest";
import { changeDay, describeChange, describeChangeParts, describeDated, describeField, WHAT_CHANGED, whatChangedText } from "./describe";
import type { FieldChange } from "./schema";

const f = (field: FieldChange["field"], to: string | null = null, from: string | null = null): FieldChange => ({ field, from, to });

describe("describe (English, the default: feeds and emails)", () => {
  it("words each kind of change as before", () => {
    expect(describeField(f("added"))).toBe("First listed here");
    expect(describeField(f("removed"))).toBe("No longer listed on ClinicalTrials.gov for this topic");
    expect(describeField(f("status", "Recruiting", "Not yet recruiting"))).toBe("Now recruiting");
    expect(describeField(f("status"))).toBe("Now status not stated");
    expect(describeField(f("phase", "Phase 2", "Phase 1"))).toBe("Phase changed: Phase 1 → Phase 2");
    expect(describeField(f("enrollment", "40 (actual)", null))).toBe("Enrollment changed: not stated → 40 (actual)");
    expect(describeField(f("sites", "2 sites added: Boston, Denver"))).toBe("2 sites added: Boston, Denver");
    expect(describeField(f("sites"))).toBe("Sites changed");
    expect(describeField(f("eligibility"))).toBe("Who can join: changed");
    expect(describeField(f("title", "New title"))).toBe("Title changed to “New title”");
    expect(describeField(f("results", "Results posted"))).toBe("Results posted");
    expect(describeChange([f("status", "Recruiting"), f("sites", "2 sites added: Boston, Denver")])).toBe("Now recruiting · 2 sites added: Boston, Denver");
  });

  it("dates the change in English by default", () => {
    expect(changeDay("2026-11-12T23:30:00Z")).toBe("12 Nov 2026");
    expect(describeDated({ seenAt: "2026-11-12T10:00:00Z", runId: 1, fields: [f("results")] })).toBe("12 Nov 2026: Results posted");
    expect(WHAT_CHANGED.heading).toBe("What changed");
  });
});

describe("describe in Spanish", () => {
  it("says the fixed changes in Spanish", () => {
    expect(describeField(f("added"), "es")).toBe("Aparece aquí por primera vez");
    expect(describeField(f("results", "Results posted"), "es")).toBe("Resultados publicados");
    expect(describeField(f("status", "Recruiting"), "es")).toBe("Ahora: Buscando participantes");
    expect(describeField(f("phase", "Phase 2", "Early phase 1"), "es")).toBe("Cambió la fase: Fase 1 temprana → Fase 2");
    expect(describeField(f("enrollment", "1200 (estimated)", "40 (actual)"), "es")).toBe("Cambió el número de participantes: 40 (real) → 1200 (prevista)");
    expect(describeField(f("startDate", "2027-03", null), "es")).toBe("Cambió la fecha de inicio: no indicado → mar 2027");
  });

  it("reads the stored site summary back and keeps the place names as record text", () => {
    const parts = describeChangeParts([f("sites", "2 sites added: Boston, Denver; 1 site now completed: Austin")], "es");
    expect(parts).toEqual(["2 centros nuevos: ", { en: "Boston, Denver" }, "; ", "1 centro ahora con estado «terminado»: ", { en: "Austin" }]);
    expect(describeField(f("sites", "7 sites removed: A, B, C, D, E and 2 more"), "es")).toBe("7 centros quitados: A, B, C, D, E y 2 más");
  });

  it("says eligibility, interventions and contacts summaries in Spanish", () => {
    expect(describeField(f("eligibility", "criteria text updated; minimum age 18 Years → 21 Years; sex ALL → FEMALE"), "es")).toBe(
      "Quién puede participar: cambió el texto de los requisitos; edad mínima: 18 años → 21 años; sexo: hombres y mujeres → solo mujeres",
    );
    expect(describeChangeParts([f("interventions", "1 intervention added: Stem cells")], "es")).toEqual(["Tratamientos: 1 tratamiento nuevo: ", { en: "Stem cells" }]);
    expect(describeField(f("contacts", "1 contact added; 2 contacts removed"), "es")).toBe("Contactos: 1 contacto nuevo; 2 contactos quitados");
  });

  it("keeps the record's title and any summary it cannot read back as English record text", () => {
    expect(describeChangeParts([f("title", "Stem Cells for Back Pain")], "es")).toEqual(["El título cambió a “", { en: "Stem Cells for Back Pain" }, "”"]);
    expect(describeChangeParts([f("sites", "something new")], "es")).toEqual([{ en: "something new" }]);
  });

  it("dates the change in Spanish form", () => {
    expect(changeDay("2026-12-06T12:00:00Z", "es")).toBe("6 dic 2026");
    expect(describeDated({ seenAt: "2026-12-06T12:00:00Z", runId: 1, fields: [f("results")] }, "es")).toBe("6 dic 2026: Resultados publicados");
    expect(whatChangedText("es").heading).toBe("Qué cambió");
  });
});
