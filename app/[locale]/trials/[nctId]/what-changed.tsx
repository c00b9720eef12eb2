import { changeDay, describeChange, WHAT_CHANGED } from "@/lib/changes/describe";
import type { TrialChanges } from "@/lib/changes/schema";

/** "What changed" (SPEC §10): the trial's recorded changes with the day each was seen. Text only, never raw HTML. */
export function WhatChanged({ history }: { history: TrialChanges | null }) {
  if (!history) return null;
  const shown = history.changes.filter((c) => c.fields.length > 0);
  const onlyAdded = shown.length <= 1 && shown.every((c) => c.fields.every((f) => f.field === "added"));
  return (
    <section aria-labelledby="what-changed-h" data-testid="what-changed">
      <h2 id="what-changed-h">{WHAT_CHANGED.heading}</h2>
      {onlyAdded ? (
        <p className="muted">{WHAT_CHANGED.none}</p>
      ) : (
        <>
          <p className="muted">{WHAT_CHANGED.intro}</p>
          <ul>
            {shown.map((c) => (
              <li key={`${c.seenAt}-${c.runId}`}>
                <time dateTime={c.seenAt}>{changeDay(c.seenAt)}</time>: {describeChange(c.fields)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
