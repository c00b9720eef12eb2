/**
 * Runs every text reader over every hostile string and prints one JSON line per call:
 * {"reader","case","ms"} (CPU milliseconds). Started as a child process by tests/unit/hostile-text.test.ts, which kills
 * it when a call overruns (a catastrophic regex cannot be interrupted from inside its own thread).
 * A "start" line is printed before each call, so a killed run names the call that hung.
 */
import { classifyStudy } from "../../lib/classify/classify";
import { fakeStudy } from "../../lib/classify/fake-study";
import { parseAgeYears, parsePartialDate } from "../../lib/ctgov/normalize";
import { readEligibility } from "../../lib/eligibility/read";
import { resolveNear, suggest } from "../../lib/geo/resolve";
import { parseEligibility } from "../../lib/search/eligibility";
import { parseSearch } from "../../lib/search/schema";
import { hostileTexts } from "./text";

export const READERS: Record<string, (text: string) => unknown> = {
  "parseEligibility (trial page)": (t) => parseEligibility(t),
  "readEligibility (rule reader)": (t) => readEligibility({ protocolSection: { eligibilityModule: { eligibilityCriteria: t, minimumAge: t, maximumAge: t, sex: t, healthyVolunteers: t } } }),
  "classifyStudy (classifier)": (t) =>
    classifyStudy(
      fakeStudy({
        briefTitle: t,
        officialTitle: t,
        briefSummary: t,
        detailedDescription: t,
        conditions: [t],
        keywords: [t],
        interventions: [{ name: t.slice(0, 500), description: t, otherNames: [t.slice(0, 500)] }],
        arms: [{ label: t.slice(0, 500), description: t }],
        whyStopped: t,
        eligibilityCriteria: t,
        sponsor: t.slice(0, 500),
      }),
      { asOf: new Date("2026-12-06T00:00:00Z") },
    ),
  "parseAgeYears": (t) => parseAgeYears(t),
  "parsePartialDate": (t) => parsePartialDate(t),
  "parseSearch (q, near, radius)": (t) => parseSearch({ q: t, near: t, radius: t, city: t, state: t }),
  "resolveNear": (t) => resolveNear(t),
  "suggest": (t) => suggest(t),
};

if (process.argv[1]?.endsWith("read-texts.ts")) {
  const only = process.env.HOSTILE_READER;
  const run = Number(process.env.HOSTILE_RUN) || undefined;
  // Warm-up (module-level caches, the gazetteer) is not the reader's time on a string.
  for (const read of Object.values(READERS)) read("warm up 18 Years");
  for (const c of hostileTexts({ run })) {
    for (const [reader, read] of Object.entries(READERS)) {
      if (only && reader !== only) continue;
      process.stdout.write(`${JSON.stringify({ start: reader, case: c.name })}\n`);
      // CPU time, not wall time: on a loaded machine the wall clock also counts other processes.
      const t0 = process.cpuUsage();
      read(c.text);
      const used = process.cpuUsage(t0);
      process.stdout.write(`${JSON.stringify({ reader, case: c.name, ms: Math.round((used.user + used.system) / 100) / 10 })}\n`);
    }
  }
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
}
