import { describe, expect, it } from "vitest";
import { topicQueryParams } from "../../lib/ctgov/topic";
import { logger } from "../../lib/logger";
import { lastSuccessfulRun } from "../../lib/sync/data";
import type { Faults } from "../ctgov-standin/faults";
import { childRowMismatches } from "../integration/helpers/sync";
import { describeDifference, normalisedDump } from "./helpers/dump";
import { faultKinds, faultReferenceFixture, ledgerProblems, mixedFaults, recordingClient, retryAfterViolations, syncWith } from "./helpers/sync-faults";
import { startWeb } from "./helpers/web";

// Faults during sync (docs/reliability.md): each ClinicalTrials.gov stand-in fault, alone and all at
// once, during a full sync with enough retries must leave a database identical to a clean run's;
// where retries run out, the run fails with its reason and the previous data stays as it was and
// is still served. Also an incremental sync under faults against the same incremental run without.

logger.level = "fatal"; // every retry logs a warning; the assertions say what matters

const PAGE_SIZE = 20; // ~25 pages, so faults land mid-run
const TIMEOUT_MS = 1_000;
const EVERY_THERAPY = "therapy=cell-therapy,prp,acellular-biologic,other&status=any";

const ref = faultReferenceFixture(PAGE_SIZE, 290); // real records plus synthetic copies, a multiple of the page size so the quirk can fire

type Scenario = { name: string; faults: Partial<Faults>; midRun?: Partial<Faults>; mustFire: readonly (typeof faultKinds)[number][] };

const scenarios: Scenario[] = [
  { name: "20% of requests answered 500, 502 or 503", faults: { failRate: 0.2, seed: 11 }, mustFire: ["failed"] },
  {
    name: "429 bursts with Retry-After (a per-second limit, and 3 in a row mid-run)",
    faults: { rateLimitMax: 8, rateLimitWindowMs: 1_000, retryAfterSeconds: 1 },
    midRun: { rateLimitNext: 3 },
    mustFire: ["rateLimited"],
  },
  { name: "connection resets half-way through the body", faults: { resetRate: 0.2, seed: 12 }, mustFire: ["reset"] },
  { name: "truncated JSON bodies", faults: { truncateRate: 0.2, seed: 13 }, mustFire: ["truncated"] },
  { name: "latency spikes beyond the client's timeout", faults: { latencySpikeRate: 0.2, latencySpikeMs: 3 * TIMEOUT_MS, seed: 14 }, mustFire: ["spikes"] },
  { name: "the exact-full-last-page quirk", faults: { exactFullLastPageQuirk: true }, mustFire: ["quirkTokens"] },
  { name: "all of them at once", faults: mixedFaults(TIMEOUT_MS, 15), midRun: { rateLimitNext: 2 }, mustFire: faultKinds },
];

describe("a full sync under stand-in faults, with enough retries, stores what a clean run stores", () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      const database = await ref.freshDatabase();
      ref.standin.resetStats();
      ref.standin.setFaults(scenario.faults);
      const { client, exchanges } = recordingClient(ref.standin.url, { timeoutMs: TIMEOUT_MS });
      const started = Date.now();
      let outcome;
      try {
        outcome = await syncWith({
          prisma: database.prisma,
          client,
          mode: "full",
          pageSize: PAGE_SIZE,
          atPage: (done) => done === 8 && scenario.midRun && ref.standin.setFaults(scenario.midRun),
        });
      } finally {
        ref.standin.resetFaults();
      }
      const stats = ref.standin.stats();
      const timeouts = exchanges.filter((e) => e.status === "network-error").length;
      console.log(`${scenario.name}: ${outcome.status} in ${Date.now() - started} ms, ${stats.requests} requests, ${client.retries} retries, ${timeouts} timeouts, faults ${JSON.stringify(stats.faults)}`);
      expect(outcome.error).toBeUndefined();
      expect(outcome.status).toBe("succeeded");

      for (const kind of scenario.mustFire) expect(stats.faults[kind], `${kind} never fired`).toBeGreaterThan(0);
      if (scenario.mustFire.includes("spikes")) expect(timeouts).toBeGreaterThanOrEqual(stats.faults.spikes);
      expect(retryAfterViolations(exchanges)).toEqual([]);

      const dump = await normalisedDump(database.url);
      expect(dump.digest, describeDifference(ref.referenceDump, dump)).toBe(ref.referenceDump.digest);
      expect(await childRowMismatches(database.prisma)).toEqual([]);
      expect(await ledgerProblems(database.prisma)).toEqual([]);
      const run = await database.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
      expect(run).toMatchObject({ status: "succeeded", fetched: ref.total, inserted: ref.total, invalid: 0, pagesDone: ref.total / PAGE_SIZE, pagesExpected: ref.total / PAGE_SIZE });
    });
  }
});

describe("retries run out: the run fails with its reason, the previous data is untouched and still served", () => {
  const cases: { name: string; faults: Partial<Faults>; client: Parameters<typeof recordingClient>[1]; reason: RegExp }[] = [
    { name: "5xx on every request from page 3", faults: { failRate: 1 }, client: { maxRetries: 2 }, reason: /gave up after 3 attempts: HTTP 50[023]/ },
    { name: "every answer slower than the timeout from page 3", faults: { latencyMs: 900 }, client: { maxRetries: 1, timeoutMs: 300 }, reason: /gave up after 2 attempts: request timed out after 300 ms/ },
    { name: "429 with a Retry-After longer than we wait, from page 3", faults: { rateLimitNext: 1_000, retryAfterSeconds: 3_600 }, client: {}, reason: /HTTP 429.*Retry-After 3600 s exceeds our limit/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = await lastSuccessfulRun(ref.reference.prisma);
      const { client } = recordingClient(ref.standin.url, c.client);
      let outcome;
      try {
        outcome = await syncWith({ prisma: ref.reference.prisma, client, mode: "full", pageSize: PAGE_SIZE, atPage: (done) => done === 3 && ref.standin.setFaults(c.faults) });
      } finally {
        ref.standin.resetFaults();
      }
      expect(outcome.status).toBe("failed");
      expect(outcome.progress.pagesDone).toBeGreaterThanOrEqual(3);
      expect(outcome.progress.pagesDone).toBeLessThan(ref.total / PAGE_SIZE);
      const run = await ref.reference.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } });
      expect(run.status).toBe("failed");
      expect(run.finishedAt).not.toBeNull();
      expect(run.error).toMatch(c.reason);

      // A full run cut short marks nothing removed, and the pages it did commit were unchanged.
      const dump = await normalisedDump(ref.reference.url);
      expect(dump.digest, describeDifference(ref.referenceDump, dump)).toBe(ref.referenceDump.digest);
      expect((await lastSuccessfulRun(ref.reference.prisma))?.id).toBe(before?.id);
      expect(await childRowMismatches(ref.reference.prisma)).toEqual([]);
    });
  }

  it("the web app still serves every trial and the last good sync after those failures", async () => {
    const lastGood = await lastSuccessfulRun(ref.reference.prisma);
    const failures = await ref.reference.prisma.syncRun.count({ where: { status: "failed" } });
    expect(failures).toBe(cases.length);
    const web = await startWeb({ databaseUrl: ref.reference.url });
    try {
      const res = await fetch(`${web.url}/api/trials?${EVERY_THERAPY}`, { signal: AbortSignal.timeout(30_000) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { total: number; trials: { nctId: string }[] };
      expect(body.total).toBe(ref.total);
      expect(body.trials.length).toBeGreaterThan(0);
      const health = (await (await fetch(`${web.url}/api/health`, { signal: AbortSignal.timeout(30_000) })).json()) as { db: string; trials: number; lastSuccessfulSync: string };
      expect(health).toEqual({ db: "ok", trials: ref.total, lastSuccessfulSync: lastGood!.finishedAt!.toISOString() });
    } finally {
      await web.stop();
    }
  });
});

describe("an incremental sync under faults", () => {
  it("stores what the same incremental sync without faults stores", async () => {
    const clean = await ref.freshDatabase();
    const faulty = await ref.freshDatabase();
    for (const d of [clean, faulty]) {
      const full = await syncWith({ prisma: d.prisma, client: recordingClient(ref.standin.url).client, mode: "full", pageSize: 100 });
      expect(full.status).toBe("succeeded");
    }

    // 20 studies (real and synthetic) updated on the data's own date, and one new study.
    const updatedOn = (await recordingClient(ref.standin.url).client.version()).dataTimestamp.slice(0, 10);
    const ids = ref.standin.studyIds(topicQueryParams());
    const picked = [...ids.slice(0, 10), ...ids.slice(-10)];
    const rows = await clean.prisma.trial.findMany({ where: { nctId: { in: picked } }, select: { nctId: true, raw: true } });
    type Raw = { protocolSection: { identificationModule: { nctId: string; briefTitle: string; nctIdAliases?: string[] }; statusModule: { lastUpdatePostDateStruct: { date: string } } } };
    const bump = (raw: Raw, nctId: string, title: string) => {
      const copy = structuredClone(raw);
      copy.protocolSection.identificationModule.nctId = nctId;
      copy.protocolSection.identificationModule.briefTitle = title;
      delete copy.protocolSection.identificationModule.nctIdAliases;
      copy.protocolSection.statusModule.lastUpdatePostDateStruct = { ...copy.protocolSection.statusModule.lastUpdatePostDateStruct, date: updatedOn };
      return copy;
    };
    const newId = "NCT89999999";
    expect(ids).not.toContain(newId);
    try {
      for (const r of rows) ref.standin.upsertStudy(bump(r.raw as Raw, r.nctId, `Updated on the stand-in: ${r.nctId}`));
      ref.standin.upsertStudy(bump(rows[0]!.raw as Raw, newId, "A study new on the stand-in"));

      const expected = await syncWith({ prisma: clean.prisma, client: recordingClient(ref.standin.url).client, mode: "incremental", pageSize: 2 });
      expect(expected.status).toBe("succeeded");
      expect(expected.progress.counts).toMatchObject({ inserted: 1, updated: 20 });

      ref.standin.resetStats();
      ref.standin.setFaults({ ...mixedFaults(TIMEOUT_MS, 21), failRate: 0.2, resetRate: 0.2, truncateRate: 0.2 });
      const { client, exchanges } = recordingClient(ref.standin.url, { timeoutMs: TIMEOUT_MS });
      let outcome;
      try {
        outcome = await syncWith({ prisma: faulty.prisma, client, mode: "incremental", pageSize: 2, atPage: (done) => done === 2 && ref.standin.setFaults({ rateLimitNext: 2 }) });
      } finally {
        ref.standin.resetFaults();
      }
      const stats = ref.standin.stats();
      console.log(`incremental under faults: ${outcome.status}, ${outcome.progress.counts.fetched} fetched, ${stats.requests} requests, ${client.retries} retries, faults ${JSON.stringify(stats.faults)}`);
      expect(outcome.error).toBeUndefined();
      expect(outcome.status).toBe("succeeded");
      expect(outcome.progress.counts).toMatchObject({ inserted: 1, updated: 20, fetched: expected.progress.counts.fetched });
      for (const kind of ["failed", "rateLimited", "reset", "truncated"] as const) expect(stats.faults[kind], `${kind} never fired`).toBeGreaterThan(0);
      expect(retryAfterViolations(exchanges)).toEqual([]);

      const [want, got] = [await normalisedDump(clean.url), await normalisedDump(faulty.url)];
      expect(got.digest, describeDifference(want, got)).toBe(want.digest);
      expect(got.counts.trial).toBe(ref.total + 1);
      expect(await childRowMismatches(faulty.prisma)).toEqual([]);
      expect(await ledgerProblems(faulty.prisma)).toEqual([]);
      const [wantRun, gotRun] = await Promise.all([clean.prisma.syncRun.findUniqueOrThrow({ where: { id: expected.runId } }), faulty.prisma.syncRun.findUniqueOrThrow({ where: { id: outcome.runId } })]);
      expect(gotRun.highWater).toEqual(wantRun.highWater);
      expect(gotRun.since).toEqual(wantRun.since);
    } finally {
      ref.standin.resetData();
    }
  });
});
