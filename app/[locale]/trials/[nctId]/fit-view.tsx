"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { Check } from "@/lib/eligibility/check";
import type { FitResult } from "@/lib/eligibility/fit";
import { ANSWER_NAMES } from "@/lib/eligibility/answer-names";
import type { Profile } from "@/lib/eligibility/schema";
import { type Locale, localePath, localeOrDefault } from "@/lib/i18n/paths";
import { answeredCount, answers, useAnswers } from "../answers";
import { type FitText, fill, type PluralForms } from "../eligibility-words";

// The trial page's "Could I join?" view (SPEC §9): each criterion the rules encode, with what the
// patient's answers say about it beside the record's own words, and a printable list of questions
// for the study team. The answers come from this browser's storage and go out only in the POST body.

/**
 * The English wording, when the page passes none (the `eligibility` catalogue's `fit`, `names` and
 * `box`; a unit test keeps them equal). In English each criterion's sentence is the server's own
 * (`why` from /api/fit, which says what the record states and what was answered); in another
 * language the page's `why` sentences stand in for it, and the record's words stay as they are.
 */
export const EN_FIT: FitText = {
  locale: "en",
  title: "Could I join?",
  answerQuestions: "Answer the questions",
  changeAnswers: "Change your answers",
  forget: "Forget my answers",
  names: ANSWER_NAMES,
  rulesOut: "Rules you out: {names}",
  noConflict: { one: "No conflict with your answers · {count} thing to ask", other: "No conflict with your answers · {count} things to ask" },
  result: { meets: "No conflict", fails: "Rules you out", ask: "Ask the study team" },
  compared: { one: "Compared with your {count} answer from the search page. ", other: "Compared with your {count} answers from the search page. " },
  notAnswered: "You have not answered the questions yet, so every rule below is something to ask. ",
  studyTeamDecides: ". This only compares your answers with what the record states; the study team decides who can take part.",
  comparing: "Comparing…",
  error: "Could not compare your answers with this trial ({reason}).",
  recordSays: "The record says: ",
  noRules: "None of this trial's criteria could be turned into rules to compare; read them below and ask the study team.",
  askTitle: "Questions to ask the study team",
  nothingOpen: "Nothing left open by your answers and the rules read from the record. The study team still decides.",
  doesThisApply: "Does this apply to me: “{text}”?",
  print: "Print these questions",
  why: {
    meets: "Your answer about {name} does not conflict with this rule in the record.",
    fails: "Your answer about {name} conflicts with this rule in the record.",
    unanswered: "You have not answered the question about {name}, so ask the study team.",
    unclear: "Your answer about {name} does not settle this rule; ask the study team.",
  },
};

/** The form of `forms` for `n` in `locale`, with `{count}` filled. */
export function pluralText(forms: PluralForms, n: number, locale: string): string {
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return fill(form, { count: new Intl.NumberFormat(locale).format(n) });
}

/** A criterion's sentence: the server's in English, the page's own in another language (see EN_FIT). */
function whyText(c: Check, w: FitText, profile: Profile): string {
  if (w.locale === "en" || c.result === "not-asked") return c.why;
  const name = w.names[c.question] ?? c.question;
  if (c.result === "ask") return fill(profile[c.question] === undefined ? w.why.unanswered : w.why.unclear, { name });
  return fill(w.why[c.result], { name });
}

/** The record's own words (English from ClinicalTrials.gov): marked as English on another language's page. */
function RecordWords({ text, locale }: { text: string; locale: string }) {
  return locale === "en" ? <>{text}</> : <span lang="en">{text}</span>;
}

type Loaded = { state: "loading" } | { state: "error"; message: string } | { state: "done"; fit: FitResult | null };

/**
 * `text`: the wording in the page's language (app/[locale]/trials/eligibility-text.ts); English when
 * left out. `locale`: the page's language, for the link to the questions (default: text's).
 */
export default function FitView({ nctId, uncovered, text, locale }: { nctId: string; uncovered: string[]; text?: FitText; locale?: Locale }) {
  const w = text ?? EN_FIT;
  const lang: Locale = locale ?? (localeOrDefault(w.locale));
  const a = useAnswers();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const { profile, revision } = a;
  useEffect(() => {
    const ctrl = new AbortController();
    fetch("/api/fit", { method: "POST", signal: ctrl.signal, headers: { "content-type": "application/json" }, body: JSON.stringify({ profile, nctIds: [nctId] }) })
      .then(async (res) => {
        const body = (await res.json().catch(() => null)) as { results?: FitResult[]; message?: string } | null;
        if (!res.ok || !body?.results) throw new Error(body?.message ?? `HTTP ${res.status}`);
        setLoaded({ state: "done", fit: body.results[0] ?? null });
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setLoaded({ state: "error", message: fill(w.error, { reason: (err as Error).message }) });
      });
    return () => ctrl.abort();
    // revision stands for the profile: it moves whenever an answer changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nctId, revision]);

  const n = answeredCount(profile);
  const fit = loaded.state === "done" ? loaded.fit : null;
  const stated = fit?.checks.filter((c) => c.result !== "not-asked") ?? [];
  const toAsk = stated.filter((c) => c.result === "ask");

  return (
    <section aria-labelledby="fit-h" className="fit-view" data-testid="fit-view">
      <h2 id="fit-h">{w.title}</h2>
      <p className="help">
        {n > 0 ? pluralText(w.compared, n, w.locale) : w.notAnswered}
        <Link href={localePath(lang, "/trials#could-i-join")}>{n > 0 ? w.changeAnswers : w.answerQuestions}</Link>
        {n > 0 ? (
          <>
            {" · "}
            <button type="button" className="link-button" onClick={() => answers.forget()}>
              {w.forget}
            </button>
          </>
        ) : null}
        {w.studyTeamDecides}
      </p>
      {loaded.state === "loading" ? <p role="status">{w.comparing}</p> : null}
      {loaded.state === "error" ? (
        <p className="notice" role="alert">
          {loaded.message}
        </p>
      ) : null}
      {fit ? (
        <>
          <p className={`fit ${fit.verdict === "ruled-out" ? "fit-out" : "fit-ok"}`} data-fit={fit.verdict}>
            {fit.verdict === "ruled-out"
              ? fill(w.rulesOut, {
                  names: fit.checks
                    .filter((c) => c.result === "fails")
                    .map((c) => w.names[c.question] ?? c.question)
                    .join(", "),
                })
              : pluralText(w.noConflict, toAsk.length + fit.otherCriteria, w.locale)}
          </p>
          {stated.length > 0 ? (
            <ul className="criteria" data-testid="criteria">
              {stated.map((c) => (
                <li key={c.question} className={`criterion result-${c.result}`} data-question={c.question} data-result={c.result}>
                  <strong className="result-label">{c.result === "not-asked" ? "" : w.result[c.result]}</strong> <span>{whyText(c, w, profile)}</span>
                  {c.criterion ? (
                    <blockquote className="record-words">
                      <span className="muted">{w.recordSays}</span>“<RecordWords text={c.criterion} locale={w.locale} />”
                    </blockquote>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{w.noRules}</p>
          )}
          <section className="questions-to-ask" aria-labelledby="ask-h" data-testid="questions-to-ask">
            <h3 id="ask-h">{w.askTitle}</h3>
            {toAsk.length + uncovered.length === 0 ? (
              <p>{w.nothingOpen}</p>
            ) : (
              <ol>
                {toAsk.map((c) => (
                  <li key={c.question}>
                    {c.criterion ? (
                      <>
                        “<RecordWords text={c.criterion} locale={w.locale} />”:{" "}
                      </>
                    ) : null}
                    {whyText(c, w, profile)}
                  </li>
                ))}
                {uncovered.map((text, i) => {
                  const [before, after = ""] = w.doesThisApply.split("{text}");
                  return (
                    <li key={`u-${i}`}>
                      {before}
                      <RecordWords text={text} locale={w.locale} />
                      {after}
                    </li>
                  );
                })}
              </ol>
            )}
            <p className="no-print">
              <button
                type="button"
                onClick={() => {
                  document.documentElement.dataset.print = "questions";
                  window.print();
                  delete document.documentElement.dataset.print;
                }}
              >
                {w.print}
              </button>
            </p>
          </section>
        </>
      ) : null}
    </section>
  );
}
