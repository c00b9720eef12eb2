import { messagesFor, translatorFor } from "../i18n/messages";
import type { Locale } from "../i18n/paths";
import { spanishRecordDate } from "../i18n/record-dates";
import type { FieldChange, TrialChange } from "./schema";

// The wording of recorded changes, shared by the trial page, the feed and the email digests, from
// the `trial` catalogue's `changes` messages. English is the default (feeds and emails stay English
// unless a caller asks). The stored summaries (lib/changes/diff.ts) are English sentences with record
// text in them (site cities, intervention names, the title): in Spanish they are read back into their
// parts and said again in Spanish, and the record's own words come out as `{ en: text }` parts so a
// page can mark them lang="en". A summary that does not read back is kept whole, as English.

/** A piece of a change sentence: our words (a string) or the record's own English text. */
export type ChangePart = string | { en: string };

type T = ReturnType<typeof translatorFor<"trial">>;

// Record text goes through the message as a marker, then the sentence is split back into parts.
const MARK = (i: number) => `\uE000${i}\uE001`;
function fill(message: string, records: string[]): ChangePart[] {
  const out: ChangePart[] = [];
  for (const [i, piece] of message.split(/\uE000(\d+)\uE001/).entries()) {
    if (i % 2 === 1) out.push({ en: records[Number(piece)]! });
    else if (piece) out.push(piece);
  }
  return out;
}

// The labels catalogue through messages.ts, which imports the catalogues once.
const en = messagesFor("en").labels;
const es = messagesFor("es").labels;

const invert = (table: Record<string, string>, lower = false) => new Map(Object.entries(table).map(([slug, text]) => [lower ? text.toLowerCase() : text, slug]));
const STATUS_SLUG = invert(en.status);
const STATUS_SLUG_LOWER = invert(en.status, true);
// lib/changes/diff.ts's phase words.
const PHASE_SLUG: Record<string, string> = { "Early phase 1": "early-1", "Phase 1": "1", "Phase 2": "2", "Phase 3": "3", "Phase 4": "4", "Not applicable": "na" };

const UNITS: Record<string, [string, string]> = { year: ["año", "años"], month: ["mes", "meses"], week: ["semana", "semanas"], day: ["día", "días"], hour: ["hora", "horas"], minute: ["minuto", "minutos"] };
/** "18 Years" → "18 años"; anything else unchanged. */
export function spanishAge(age: string): string {
  const m = /^(\d+)\s+(year|month|week|day|hour|minute)s?$/i.exec(age.trim());
  if (!m) return age;
  const n = Number(m[1]);
  const [one, many] = UNITS[m[2]!.toLowerCase()]!;
  return `${n} ${n === 1 ? one : many}`;
}

/** "Boston, Denver, … and 3 more" → the names as record text, "and N more" in Spanish. */
function names(t: T, list: string): ChangePart[] {
  const more = /^(.*) and (\d+) more$/.exec(list);
  if (!more) return [{ en: list }];
  return fill(t("changes.summary.more", { names: MARK(0), count: Number(more[2]) }), [more[1]!]);
}

function joinParts(groups: ChangePart[][], sep: string): ChangePart[] {
  return groups.flatMap((g, i) => (i ? [sep, ...g] : g));
}

/** A stored summary ("2 sites added: Boston, Denver; 1 site now completed: Austin") in Spanish parts, or null. */
function spanishSummary(t: T, field: "sites" | "interventions" | "contacts" | "eligibility", summary: string): ChangePart[] | null {
  const out: ChangePart[][] = [];
  for (const part of summary.split("; ")) {
    let m: RegExpExecArray | null;
    if (field === "sites" && (m = /^(\d+) sites? (added|removed): (.+)$/.exec(part))) {
      const key = m[2] === "added" ? "sitesAdded" : "sitesRemoved";
      out.push(splitNames(t, t(`changes.summary.${key}`, { count: Number(m[1]), names: MARK(0) }), m[3]!));
    } else if (field === "sites" && (m = /^(\d+) sites? now (.+?): (.+)$/.exec(part))) {
      const slug = STATUS_SLUG_LOWER.get(m[2]!);
      const status = slug ? es.status[slug as keyof typeof es.status].toLowerCase() : m[2] === "status not stated" ? t("changes.statusNotStated") : null;
      if (status === null) return null;
      out.push(splitNames(t, t("changes.summary.sitesNow", { count: Number(m[1]), status, names: MARK(0) }), m[3]!));
    } else if (field === "interventions" && (m = /^(\d+) interventions? (added|removed): (.+)$/.exec(part))) {
      const key = m[2] === "added" ? "interventionsAdded" : "interventionsRemoved";
      out.push(splitNames(t, t(`changes.summary.${key}`, { count: Number(m[1]), names: MARK(0) }), m[3]!));
    } else if (field === "contacts" && (m = /^(\d+) contacts? (added|removed)$/.exec(part))) {
      out.push([t(m[2] === "added" ? "changes.summary.contactsAdded" : "changes.summary.contactsRemoved", { count: Number(m[1]) })]);
    } else if (field === "eligibility" && part === "criteria text updated") {
      out.push([t("changes.summary.criteria")]);
    } else if (field === "eligibility" && (m = /^(sex|minimum age|maximum age|healthy volunteers) (.*) → (.*)$/.exec(part))) {
      const key = ({ sex: "sex", "minimum age": "minimumAge", "maximum age": "maximumAge", "healthy volunteers": "healthyVolunteers" } as const)[m[1] as "sex"];
      const value = (v: string) => {
        if (v === "not stated") return t("changes.notStated");
        if (key === "sex") return ({ ALL: "hombres y mujeres", FEMALE: "solo mujeres", MALE: "solo hombres" } as Record<string, string>)[v] ?? v;
        if (key === "healthyVolunteers") return v === "true" ? "sí" : v === "false" ? "no" : v;
        return spanishAge(v);
      };
      out.push([t("changes.summary.eligibilityField", { name: t(`changes.summary.fields.${key}`), from: value(m[2]!), to: value(m[3]!) })]);
    } else {
      return null;
    }
  }
  return joinParts(out, "; ");
}

/** A message with one names marker: the names come back as record text. */
function splitNames(t: T, message: string, list: string): ChangePart[] {
  return spliceParts(message, names(t, list));
}

function spanishPhase(t: T, text: string | null): string {
  if (!text || text === "Not stated") return t("changes.notStated");
  return text
    .split(", ")
    .map((p) => (PHASE_SLUG[p] ? es.phase[PHASE_SLUG[p] as keyof typeof es.phase] : p))
    .join(", ");
}

function spanishEnrollment(t: T, text: string | null): string {
  if (!text) return t("changes.notStated");
  const m = /^(\d+)(?: \((\w+)\))?$/.exec(text);
  if (!m) return text;
  const count = new Intl.NumberFormat("es").format(Number(m[1]));
  return m[2] ? t("changes.summary.enrollmentType", { count, type: m[2] }) : count;
}

const spanishDate = (t: T, d: string | null) => (d ? (spanishRecordDate(d) ?? d) : t("changes.notStated"));

/**
 * How a language shows the stored values, which lib/changes/diff.ts writes in English: English shows
 * them as they are; Spanish says them again in Spanish where it can read them back, and marks what it
 * cannot (and the record's own words) as English text.
 */
type Values = {
  phase(v: string | null): string;
  enrollment(v: string | null): string;
  date(v: string | null): string;
  status(to: string | null): ChangePart[];
  summary(field: "sites" | "interventions" | "contacts" | "eligibility", text: string): ChangePart[];
  record(text: string): ChangePart;
};

function valuesFor(locale: Locale, t: T): Values {
  const notStated = t("changes.notStated");
  if (locale === "en") {
    const plain = (v: string | null) => v ?? notStated;
    return {
      phase: plain,
      enrollment: plain,
      date: plain,
      status: (to) => [t("changes.status", { to: (to ?? t("changes.statusNotStated")).toLowerCase() })],
      summary: (_field, text) => [text],
      record: (text) => text,
    };
  }
  return {
    phase: (v) => spanishPhase(t, v),
    enrollment: (v) => spanishEnrollment(t, v),
    date: (v) => spanishDate(t, v),
    status: (to) => {
      const slug = to ? STATUS_SLUG.get(to) : undefined;
      if (to && !slug) return fill(t("changes.status", { to: MARK(0) }), [to]);
      return [t("changes.status", { to: slug ? es.status[slug as keyof typeof es.status] : t("changes.statusNotStated") })];
    },
    summary: (field, text) => spanishSummary(t, field, text) ?? [{ en: text }],
    record: (text) => ({ en: text }),
  };
}

/** One recorded change as parts of a sentence in `locale`. */
export function describeFieldParts(f: FieldChange, locale: Locale = "en"): ChangePart[] {
  const t = translatorFor(locale, "trial");
  const v = valuesFor(locale, t);
  const arrow = (key: "phase" | "enrollment" | "startDate" | "completionDate", from: string, to: string) => [t(`changes.${key}`, { from, to })];
  switch (f.field) {
    case "added":
    case "removed":
    case "restored":
    case "results":
      return [t(`changes.${f.field}`)];
    case "status":
      return v.status(f.to);
    case "phase":
      return arrow("phase", v.phase(f.from), v.phase(f.to));
    case "enrollment":
      return arrow("enrollment", v.enrollment(f.from), v.enrollment(f.to));
    case "startDate":
    case "completionDate":
      return arrow(f.field, v.date(f.from), v.date(f.to));
    case "sites":
      return f.to ? v.summary("sites", f.to) : [t("changes.sites")];
    case "eligibility":
    case "interventions":
    case "contacts":
      if (!f.to) return [t(`changes.${f.field}`, { to: t("changes.changed") })];
      return mergeStrings(spliceParts(t(`changes.${f.field}`, { to: MARK(0) }), v.summary(f.field, f.to)));
    case "title":
      return mergeStrings(spliceParts(t("changes.title", { to: MARK(0) }), [v.record(f.to ?? "")]));
  }
}

/** Neighbouring plain strings joined, so English (which has no record parts) stays one string. */
function mergeStrings(parts: ChangePart[]): ChangePart[] {
  const out: ChangePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

/** A message string holding MARK(0) with `parts` put in its place. */
function spliceParts(message: string, parts: ChangePart[]): ChangePart[] {
  const at = message.indexOf(MARK(0));
  if (at < 0) return [message];
  const before = message.slice(0, at);
  const after = message.slice(at + MARK(0).length);
  return [...(before ? [before] : []), ...parts, ...(after ? [after] : [])];
}

const partText = (p: ChangePart) => (typeof p === "string" ? p : p.en);

export function describeField(f: FieldChange, locale: Locale = "en"): string {
  return describeFieldParts(f, locale).map(partText).join("");
}

/** Every change of one sync as parts, " · " between them. */
export function describeChangeParts(fields: FieldChange[], locale: Locale = "en"): ChangePart[] {
  return joinParts(fields.map((f) => describeFieldParts(f, locale)), " · ");
}

/** "Now recruiting · 2 sites added: Boston, Denver" */
export function describeChange(fields: FieldChange[], locale: Locale = "en"): string {
  return describeChangeParts(fields, locale).map(partText).join("");
}

const DAY = {
  en: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  es: new Intl.DateTimeFormat("es", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
};

/** "12 Nov 2026" ("12 nov 2026" in Spanish; UTC: the day the sync saw the change). */
export function changeDay(seenAt: string | Date, locale: Locale = "en"): string {
  return DAY[locale].format(typeof seenAt === "string" ? new Date(seenAt) : seenAt);
}

/** "12 Nov 2026: Now recruiting · 2 sites added: Boston, Denver" */
export function describeDated(change: TrialChange, locale: Locale = "en"): string {
  return `${changeDay(change.seenAt, locale)}: ${describeChange(change.fields, locale)}`;
}

/** The section's heading and lines (the trial page reads the same messages). */
export function whatChangedText(locale: Locale = "en") {
  const t = translatorFor(locale, "trial");
  return { heading: t("whatChanged.heading"), none: t("whatChanged.none"), intro: t("whatChanged.intro") };
}

export const WHAT_CHANGED = whatChangedText("en");
