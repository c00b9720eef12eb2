import { z } from "zod";
import { recordDate, type RecordDate } from "./dates";

// What a record says about its own evidence: the publications it lists (referencesModule) and the
// results posted on ClinicalTrials.gov (resultsSection), reduced to what the trial page shows in
// plain words. Only the record's own numbers and words are carried: nothing here judges whether a
// treatment helped (the record's analyses are quoted as numbers, never turned into a verdict).
// Parsing is lenient (a malformed part is left out, never an error): the raw record was validated
// only for the fields the sync relies on.

export type Publication = {
  citation: string;
  pmid: string | null;
  /** https://pubmed.ncbi.nlm.nih.gov/<pmid>/ when the record gives a PubMed id. */
  pubmedUrl: string | null;
  /** The record marks it as reporting this trial's results (type RESULT). */
  reportsResults: boolean;
  kind: "result" | "background" | "derived" | "other";
};

export type GroupValue = { group: string; value: string; spread: string | null };
export type OutcomeRow = { label: string | null; values: GroupValue[] };
export type PrimaryOutcome = {
  title: string;
  description: string | null;
  timeFrame: string | null;
  /** "Mean (standard deviation)", "Count of participants", …: how the values are expressed. */
  measure: string | null;
  unit: string | null;
  /** Participants analysed per group. */
  analysed: GroupValue[];
  rows: OutcomeRow[];
  /** The record's statistical analyses, as numbers and method names. */
  analyses: string[];
  posted: boolean;
};
export type AdverseEventGroup = {
  group: string;
  seriousAffected: number | null;
  otherAffected: number | null;
  deathsAffected: number | null;
  atRisk: number | null;
};
export type PostedResults = {
  firstPosted: RecordDate | null;
  groups: string[];
  started: number | null;
  completed: number | null;
  startedByGroup: GroupValue[];
  primaryOutcomes: PrimaryOutcome[];
  adverseEvents: AdverseEventGroup[] | null;
};
export type Evidence = { publications: Publication[]; results: PostedResults | null };

const s = z.string().nullish().catch(null);
const list = <T extends z.ZodType>(item: T) => z.array(z.unknown()).nullish().catch(null).transform((a) => (a ?? []).flatMap((x) => {
  const r = item.safeParse(x);
  return r.success ? [r.data as z.output<T>] : [];
}));
const num = z.union([z.number(), z.string()]).nullish().catch(null).transform((v) => {
  if (v === null || v === undefined || v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
});

const referenceSchema = z.looseObject({ citation: z.string().min(1), pmid: s, type: s });
const groupSchema = z.looseObject({ id: z.string(), title: s });
const measurementSchema = z.looseObject({ groupId: z.string(), value: s, spread: s, lowerLimit: s, upperLimit: s });
const outcomeSchema = z.looseObject({
  type: s,
  title: z.string(),
  description: s,
  timeFrame: s,
  paramType: s,
  dispersionType: s,
  unitOfMeasure: s,
  reportingStatus: s,
  groups: list(groupSchema),
  denoms: list(z.looseObject({ units: s, counts: list(z.looseObject({ groupId: z.string(), value: s })) })),
  classes: list(z.looseObject({ title: s, categories: list(z.looseObject({ title: s, measurements: list(measurementSchema) })) })),
  analyses: list(z.looseObject({ pValue: s, statisticalMethod: s, paramType: s, paramValue: s, ciPctValue: s, ciLowerLimit: s, ciUpperLimit: s, pValueComment: s })),
});
const eventGroupSchema = z.looseObject({
  id: z.string(),
  title: s,
  seriousNumAffected: num,
  seriousNumAtRisk: num,
  otherNumAffected: num,
  otherNumAtRisk: num,
  deathsNumAffected: num,
});

const PARAM: Record<string, string> = {
  MEAN: "Mean",
  MEDIAN: "Median",
  LEAST_SQUARES_MEAN: "Least-squares mean",
  GEOMETRIC_MEAN: "Geometric mean",
  GEOMETRIC_LEAST_SQUARES_MEAN: "Geometric least-squares mean",
  NUMBER: "Number",
  COUNT_OF_PARTICIPANTS: "Number of participants",
  COUNT_OF_UNITS: "Number of units",
};

const clean = (v: string | null | undefined) => (v ? v.replace(/\\([<>])/g, "$1").trim() || null : null);

export function publications(raw: unknown): Publication[] {
  const refs = list(referenceSchema).parse(get(raw, ["protocolSection", "referencesModule", "references"]));
  const kindOf = (t: string | null | undefined): Publication["kind"] => (t === "RESULT" ? "result" : t === "BACKGROUND" ? "background" : t === "DERIVED" ? "derived" : "other");
  const out = refs.map((r) => {
    const pmid = r.pmid && /^\d{1,9}$/.test(r.pmid.trim()) ? r.pmid.trim() : null;
    return {
      citation: r.citation.trim(),
      pmid,
      pubmedUrl: pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : null,
      reportsResults: r.type === "RESULT",
      kind: kindOf(r.type),
    };
  });
  // Results first; the record's order otherwise.
  return [...out.filter((p) => p.reportsResults), ...out.filter((p) => !p.reportsResults)];
}

/** Whether the record lists a publication it marks as reporting results (the `results=posted` search counts these too). */
export function hasResultPublication(raw: unknown): boolean {
  return publications(raw).some((p) => p.reportsResults);
}

function get(v: unknown, path: string[]): unknown {
  let cur = v;
  for (const k of path) {
    if (!cur || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function milestoneTotals(flow: unknown, type: "STARTED" | "COMPLETED", which: "first" | "last", titles: Map<string, string>) {
  const periods = list(z.looseObject({ milestones: list(z.looseObject({ type: z.string(), achievements: list(z.looseObject({ groupId: z.string(), numSubjects: num })) })) })).parse(get(flow, ["periods"]));
  const period = which === "first" ? periods[0] : periods[periods.length - 1];
  const m = period?.milestones.find((x) => x.type.toUpperCase() === type);
  if (!m || m.achievements.length === 0) return { total: null, byGroup: [] as GroupValue[] };
  const known = m.achievements.filter((a) => a.numSubjects !== null);
  return {
    total: known.length === m.achievements.length ? known.reduce((n, a) => n + a.numSubjects!, 0) : null,
    byGroup: known.map((a) => ({ group: titles.get(a.groupId) ?? a.groupId, value: String(a.numSubjects), spread: null })),
  };
}

function spreadOf(m: z.output<typeof measurementSchema>): string | null {
  if (clean(m.spread)) return clean(m.spread);
  const lo = clean(m.lowerLimit);
  const hi = clean(m.upperLimit);
  return lo || hi ? `${lo ?? "?"} to ${hi ?? "?"}` : null;
}

function primaryOutcome(o: z.output<typeof outcomeSchema>): PrimaryOutcome {
  const titles = new Map(o.groups.map((g) => [g.id, clean(g.title) ?? g.id]));
  const name = (id: string) => titles.get(id) ?? id;
  const rows: OutcomeRow[] = o.classes.flatMap((c) =>
    c.categories.map((cat) => ({
      label: [clean(c.title), clean(cat.title)].filter(Boolean).join(": ") || null,
      values: cat.measurements.map((m) => ({ group: name(m.groupId), value: clean(m.value) ?? "not given", spread: spreadOf(m) })),
    })),
  );
  const param = o.paramType ? (PARAM[o.paramType] ?? o.paramType.toLowerCase().replace(/_/g, " ")) : null;
  const measure = param ? `${param}${o.dispersionType ? ` (${o.dispersionType.toLowerCase()})` : ""}` : null;
  return {
    title: clean(o.title) ?? o.title,
    description: clean(o.description),
    timeFrame: clean(o.timeFrame),
    measure,
    unit: clean(o.unitOfMeasure),
    analysed: (o.denoms[0]?.counts ?? []).map((c) => ({ group: name(c.groupId), value: clean(c.value) ?? "?", spread: null })),
    rows,
    analyses: o.analyses.flatMap((a) => {
      const parts = [
        a.paramType && a.paramValue ? `${clean(a.paramType)}: ${clean(a.paramValue)}` : null,
        a.ciLowerLimit || a.ciUpperLimit ? `${clean(a.ciPctValue) ?? ""}% confidence interval ${clean(a.ciLowerLimit) ?? "?"} to ${clean(a.ciUpperLimit) ?? "?"}`.trim() : null,
        a.pValue ? `p-value ${clean(a.pValue)}` : null,
        a.statisticalMethod ? `method: ${clean(a.statisticalMethod)}` : null,
      ].filter((x): x is string => !!x);
      return parts.length ? [parts.join("; ")] : [];
    }),
    posted: o.reportingStatus !== "NOT_POSTED",
  };
}

export function postedResults(raw: unknown): PostedResults | null {
  const section = get(raw, ["resultsSection"]);
  if (!section || typeof section !== "object") return null;
  const flow = get(section, ["participantFlowModule"]);
  const flowGroups = list(groupSchema).parse(get(flow, ["groups"]));
  const titles = new Map(flowGroups.map((g) => [g.id, clean(g.title) ?? g.id]));
  const started = milestoneTotals(flow, "STARTED", "first", titles);
  const completed = milestoneTotals(flow, "COMPLETED", "last", titles);
  const outcomes = list(outcomeSchema).parse(get(section, ["outcomeMeasuresModule", "outcomeMeasures"]));
  const events = get(section, ["adverseEventsModule", "eventGroups"]);
  const eventGroups = Array.isArray(events) ? list(eventGroupSchema).parse(events) : null;
  return {
    firstPosted: recordDate(get(raw, ["protocolSection", "statusModule", "resultsFirstPostDateStruct"])),
    groups: [...titles.values()],
    started: started.total,
    completed: completed.total,
    startedByGroup: started.byGroup,
    primaryOutcomes: outcomes.filter((o) => o.type === "PRIMARY").map(primaryOutcome),
    adverseEvents: eventGroups
      ? eventGroups.map((g) => ({
          group: clean(g.title) ?? g.id,
          seriousAffected: g.seriousNumAffected,
          otherAffected: g.otherNumAffected,
          deathsAffected: g.deathsNumAffected,
          atRisk: g.seriousNumAtRisk ?? g.otherNumAtRisk,
        }))
      : null,
  };
}

export function evidence(raw: unknown): Evidence {
  return { publications: publications(raw), results: postedResults(raw) };
}
