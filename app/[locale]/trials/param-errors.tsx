"use client";

import type { ApiError } from "./fetch-trials";

/** The friendly message for parameters that could not be used, with place suggestions as buttons. */
export default function ParamErrors({ errors, onPick }: { errors: (ApiError & { value?: string })[]; onPick: (near: string) => void }) {
  return (
    <div className="notice" role="alert" data-testid="param-errors">
      <p>
        <strong>Part of this search could not be used</strong>, so it was left out. The other filters still apply.
      </p>
      <ul>
        {errors.map((e) => (
          <li key={`${e.param}:${e.message}`}>
            {e.message}
            {e.allowed?.length ? <> Allowed: {e.allowed.join(", ")}.</> : null}
            {e.suggestions?.length ? (
              <>
                {" "}
                Did you mean{" "}
                {e.suggestions.map((s, i) => (
                  <span key={s}>
                    {i > 0 ? ", " : ""}
                    <button type="button" className="linkish" onClick={() => onPick(s)}>
                      {s}
                    </button>
                  </span>
                ))}
                ?
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
