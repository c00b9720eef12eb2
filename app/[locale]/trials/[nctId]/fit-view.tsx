"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { Check } from "@/lib/eligibility/check";
import type { FitResult } from "@/lib/eligibility/fit";
import { shortName } from "@/lib/eligibility/answer-names";
import { answeredCount, answers, useAnswers } from "../answers";

// The trial page's "Could I join?" view (SPEC §9): each criterion the rules encode, with what the
// patient's answers say about it beside the record's own words, and a printable list of questions
// for the study team. The answers come from this browser's storage and go out only in the POST body.

const RESULT_TEXT: Record<Check["result"], string> = {
  meets: "No conflict",
  fails: "Rules you out",
  ask: "Ask the study team",
  "not-asked": "",
};

type Loaded = { state: "loading" } | { state: "error"; message: string } | { state: "done"; fit: FitResult | null };

export default function FitView({ nctId, uncovered }: { nctId: string; uncovered: string[] }) {
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
        if (!ctrl.signal.aborted) setLoaded({ state: "error", message: `Could not compare your answers with this trial (${(err as Error).message}).` });
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
      <h2 id="fit-h">Could I join?</h2>
      <p className="help">
        {n > 0 ? `Compared with your ${n} ${n === 1 ? "answer" : "answers"} from the search page. ` : "You have not answered the questions yet, so every rule below is something to ask. "}
        <Link href="/trials#could-i-join">{n > 0 ? "Change your answers" : "Answer the questions"}</Link>
        {n > 0 ? (
          <>
            {" · "}
            <button type="button" className="link-button" onClick={() => answers.forget()}>
              Forget my answers
            </button>
          </>
        ) : null}
        . This only compares your answers with what the record states; the study team decides who can take part.
      </p>
      {loaded.state === "loading" ? <p role="status">Comparing…</p> : null}
      {loaded.state === "error" ? (
        <p className="notice" role="alert">
          {loaded.message}
        </p>
      ) : null}
      {fit ? (
        <>
          <p className={`fit ${fit.verdict === "ruled-out" ? "fit-out" : "fit-ok"}`} data-fit={fit.verdict}>
            {fit.verdict === "ruled-out"
              ? `Rules you out: ${fit.checks
                  .filter((c) => c.result === "fails")
                  .map((c) => shortName(c.question))
                  .join(", ")}`
              : `No conflict with your answers · ${toAsk.length + fit.otherCriteria} ${toAsk.length + fit.otherCriteria === 1 ? "thing" : "things"} to ask`}
          </p>
          {stated.length > 0 ? (
            <ul className="criteria" data-testid="criteria">
              {stated.map((c) => (
                <li key={c.question} className={`criterion result-${c.result}`} data-question={c.question} data-result={c.result}>
                  <strong className="result-label">{RESULT_TEXT[c.result]}</strong> <span>{c.why}</span>
                  {c.criterion ? (
                    <blockquote className="record-words">
                      <span className="muted">The record says: </span>“{c.criterion}”
                    </blockquote>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>None of this trial&apos;s criteria could be turned into rules to compare; read them below and ask the study team.</p>
          )}
          <section className="questions-to-ask" aria-labelledby="ask-h" data-testid="questions-to-ask">
            <h3 id="ask-h">Questions to ask the study team</h3>
            {toAsk.length + uncovered.length === 0 ? (
              <p>Nothing left open by your answers and the rules read from the record. The study team still decides.</p>
            ) : (
              <ol>
                {toAsk.map((c) => (
                  <li key={c.question}>
                    {c.criterion ? <>“{c.criterion}”: </> : null}
                    {c.why}
                  </li>
                ))}
                {uncovered.map((text, i) => (
                  <li key={`u-${i}`}>Does this apply to me: “{text}”?</li>
                ))}
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
                Print these questions
              </button>
            </p>
          </section>
        </>
      ) : null}
    </section>
  );
}
