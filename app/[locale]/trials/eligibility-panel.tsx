"use client";

import { useId, useState } from "react";
import { bmiFrom, QUESTION_GROUPS, type Question } from "@/lib/eligibility/questions";
import type { Profile } from "@/lib/eligibility/schema";
import { answers, useAnswers } from "./answers";

// The "Could I join?" questions (SPEC §9): all optional, grouped, in plain words. Loaded only when the
// patient opens it. Each answer applies at once; nothing here is sent anywhere but in the POST bodies
// of the search and the trial page.

type Set = <K extends keyof Profile>(key: K, value: Profile[K] | undefined) => void;
const set: Set = (key, value) => answers.setAnswer(key, value);

/** A number typed as text, so half-typed values ("1.") are not rewritten while typing. */
function NumberInput({ id, value, onValue, q, label }: { id: string; value: number | undefined; onValue: (n: number | undefined) => void; q: Question; label?: string }) {
  const [text, setText] = useState(value === undefined ? "" : String(value));
  const n = text.trim() === "" ? undefined : Number(text);
  const bad = n !== undefined && (!Number.isFinite(n) || n < (q.min ?? 0) || n > (q.max ?? Infinity) || (q.integer === true && !Number.isInteger(n)));
  return (
    <>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        size={6}
        value={text}
        aria-label={label}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-err` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const t = e.target.value.trim();
          const v = t === "" ? undefined : Number(t);
          if (v === undefined) onValue(undefined);
          else if (Number.isFinite(v) && v >= (q.min ?? 0) && v <= (q.max ?? Infinity) && (!q.integer || Number.isInteger(v))) onValue(v);
        }}
      />
      {q.unit ? <span> {q.unit}</span> : null}
      {bad ? (
        <span id={`${id}-err`} className="field-error">
          {" "}
          Enter a {q.integer ? "whole " : ""}number from {q.min ?? 0} to {q.max}.
        </span>
      ) : null}
    </>
  );
}

function Radios({ name, options, value, onValue }: { name: string; options: { value: string; label: string }[]; value: string | undefined; onValue: (v: string | undefined) => void }) {
  return (
    <span className="radios">
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} /> {o.label}
        </label>
      ))}
      <label>
        <input type="radio" name={name} value="" checked={value === undefined} onChange={() => onValue(undefined)} /> Skip
      </label>
    </span>
  );
}

function Field({ q, profile }: { q: Question; profile: Profile }) {
  const id = useId();
  const value = profile[q.key];
  if (q.kind === "number") {
    return (
      <div className="question">
        <label htmlFor={id}>{q.text}</label>
        {q.hint ? <span className="help"> {q.hint}</span> : null}
        <div>
          <NumberInput id={id} q={q} value={value as number | undefined} onValue={(n) => set(q.key, n as never)} />
        </div>
      </div>
    );
  }
  if (q.kind === "yes-no" || q.kind === "choice") {
    const options = q.kind === "yes-no" ? [{ value: "yes", label: "Yes" }, { value: "no", label: "No" }] : q.choices!;
    const current = q.kind === "yes-no" ? (value === undefined ? undefined : value ? "yes" : "no") : (value as string | undefined);
    return (
      <fieldset className="question">
        <legend>{q.text}</legend>
        <Radios name={`${id}-${q.key}`} options={options} value={current} onValue={(v) => set(q.key, (v === undefined ? undefined : q.kind === "yes-no" ? v === "yes" : v) as never)} />
      </fieldset>
    );
  }
  if (q.kind === "weeks-or-never" || q.kind === "years-or-never") return <NeverOrNumber q={q} value={value as number | null | undefined} />;
  return <BmiField q={q} value={value as number | undefined} />;
}

/** "Never" (null), "Yes" with how long ago, or skipped. */
function NeverOrNumber({ q, value }: { q: Question; value: number | null | undefined }) {
  const id = useId();
  const never = q.kind === "weeks-or-never" ? "Never had one" : "Never";
  const n = typeof value === "number" ? value : undefined;
  const [had, setHad] = useState(n !== undefined);
  const choice = value === null ? "never" : had || n !== undefined ? "yes" : undefined;
  return (
    <fieldset className="question">
      <legend>{q.text}</legend>
      {q.hint ? <p className="help">{q.hint}</p> : null}
      <Radios
        name={`${id}-${q.key}`}
        options={[
          { value: "never", label: never },
          { value: "yes", label: "Yes" },
        ]}
        value={choice}
        onValue={(v) => {
          setHad(v === "yes");
          set(q.key, (v === "never" ? null : v === "yes" ? n : undefined) as never);
        }}
      />
      {choice === "yes" ? (
        <div>
          <label htmlFor={`${id}-n`}>How long ago?</label> <NumberInput id={`${id}-n`} q={q} value={n} onValue={(x) => set(q.key, x as never)} />
        </div>
      ) : null}
    </fieldset>
  );
}

function BmiField({ q, value }: { q: Question; value: number | undefined }) {
  const id = useId();
  const [units, setUnits] = useState<"metric" | "us">("metric");
  const [height, setHeight] = useState("");
  const [weight, setWeight] = useState("");
  const update = (h: string, w: string, u: "metric" | "us") => {
    const bmi = bmiFrom(Number(h), Number(w), u);
    if (bmi !== null) set("bmi", bmi);
    else if (h.trim() === "" && w.trim() === "") set("bmi", undefined);
  };
  return (
    <fieldset className="question">
      <legend>{q.text}</legend>
      <p className="help">{q.hint}</p>
      <div className="bmi-inputs">
        <label htmlFor={`${id}-u`}>Units</label>{" "}
        <select
          id={`${id}-u`}
          value={units}
          onChange={(e) => {
            const u = e.target.value as "metric" | "us";
            setUnits(u);
            update(height, weight, u);
          }}
        >
          <option value="metric">cm and kg</option>
          <option value="us">inches and pounds</option>
        </select>{" "}
        <label htmlFor={`${id}-h`}>Height</label>{" "}
        <input id={`${id}-h`} type="text" inputMode="decimal" size={5} value={height} onChange={(e) => (setHeight(e.target.value), update(e.target.value, weight, units))} />{" "}
        {units === "metric" ? "cm" : "in"} <label htmlFor={`${id}-w`}>Weight</label>{" "}
        <input id={`${id}-w`} type="text" inputMode="decimal" size={5} value={weight} onChange={(e) => (setWeight(e.target.value), update(height, e.target.value, units))} />{" "}
        {units === "metric" ? "kg" : "lb"}
      </div>
      <p aria-live="polite" data-testid="bmi-value">
        {value !== undefined ? (
          <>
            BMI: <strong>{value}</strong>{" "}
            <button type="button" className="link-button" onClick={() => (setHeight(""), setWeight(""), set("bmi", undefined))}>
              Clear
            </button>
          </>
        ) : (
          "BMI: not given"
        )}
      </p>
    </fieldset>
  );
}

export default function EligibilityPanel() {
  const a = useAnswers();
  return (
    <form className="eligibility-form" key={a.generation} onSubmit={(e) => e.preventDefault()} aria-label="Could I join? questions">
      {QUESTION_GROUPS.map((g) => (
        <fieldset key={g.title} className="filter-group question-group">
          <legend>{g.title}</legend>
          {g.questions.map((q) => (
            <Field key={q.key} q={q} profile={a.profile} />
          ))}
        </fieldset>
      ))}
      <p className="help">
        Answer only what you want to. Unanswered questions show up as things to ask the study team. These answers only compare
        your situation with what each record states: the study team decides who can take part.
      </p>
    </form>
  );
}
