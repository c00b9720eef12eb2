"use client";

import { useId, useState } from "react";
import { bmiFrom, QUESTION_GROUPS, type Question } from "@/lib/eligibility/questions";
import type { Profile } from "@/lib/eligibility/schema";
import { answers, useAnswers } from "./answers";
import { fill, type PanelText } from "./eligibility-words";

// The "Could I join?" questions (SPEC §9): all optional, grouped, in plain words. Loaded only when the
// patient opens it. Each answer applies at once; nothing here is sent anywhere but in the POST bodies
// of the search and the trial page.

type Set = <K extends keyof Profile>(key: K, value: Profile[K] | undefined) => void;
const set: Set = (key, value) => answers.setAnswer(key, value);

/**
 * The English wording, when the page passes none (the `eligibility` catalogue's `panel`; a unit test
 * keeps them equal). The questions' own English wording is lib/eligibility/questions.ts.
 */
export const EN_PANEL: Omit<PanelText, "groups" | "questions"> = {
  locale: "en",
  formLabel: "Could I join? questions",
  yes: "Yes",
  no: "No",
  skip: "Skip",
  neverHadOne: "Never had one",
  never: "Never",
  howLongAgo: "How long ago?",
  numberError: "Enter a number from {min} to {max}.",
  wholeNumberError: "Enter a whole number from {min} to {max}.",
  units: "Units",
  metric: "cm and kg",
  us: "inches and pounds",
  height: "Height",
  weight: "Weight",
  unitSymbols: { cm: "cm", kg: "kg", in: "in", lb: "lb" },
  bmi: "BMI:",
  bmiNone: "BMI: not given",
  clear: "Clear",
  footer:
    "Answer only what you want to. Unanswered questions show up as things to ask the study team. These answers only compare your situation with what each record states: the study team decides who can take part.",
};
type Words = Omit<PanelText, "groups" | "questions">;

/** A typed number: Spanish writes decimals with a comma ("1,5"), so a comma is read as the decimal point there. */
const parse = (text: string, w: Words) => Number(w.locale === "en" ? text : text.replace(",", "."));

/** The questions in the page's language: each one's wording from `text`, its kind and range from questions.ts. */
function groupsIn(text: PanelText | undefined) {
  if (!text) return QUESTION_GROUPS;
  return QUESTION_GROUPS.map((g) => ({
    ...g,
    title: text.groups[g.id] ?? g.title,
    questions: g.questions.map((q): Question => {
      const t = text.questions[q.key];
      if (!t) return q;
      return { ...q, text: t.text, hint: t.hint, unit: t.unit, choices: q.choices?.map((c) => ({ value: c.value, label: t.choices?.[c.value] ?? c.label })) };
    }),
  }));
}

/** A number typed as text, so half-typed values ("1.") are not rewritten while typing. */
function NumberInput({ id, value, onValue, q, label, w }: { id: string; value: number | undefined; onValue: (n: number | undefined) => void; q: Question; label?: string; w: Words }) {
  const [text, setText] = useState(value === undefined ? "" : w.locale === "en" ? String(value) : new Intl.NumberFormat(w.locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value));
  const n = text.trim() === "" ? undefined : parse(text, w);
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
          const v = t === "" ? undefined : parse(t, w);
          if (v === undefined) onValue(undefined);
          else if (Number.isFinite(v) && v >= (q.min ?? 0) && v <= (q.max ?? Infinity) && (!q.integer || Number.isInteger(v))) onValue(v);
        }}
      />
      {q.unit ? <span> {q.unit}</span> : null}
      {bad ? (
        <span id={`${id}-err`} className="field-error">
          {" "}
          {fill(q.integer ? w.wholeNumberError : w.numberError, { min: q.min ?? 0, max: q.max ?? "" })}
        </span>
      ) : null}
    </>
  );
}

function Radios({ name, options, value, onValue, w }: { name: string; options: { value: string; label: string }[]; value: string | undefined; onValue: (v: string | undefined) => void; w: Words }) {
  return (
    <span className="radios">
      {options.map((o) => (
        <label key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onValue(o.value)} /> {o.label}
        </label>
      ))}
      <label>
        <input type="radio" name={name} value="" checked={value === undefined} onChange={() => onValue(undefined)} /> {w.skip}
      </label>
    </span>
  );
}

function Field({ q, profile, w }: { q: Question; profile: Profile; w: Words }) {
  const id = useId();
  const value = profile[q.key];
  if (q.kind === "number") {
    return (
      <div className="question">
        <label htmlFor={id}>{q.text}</label>
        {q.hint ? <span className="help"> {q.hint}</span> : null}
        <div>
          <NumberInput id={id} q={q} w={w} value={value as number | undefined} onValue={(n) => set(q.key, n as never)} />
        </div>
      </div>
    );
  }
  if (q.kind === "yes-no" || q.kind === "choice") {
    const options = q.kind === "yes-no" ? [{ value: "yes", label: w.yes }, { value: "no", label: w.no }] : q.choices!;
    const current = q.kind === "yes-no" ? (value === undefined ? undefined : value ? "yes" : "no") : (value as string | undefined);
    return (
      <fieldset className="question">
        <legend>{q.text}</legend>
        <Radios name={`${id}-${q.key}`} w={w} options={options} value={current} onValue={(v) => set(q.key, (v === undefined ? undefined : q.kind === "yes-no" ? v === "yes" : v) as never)} />
      </fieldset>
    );
  }
  if (q.kind === "weeks-or-never" || q.kind === "years-or-never") return <NeverOrNumber q={q} w={w} value={value as number | null | undefined} />;
  return <BmiField q={q} w={w} value={value as number | undefined} />;
}

/** "Never" (null), "Yes" with how long ago, or skipped. */
function NeverOrNumber({ q, value, w }: { q: Question; value: number | null | undefined; w: Words }) {
  const id = useId();
  const never = q.kind === "weeks-or-never" ? w.neverHadOne : w.never;
  const n = typeof value === "number" ? value : undefined;
  const [had, setHad] = useState(n !== undefined);
  const choice = value === null ? "never" : had || n !== undefined ? "yes" : undefined;
  return (
    <fieldset className="question">
      <legend>{q.text}</legend>
      {q.hint ? <p className="help">{q.hint}</p> : null}
      <Radios
        name={`${id}-${q.key}`}
        w={w}
        options={[
          { value: "never", label: never },
          { value: "yes", label: w.yes },
        ]}
        value={choice}
        onValue={(v) => {
          setHad(v === "yes");
          set(q.key, (v === "never" ? null : v === "yes" ? n : undefined) as never);
        }}
      />
      {choice === "yes" ? (
        <div>
          <label htmlFor={`${id}-n`}>{w.howLongAgo}</label> <NumberInput id={`${id}-n`} q={q} w={w} value={n} onValue={(x) => set(q.key, x as never)} />
        </div>
      ) : null}
    </fieldset>
  );
}

function BmiField({ q, value, w }: { q: Question; value: number | undefined; w: Words }) {
  const id = useId();
  const [units, setUnits] = useState<"metric" | "us">("metric");
  const [height, setHeight] = useState("");
  const [weight, setWeight] = useState("");
  const update = (h: string, wt: string, u: "metric" | "us") => {
    const bmi = bmiFrom(parse(h, w), parse(wt, w), u);
    if (bmi !== null) set("bmi", bmi);
    else if (h.trim() === "" && wt.trim() === "") set("bmi", undefined);
  };
  return (
    <fieldset className="question">
      <legend>{q.text}</legend>
      <p className="help">{q.hint}</p>
      <div className="bmi-inputs">
        <label htmlFor={`${id}-u`}>{w.units}</label>{" "}
        <select
          id={`${id}-u`}
          value={units}
          onChange={(e) => {
            const u = e.target.value as "metric" | "us";
            setUnits(u);
            update(height, weight, u);
          }}
        >
          <option value="metric">{w.metric}</option>
          <option value="us">{w.us}</option>
        </select>{" "}
        <label htmlFor={`${id}-h`}>{w.height}</label>{" "}
        <input id={`${id}-h`} type="text" inputMode="decimal" size={5} value={height} onChange={(e) => (setHeight(e.target.value), update(e.target.value, weight, units))} />{" "}
        {units === "metric" ? w.unitSymbols.cm : w.unitSymbols.in} <label htmlFor={`${id}-w`}>{w.weight}</label>{" "}
        <input id={`${id}-w`} type="text" inputMode="decimal" size={5} value={weight} onChange={(e) => (setWeight(e.target.value), update(height, e.target.value, units))} />{" "}
        {units === "metric" ? w.unitSymbols.kg : w.unitSymbols.lb}
      </div>
      <p aria-live="polite" data-testid="bmi-value">
        {value !== undefined ? (
          <>
            {w.bmi} <strong>{w.locale === "en" ? value : new Intl.NumberFormat(w.locale).format(value)}</strong>{" "}
            <button type="button" className="link-button" onClick={() => (setHeight(""), setWeight(""), set("bmi", undefined))}>
              {w.clear}
            </button>
          </>
        ) : (
          w.bmiNone
        )}
      </p>
    </fieldset>
  );
}

/** `text`: the wording in the page's language (./eligibility-text.ts); English when left out. */
export default function EligibilityPanel({ text }: { text?: PanelText }) {
  const a = useAnswers();
  const w: Words = text ?? EN_PANEL;
  const groups = groupsIn(text);
  return (
    <form className="eligibility-form" key={a.generation} onSubmit={(e) => e.preventDefault()} aria-label={w.formLabel}>
      {groups.map((g) => (
        <fieldset key={g.id} className="filter-group question-group">
          <legend>{g.title}</legend>
          {g.questions.map((q) => (
            <Field key={q.key} q={q} w={w} profile={a.profile} />
          ))}
        </fieldset>
      ))}
      <p className="help">{w.footer}</p>
    </form>
  );
}
