"use client";

import { lazy, type ReactNode, Suspense, useState } from "react";
import { answeredCount, answers, useAnswers } from "./answers";
import type { CouldIJoinText } from "./eligibility-words";

// The "Could I join?" box above the results: opens the questions (loaded only then), and once some
// are answered offers the hide toggle, "remember on this device" and "forget my answers".

const EligibilityPanel = lazy(() => import("./eligibility-panel"));

/**
 * `intro`: the box's explanation, rendered by the page on the server (plain text needs no client code).
 * `text`: the wording in the page's language (./eligibility-text.ts).
 */
export function CouldIJoin({ intro, text }: { intro: ReactNode; text: CouldIJoinText }) {
  const a = useAnswers();
  const n = answeredCount(a.profile);
  const [open, setOpen] = useState(false);
  const w = text;
  return (
    <section className="could-i-join" aria-labelledby="could-i-join-h" id="could-i-join">
      <h2 id="could-i-join-h">{w.title}</h2>
      {intro}
      <p className="could-i-join-actions">
        <button type="button" aria-expanded={open} aria-controls="eligibility-questions" onClick={() => setOpen(!open)}>
          {open ? w.hide : n > 0 ? w.change.replace("{count}", String(n)) : w.open}
        </button>
        {n > 0 ? (
          <button type="button" onClick={() => answers.forget()}>
            {w.forget}
          </button>
        ) : null}
      </p>
      {n > 0 ? (
        <p className="could-i-join-options">
          <label>
            <input type="checkbox" checked={a.hideRuledOut} onChange={(e) => answers.setHideRuledOut(e.target.checked)} /> {w.hideRuledOut}
          </label>
        </p>
      ) : null}
      <p className="could-i-join-options">
        <label>
          <input type="checkbox" checked={a.remember} onChange={(e) => answers.setRemember(e.target.checked)} /> {w.remember}
        </label>
        <span className="help"> {w.rememberHelp}</span>
      </p>
      <div id="eligibility-questions" hidden={!open}>
        {open ? (
          <Suspense fallback={<p>{w.loading}</p>}>
            <EligibilityPanel text={text.panel} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
