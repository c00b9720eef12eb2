import { readFileSync } from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma } from "../../lib/db/client";
import { type Standin, startStandin } from "../ctgov-standin/server";
import { createTestDatabase, type TestDatabase } from "../integration/helpers/db";
import { standinClient, syncOnce } from "../integration/helpers/sync";
import { startWeb, type WebApp } from "./helpers/web";

/**
 * Hostile records and hostile clients against the production build (issue 19, docs/reliability.md):
 * a sync whose first page carries records built to hurt (nested 10,000 levels deep; 2 MB texts in
 * every field; eligibility text and descriptions made to backtrack a regex; a contact email carrying
 * ?cc=&body=), then every page and endpoint that shows them, timed; then 2,000 distinct searches and
 * the server's memory; then TRACE. Figures are printed as "[hostile] …" lines.
 */
const MB2 = "M".repeat(2 * 1024 * 1024);
const RUN = 20_000;

function study(nctId: string, fields: { title?: string; summary?: string; criteria?: string; intervention?: string; description?: string; facility?: string; email?: string }) {
  return {
    protocolSection: {
      identificationModule: { nctId, briefTitle: `Mesenchymal stem cells for disc pain ${fields.title ?? ""}` },
      statusModule: { overallStatus: "RECRUITING", lastUpdatePostDateStruct: { date: "2026-11-30" } },
      sponsorCollaboratorsModule: { leadSponsor: { name: `Sponsor ${fields.title ?? ""}` } },
      descriptionModule: { briefSummary: `Autologous bone marrow mesenchymal stem cells injected into the disc. ${fields.summary ?? ""}` },
      conditionsModule: { conditions: ["Degenerative Disc Disease"] },
      designModule: { studyType: "INTERVENTIONAL", phases: ["PHASE2"] },
      eligibilityModule: { eligibilityCriteria: fields.criteria ?? "Inclusion Criteria:\n\n* Adults", minimumAge: "18 Years", sex: "ALL" },
      armsInterventionsModule: { interventions: [{ type: "BIOLOGICAL", name: `Autologous mesenchymal stem cells ${fields.intervention ?? ""}`, description: fields.description ?? "Intradiscal injection" }] },
      contactsLocationsModule: {
        centralContacts: [{ name: "Coordinator", email: fields.email ?? "coordinator@example.org" }],
        locations: [{ facility: `Hospital ${fields.facility ?? ""}`, status: "RECRUITING", city: "Boston", state: "Massachusetts", country: "United States", geoPoint: { lat: 42.36, lon: -71.06 } }],
      },
    },
  };
}

const HOSTILE = [
  { id: "NCT09999981", why: "2 MB in every text field", s: study("NCT09999981", { title: MB2, summary: MB2, criteria: MB2, intervention: MB2, description: MB2, facility: MB2 }) },
  { id: "NCT09999982", why: "eligibility headings followed by 20,000 spaces", s: study("NCT09999982", { criteria: `Inclusion Criteria${" ".repeat(RUN)}é\n**${" ".repeat(RUN)}x\nExclusion Criteria:${" \t".repeat(RUN / 2)}!` }) },
  { id: "NCT09999983", why: "dose-like digit runs ('1.1.1…') in every text", s: study("NCT09999983", { summary: "1.".repeat(RUN), description: "1,".repeat(RUN), intervention: "1".repeat(RUN), criteria: "1 x 10".repeat(RUN / 4) }) },
  { id: "NCT09999984", why: "a contact email carrying ?cc=&body=", s: study("NCT09999984", { email: "coordinator@example.org?cc=attacker@evil.example&body=Send%20us%20your%20records" }) },
];
const DEEP_ID = "NCT09999985";
const deepJson = (depth: number) =>
  `{"protocolSection":{"identificationModule":{"nctId":"${DEEP_ID}","briefTitle":"Deep"},"statusModule":{"overallStatus":"RECRUITING"}},"annotationSection":{"x":${"[".repeat(depth)}${"]".repeat(depth)}}}`;

let database: TestDatabase | undefined;
let standin: Standin | undefined;
let web: WebApp | undefined;
const figures: string[] = [];
const note = (line: string) => {
  figures.push(line);
  console.log(`[hostile] ${line}`);
};

beforeAll(async () => {
  database = await createTestDatabase();
  standin = await startStandin({ port: 0 });
  standin.setFaults({ injectStudyJson: [...HOSTILE.map((h) => JSON.stringify(h.s)), deepJson(10_000)].join(",") });
  const prisma = createPrisma(database.url);
  try {
    const t0 = performance.now();
    const outcome = await syncOnce(prisma, standinClient(standin.url), "full", 200);
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe("succeeded");
    expect(outcome.progress.counts.invalid).toBe(1); // the deep one, quarantined
    note(`sync with the hostile records: succeeded in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${outcome.progress.counts.fetched} fetched, 1 quarantined (nested 10,000 levels)`);
  } finally {
    await prisma.$disconnect();
  }
  await database.prisma.$disconnect();
  web = await startWeb({ databaseUrl: database.url, env: { CTGOV_BASE_URL: standin.url } });
});

afterAll(async () => {
  if (figures.length) console.log(`[hostile] summary\n  ${figures.join("\n  ")}`);
  await web?.stop();
  await standin?.close();
  await database?.drop();
});

async function timed(path: string): Promise<{ status: number; ms: number; bytes: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(`${web!.url}${path}`, { signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - t0, bytes: Buffer.byteLength(body), body };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m![1]) / 1024;
}

describe("hostile records on every page", () => {
  it("every page and endpoint that shows them answers within 5 s, with bounded size", async () => {
    const q = "q=mesenchymal&status=recruiting";
    const paths = [
      ...HOSTILE.flatMap((h) => [`/trials/${h.id}`, `/api/trials/${h.id}`]),
      `/trials?${q}`,
      `/trials?${q}&view=map`,
      `/trials/print?${q}`,
      `/api/trials?${q}`,
      `/api/trials.csv?${q}`,
      `/api/trials/sites?${q}`,
      "/",
    ];
    // Warm every route on an ordinary trial first: the figure is the hostile records' cost, not a cold start.
    const ordinary = ["/trials/NCT04042844", "/api/trials/NCT04042844", "/trials?q=disc", "/trials?q=disc&view=map", "/trials/print?q=disc", "/api/trials?q=disc", "/api/trials.csv?q=disc", "/api/trials/sites?q=disc", "/"];
    const baseline = [];
    for (const path of ordinary) await timed(path);
    for (const path of ordinary) baseline.push((await timed(path)).ms);
    const answers: { path: string; status: number; ms: number; bytes: number }[] = [];
    for (const path of paths) {
      const a = await timed(path);
      answers.push({ path, status: a.status, ms: a.ms, bytes: a.bytes });
      expect(a.status, path).toBe(200);
      expect(a.bytes, path).toBeLessThan(2_000_000);
      if (path === `/trials/${HOSTILE[3]!.id}`) {
        // The text is shown as text; no link carries the smuggled fields.
        expect(a.body).toContain("cc=attacker");
        expect(a.body).not.toMatch(/href="mailto:[^"]*(\?|cc=|body=)/);
      }
    }
    const worst = answers.reduce((a, b) => (b.ms > a.ms ? b : a));
    const biggest = answers.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    note(
      `${answers.length} pages/endpoints over the hostile records: worst ${worst.ms.toFixed(0)} ms (${worst.path}), largest ${(biggest.bytes / 1024).toFixed(0)} KB (${biggest.path}); ` +
        `the same routes on an ordinary trial: worst ${Math.max(...baseline).toFixed(0)} ms`,
    );
    expect(worst.ms, worst.path).toBeLessThan(5_000);
  });

  it("2,000 distinct searches leave the server's memory bounded (the search cache counts bytes)", async () => {
    const pid = web!.child.pid!;
    const before = rssMb(pid);
    const words = ["mesenchymal", "stem", "cell", "disc", "pain", "marrow", "adipose", "injection", "lumbar", "Boston", "Sponsor", "Hospital", "1.1.1", "MMMM", "criteria", "autologous", "allogeneic", "umbilical", "phase", "degenerative"];
    const sorts = ["relevance", "updated", "start", "distance"];
    const statuses = ["recruiting", "recruiting,not-yet-recruiting", "completed", "terminated", ""];
    const pages = [1, 2, 3, 4, 5];
    const queries: string[] = [];
    for (const w of words) for (const s of sorts) for (const st of statuses) for (const p of pages) queries.push(`q=${encodeURIComponent(w)}&sort=${s}${st ? `&status=${st}` : ""}&page=${p}${s === "distance" ? "&near=Boston" : ""}`);
    expect(queries).toHaveLength(2_000);
    let peak = before;
    const t0 = performance.now();
    for (let i = 0; i < queries.length; i += 4) {
      const batch = await Promise.all(queries.slice(i, i + 4).map((q) => timed(`/api/trials?${q}`)));
      for (const a of batch) expect([200, 400]).toContain(a.status);
      if (i % 200 === 0) peak = Math.max(peak, rssMb(pid));
    }
    const after = rssMb(pid);
    peak = Math.max(peak, after);
    note(`2,000 distinct searches in ${((performance.now() - t0) / 1000).toFixed(0)} s: server RSS ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after, peak ${peak.toFixed(0)} MB`);
    expect(after).toBeLessThan(1_500);
  });

  it("TRACE and unknown methods get 405 and leave no stack trace in the server log", async () => {
    for (const method of ["TRACE", "PROPFIND"]) {
      const status = await new Promise<number>((resolve, reject) => {
        const u = new URL(web!.url);
        const req = http.request({ host: u.hostname, port: u.port, method, path: "/trials" }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode!));
        });
        req.on("error", reject);
        req.end();
      });
      expect(status, method).toBe(405);
    }
    expect(web!.output()).not.toMatch(/TRACE.*unsupported|^\s+at .+:\d+:\d+\)?$/m);
  });
});
