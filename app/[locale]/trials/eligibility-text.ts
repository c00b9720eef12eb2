import "server-only";
import type { ProfileKey } from "@/lib/eligibility/schema";
import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import type { CouldIJoinText, FitText, PanelText, QuestionText } from "./eligibility-words";

// The "Could I join?" wording in a language, for the client components that show it (could-i-join,
// eligibility-panel, fit-view). They run in the browser with no i18n code (the first load of /trials
// has no room for it), so the server page reads the `eligibility` catalogue here and passes plain
// strings as props (shapes in ./eligibility-words.ts). A `{count}`-style placeholder is left for the
// component to fill; messages that choose a form (yes/no, unit symbols) are chosen here. Server only:
// a client component importing this would bring every catalogue into the browser.

export type { CouldIJoinText, FitText, PanelText };

type Catalogue = ReturnType<typeof messagesFor>["eligibility"];

function catalogue(locale: Locale): Catalogue {
  return messagesFor(locale).eligibility;
}

/** The panel's strings: the questions, their choices and the form's own words. */
export function panelText(locale: Locale): PanelText {
  const c = catalogue(locale);
  const t = translatorFor(locale, "eligibility");
  // `answer` and `unitSymbol` choose a form (ICU select): chosen here, the rest passes as it is.
  const { answer: _answer, unitSymbol: _unitSymbol, ...words } = c.panel;
  const unit = (u: "cm" | "kg" | "in" | "lb") => t("panel.unitSymbol", { unit: u });
  return {
    locale,
    ...words,
    yes: t("panel.answer", { answer: "yes" }),
    no: t("panel.answer", { answer: "no" }),
    unitSymbols: { cm: unit("cm"), kg: unit("kg"), in: unit("in"), lb: unit("lb") },
    groups: c.groups,
    questions: c.questions as Record<ProfileKey, QuestionText>,
  };
}

/** The "Could I join?" box above the results, with the panel it opens. */
export function couldIJoinText(locale: Locale): CouldIJoinText {
  // The box's explanation (`intro`) is rendered by the server page, not passed to the client.
  const { intro: _intro, ...words } = catalogue(locale).box;
  return { ...words, panel: panelText(locale) };
}

/** The trial page's "Could I join?" view. */
export function fitText(locale: Locale): FitText {
  const { box, fit, names } = catalogue(locale);
  return {
    locale,
    title: box.title,
    answerQuestions: box.open,
    changeAnswers: fit.changeAnswers,
    forget: box.forget,
    names: names as Record<ProfileKey, string>,
    rulesOut: fit.rulesOut,
    noConflict: fit.noConflictForms,
    result: fit.result,
    compared: fit.compared,
    notAnswered: fit.notAnswered,
    studyTeamDecides: fit.studyTeamDecides,
    comparing: fit.comparing,
    error: fit.error,
    recordSays: fit.recordSays,
    noRules: fit.noRules,
    askTitle: fit.askTitle,
    nothingOpen: fit.nothingOpen,
    doesThisApply: fit.doesThisApply,
    print: fit.print,
    why: fit.why,
  };
}
