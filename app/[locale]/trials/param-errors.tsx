"use client";

import type { ApiError } from "./fetch-trials";
import type { SearchWords } from "./search-words";

/**
 * The friendly message for parameters that could not be used, with place suggestions as buttons. Each
 * error is said in the page's language from its `code` (lib/search/schema.ts, lib/geo/resolve.ts); the
 * parameter's name stays as it is in the URL. An error without a known code shows the API's message.
 */
export default function ParamErrors({ errors, words: w, onPick }: { errors: (ApiError & { value?: string })[]; words: SearchWords["paramErrors"]; onPick: (near: string) => void }) {
  const sentence = (e: ApiError & { value?: string }) => {
    const template = e.code ? (w.code as Record<string, string>)[e.code] : undefined;
    if (!template) return e.message;
    return template.replace("{param}", e.param).replace("{value}", e.value ?? "").replace("{max}", String(e.max ?? ""));
  };
  const [beforePlaces, afterPlaces = ""] = w.didYouMean.split("{places}");
  return (
    <div className="notice" role="alert" data-testid="param-errors">
      <p>
        <strong>{w.introStrong}</strong>
        {w.introRest}
      </p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.param}:${e.message}`} data-param={e.param}>
            {sentence(e)}
            {e.allowed?.length ? <> {w.allowed.replace("{list}", e.allowed.join(", "))}</> : null}
            {e.suggestions?.length ? (
              <>
                {" "}
                {beforePlaces}
                {e.suggestions.map((s, i) => (
                  <span key={s}>
                    {i > 0 ? ", " : ""}
                    <button type="button" className="linkish" onClick={() => onPick(s)}>
                      {s}
                    </button>
                  </span>
                ))}
                {afterPlaces}
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
