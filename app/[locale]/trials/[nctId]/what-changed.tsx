import { changeDay, describeChange, describeChangeParts, whatChangedText } from "@/lib/changes/describe";
import type { TrialChanges } from "@/lib/changes/schema";
import type { Locale } from "@/lib/i18n/paths";

/** "What changed" (SPEC §10): the trial's recorded changes with the day each was seen. Text only, never raw HTML. */
export function WhatChanged({ history, locale = "en" }: { history: TrialChanges | null; locale?: Locale }) {
  if (!history) return null;
  const text = whatChangedText(locale);
  const shown = history.changes.filter((c) => c.fields.length > 0);
  const onlyAdded = shown.length <= 1 && shown.every((c) => c.fields.every((f) => f.field === "added"));
  return (
    <section aria-labelledby="what-changed-h" data-testid="what-changed">
      <h2 id="what-changed-h">{text.heading}</h2>
      {onlyAdded ? (
        <p className="muted">{text.none}</p>
      ) : (
        <>
          <p className="muted">{text.intro}</p>
          <ul>
            {shown.map((c) => (
              <li key={`${c.seenAt}-${c.runId}`}>
                <time dateTime={c.seenAt}>{changeDay(c.seenAt, locale)}</time>:{" "}
                {locale === "en"
                  ? describeChange(c.fields)
                  : describeChangeParts(c.fields, locale).map((p, i) =>
                      typeof p === "string" ? (
                        <span key={i}>{p}</span>
                      ) : (
                        <span key={i} lang="en">
                          {p.en}
                        </span>
                      ),
                    )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
