import { describe, expect, it } from "vitest";
import { EN_PANEL } from "../../app/[locale]/trials/eligibility-panel";
import { couldIJoinText, fitText, panelText } from "../../app/[locale]/trials/eligibility-text";
import { fill } from "../../app/[locale]/trials/eligibility-words";
import { EN_FIT, pluralText } from "../../app/[locale]/trials/[nctId]/fit-view";
import { ANSWER_NAMES } from "../../lib/eligibility/answer-names";
import { QUESTION_GROUPS, QUESTIONS } from "../../lib/eligibility/questions";
import { messagesFor } from "../../lib/i18n/messages";

// The "Could I join?" wording passed to the client components (app/[locale]/trials/eligibility-text.ts):
// the English catalogue says exactly what the components say when no wording is passed (so English
// pages read as before whichever way they are rendered), and the Spanish one covers every question,
// choice and short name, for patients, without the word the site never uses.

describe("the English wording", () => {
  it("is the components' own English", () => {
    const { panel, ...box } = couldIJoinText("en");
    // The box has no English of its own (the page always passes its words): the catalogue's, as they were.
    expect(box).toMatchObject({ title: "Could I join?", open: "Answer the questions", change: "Change my answers ({count} given)", forget: "Forget my answers" });
    const { groups, questions, ...rest } = panel;
    expect(rest).toEqual(EN_PANEL);
    expect(fitText("en")).toEqual(EN_FIT);
    expect(fitText("en").names).toEqual(ANSWER_NAMES);
    expect(Object.keys(groups).sort()).toEqual(QUESTION_GROUPS.map((g) => g.id).sort());
    for (const g of QUESTION_GROUPS) expect(groups[g.id]).toBe(g.title);
    for (const q of QUESTIONS) {
      const t = questions[q.key];
      expect({ text: t.text, hint: t.hint, unit: t.unit }, q.key).toEqual({ text: q.text, hint: q.hint, unit: q.unit });
      expect(t.choices, q.key).toEqual(q.choices ? Object.fromEntries(q.choices.map((c) => [c.value, c.label])) : undefined);
    }
  });
});

describe("the Spanish wording", () => {
  const panel = panelText("es");
  const fit = fitText("es");

  it("has every question, every choice of each and every short name", () => {
    expect(Object.keys(panel.questions).sort()).toEqual(QUESTIONS.map((q) => q.key).sort());
    for (const q of QUESTIONS) {
      const t = panel.questions[q.key];
      expect(t.text, q.key).not.toBe(q.text);
      expect(Boolean(t.hint), q.key).toBe(Boolean(q.hint));
      expect(Boolean(t.unit), q.key).toBe(Boolean(q.unit));
      expect(Object.keys(t.choices ?? {}).sort(), q.key).toEqual((q.choices ?? []).map((c) => c.value).sort());
    }
    expect(Object.keys(fit.names).sort()).toEqual(Object.keys(ANSWER_NAMES).sort());
    expect([panel.yes, panel.no, panel.unitSymbols.in]).toEqual(["Sí", "No", "pulg."]);
    expect(panel.locale).toBe("es");
  });

  it("never says eligible, in either language", () => {
    for (const locale of ["en", "es"] as const) {
      expect(JSON.stringify(messagesFor(locale).eligibility)).not.toMatch(/elegib|eligib/i);
    }
  });

  it("fills counts with the language's plural forms and numbers", () => {
    expect(pluralText(fit.noConflict, 1, "es")).toBe("Sin conflicto con sus respuestas · 1 cosa que preguntar");
    expect(pluralText(fit.noConflict, 3, "es")).toBe("Sin conflicto con sus respuestas · 3 cosas que preguntar");
    expect(pluralText(EN_FIT.noConflict, 1, "en")).toBe("No conflict with your answers · 1 thing to ask");
    expect(pluralText(EN_FIT.compared, 2, "en")).toBe("Compared with your 2 answers from the search page. ");
    expect(fill(fit.rulesOut, { names: [fit.names.age, fit.names.smoker].join(", ") })).toBe("Le deja fuera: la edad, fumar o la nicotina");
    expect(fill(couldIJoinText("es").change, { count: 2 })).toBe("Cambiar mis respuestas (ha contestado 2)");
  });
});
