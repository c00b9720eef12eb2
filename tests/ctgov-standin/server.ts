import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { TOPIC_TERM } from "../../lib/ctgov/topic";
import { controlRoute } from "./control";
import { loadRecords, nctIdOf, StudyDoc } from "./doc";
import { matches, parseEssie } from "./essie";
import { type Decision, type Faults, FaultEngine, emptyStats, type Stats } from "./faults";
import type { Raw } from "./fields";
import { BadRequest, parseStudiesQuery, select } from "./query";
import { apiRoute, type Reply } from "./routes";
import { StudyStore } from "./store";
import { createSynthetic, placePool } from "./synthetic";

/**
 * The ClinicalTrials.gov API v2 stand-in: serves recorded real study records with the real API's
 * endpoints, parameters, paging and plain-text 400s, plus fault switches and data mutations for
 * tests. See tests/ctgov-standin/README.md.
 */

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../fixtures/ctgov");
export const DEFAULT_DATA_DIRS = [path.join(FIXTURES_DIR, "studies"), path.join(FIXTURES_DIR, "v1-converted")];

export type StandinOptions = {
  dataDirs?: string[];
  /** 0 (default) picks a free port. */
  port?: number;
  /** Serve this many synthetic studies besides the real ones (see synthetic.ts). */
  synthetic?: number;
  /** Which version of the synthetic studies to serve (default 0; see synthetic.ts). */
  syntheticRevision?: number;
  faults?: Partial<Faults>;
  /** /version's dataTimestamp; default: the newest versionHolder in the data, at 09:00:00. */
  dataTimestamp?: string;
  /** Enable /__control endpoints (default true). */
  control?: boolean;
};

export type Standin = {
  /** Base URL including /api/v2, for CTGOV_BASE_URL. */
  url: string;
  port: number;
  close(): Promise<void>;
  setFaults(f: Partial<Faults>): void;
  resetFaults(): void;
  faults(): Faults;
  stats(): Stats;
  resetStats(): void;
  upsertStudy(raw: object): string;
  removeStudy(nctId: string): void;
  restoreStudy(nctId: string): void;
  resetData(): void;
  /** Ids a GET /studies with these params selects (all pages), in order. */
  studyIds(query?: URLSearchParams): string[];
  studyCount(): number;
  /** The synthetic studies' revision; setting it makes every synthetic record new. */
  syntheticRevision(): number;
  setSyntheticRevision(r: number): void;
};

function newestVersionHolder(records: Iterable<Raw>): string {
  let newest = "";
  for (const raw of records) {
    const v = (raw.derivedSection as { miscInfoModule?: { versionHolder?: unknown } } | undefined)?.miscInfoModule?.versionHolder;
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && v > newest) newest = v;
  }
  return `${newest || "2025-01-06"}T09:00:00`;
}

function topicTemplates(records: Map<string, Raw>): Raw[] {
  const topic = parseEssie(TOPIC_TERM);
  return [...records.values()].filter((raw) => matches(topic, new StudyDoc(raw), "BasicSearch")).sort((a, b) => (nctIdOf(a)! < nctIdOf(b)! ? -1 : 1));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startStandin(opts: StandinOptions = {}): Promise<Standin> {
  const records = loadRecords(opts.dataDirs ?? DEFAULT_DATA_DIRS);
  const synthetic = opts.synthetic ? createSynthetic(opts.synthetic, topicTemplates(records), placePool(records.values()), opts.syntheticRevision ?? 0) : null;
  const store = new StudyStore(records, synthetic);
  const engine = new FaultEngine();
  if (opts.faults) engine.set(opts.faults);
  let stats = emptyStats();
  const dataTimestamp = opts.dataTimestamp ?? newestVersionHolder(records.values());
  const controlEnabled = opts.control ?? true;

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const route = url.pathname.slice("/api/v2".length);
    stats.requests++;
    const routeName = route.startsWith("/studies/") ? "study" : route.slice(1) || "root";
    stats.byRoute[routeName] = (stats.byRoute[routeName] ?? 0) + 1;
    const d = engine.decide();
    if (d.delayMs > 0) {
      stats.faults.delayed++;
      if (d.spike) stats.faults.spikes++;
      await sleep(d.delayMs);
    }
    let reply: Reply;
    if (req.method !== "GET" && req.method !== "HEAD") reply = { status: 405, json: false, body: "Method Not Allowed" };
    else if (d.status === 429) {
      stats.faults.rateLimited++;
      reply = { status: 429, json: false, body: "Too Many Requests", headers: { "Retry-After": String(engine.faults.retryAfterSeconds) } };
    } else if (d.status !== null) {
      stats.faults.failed++;
      reply = { status: d.status, json: false, body: `ctgov stand-in fault: HTTP ${d.status}` };
    } else reply = apiRoute(route, url.searchParams, { store, faults: engine.faults, stats, dataTimestamp });
    stats.byStatus[reply.status] = (stats.byStatus[reply.status] ?? 0) + 1;
    write(res, reply, d);
  };

  const write = (res: ServerResponse, reply: Reply, d?: Decision) => {
    let body = Buffer.from(reply.body, "utf8");
    const headers: Record<string, string | number> = {
      "Content-Type": reply.json ? "application/json" : "text/plain; charset=utf-8",
      ...reply.headers,
    };
    if (d?.truncate && reply.status === 200 && reply.json) {
      stats.faults.truncated++;
      body = body.subarray(0, Math.floor(body.length / 2));
    }
    headers["Content-Length"] = body.length;
    res.writeHead(reply.status, headers);
    if (d?.reset) {
      // Half the promised body, then the connection is cut: the client sees a reset mid-response.
      stats.faults.reset++;
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
      return;
    }
    res.end(body);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const handled = url.pathname.startsWith("/__control/")
      ? (async () => {
          stats.control++;
          if (!controlEnabled) return write(res, { status: 403, json: false, body: "control endpoints are disabled on this stand-in" });
          write(res, await controlRoute(req, url.pathname.slice("/__control".length), url.searchParams, standin));
        })()
      : url.pathname.startsWith("/api/v2/")
        ? api(req, res, url)
        : Promise.resolve(write(res, { status: 404, json: false, body: "Not Found" }));
    handled.catch((e: unknown) => {
      // A bug in the stand-in must not look like a fault switch: say so in the body.
      if (!res.headersSent) write(res, { status: 500, json: false, body: `ctgov stand-in bug: ${e instanceof Error ? e.stack : String(e)}` });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const standin: Standin = {
    url: `http://127.0.0.1:${port}/api/v2`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
    setFaults: (f) => void engine.set(f),
    resetFaults: () => engine.reset(),
    faults: () => structuredClone(engine.faults),
    stats: () => structuredClone(stats),
    resetStats: () => void (stats = emptyStats()),
    upsertStudy: (raw) => store.upsert(raw),
    removeStudy: (id) => store.remove(id),
    restoreStudy: (id) => store.restore(id),
    resetData: () => store.reset(),
    studyIds(query = new URLSearchParams()) {
      try {
        return select(store, parseStudiesQuery(query)).map((r) => r.id);
      } catch (e) {
        throw e instanceof BadRequest ? new Error(e.message) : e;
      }
    },
    studyCount: () => store.count(),
    syntheticRevision: () => synthetic?.revision() ?? 0,
    setSyntheticRevision(r) {
      if (!synthetic) throw new Error("this stand-in serves no synthetic studies");
      synthetic.setRevision(r);
      // Dates changed: cached query selections are stale, as after a mutation.
      store.version++;
    },
  };
  return standin;
}
