"use client";

import { lazy, type ReactNode, Suspense, useState } from "react";
import { answeredCount, answers, useAnswers } from "./answers";

// The "Could I join?" box above the results: opens the questions (loaded only then), and once some
// are answered offers the hide toggle, "remember on this device" and "forget my answers".

const EligibilityPanel = lazy(() => import("./eligibility-panel"));

/** `intro`: the box's explanation, rendered by the page on the server (plain text needs no client code). */
export function CouldIJoin({ intro }: { intro: ReactNode }) {
  const a = useAnswers();
  const n = answeredCount(a.profile);
  const [open, setOpen] = useState(false);
  return (
    <section className="could-i-join" aria-labelledby="could-i-join-h" id="could-i-join">
      <h2 id="could-i-join-h">Could I join?</h2>
      {intro}
      <p className="could-i-join-actions">
        <button type="button" aria-expanded={open} aria-controls="eligibility-questions" onClick={() => setOpen(!open)}>
          {open ? "Hide the questions" : n > 0 ? `Change my answers (${n} given)` : "Answer the questions"}
        </button>
        {n > 0 ? (
          <button type="button" onClick={() => answers.forget()}>
            Forget my answers
          </button>
        ) : null}
      </p>
      {n > 0 ? (
        <p className="could-i-join-options">
          <label>
            <input type="checkbox" checked={a.hideRuledOut} onChange={(e) => answers.setHideRuledOut(e.target.checked)} /> Hide trials that rule me out
          </label>
        </p>
      ) : null}
      <p className="could-i-join-options">
        <label>
          <input type="checkbox" checked={a.remember} onChange={(e) => answers.setRemember(e.target.checked)} /> Remember my answers on this device
        </label>
        <span className="help"> (otherwise they are forgotten when this tab closes)</span>
      </p>
      <div id="eligibility-questions" hidden={!open}>
        {open ? (
          <Suspense fallback={<p>Loading the questions…</p>}>
            <EligibilityPanel />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
