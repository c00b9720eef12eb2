import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { FIXTURES_DIR, type Standin, type StandinOptions, startStandin } from "./server";

/**
 * A stand-in started (with `opts`) before this file's tests and closed after them: `standin` and its
 * `base` URL exist once the file's first beforeAll has run, so read them inside tests and hooks.
 */
export function runningStandin(opts: StandinOptions = {}) {
  let standin: Standin | undefined;
  beforeAll(async () => {
    standin = await startStandin(opts);
  });
  afterAll(() => standin?.close());
  const running = {
    get standin(): Standin {
      if (!standin) throw new Error("the stand-in starts in beforeAll: read it inside a test or hook");
      return standin;
    },
    get base() {
      return running.standin.url;
    },
  };
  return running;
}

/** GET a stand-in URL; `json` is the parsed body when it parses. */
export async function get(base: string, pathAndQuery: string | URLSearchParams, init?: RequestInit) {
  const url = typeof pathAndQuery === "string" ? `${base}${pathAndQuery}` : `${base}/studies?${pathAndQuery}`;
  const res = await fetch(url, init);
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json: json as Page & Record<string, unknown> };
}

export type Page = { studies: StudyLike[]; nextPageToken?: string; totalCount?: number };
export type StudyLike = {
  protocolSection: {
    identificationModule: { nctId?: string; orgStudyIdInfo?: { id?: string } };
    statusModule: { lastUpdatePostDateStruct?: { date: string }; overallStatus?: string; startDateStruct?: { date: string } };
    contactsLocationsModule?: { locations?: Array<{ facility?: string; city?: string; state?: string; zip?: string; country?: string; geoPoint?: { lat: number; lon: number } }> };
  };
};

export const idOf = (s: StudyLike) => s.protocolSection.identificationModule.nctId;

/** Every page of a /studies query, following nextPageToken. */
export async function allPages(base: string, params: URLSearchParams): Promise<Page[]> {
  const pages: Page[] = [];
  const p = new URLSearchParams(params);
  for (;;) {
    const r = await get(base, p);
    if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${r.text}`);
    pages.push(r.json);
    if (!r.json.nextPageToken) return pages;
    p.set("pageToken", r.json.nextPageToken);
    if (pages.length > 10_000) throw new Error("paging does not end");
  }
}

export type IndexEntry = { nctId: string; file: string; tags?: string[]; lastUpdatePostDate: string; source: { repo: string } };

/** The bundled copy of the upstream index.json (per-study provenance and topic tags). */
export function bundledIndex(): IndexEntry[] {
  const index = JSON.parse(readFileSync(path.join(FIXTURES_DIR, "studies", "index.json"), "utf8")) as { studies: IndexEntry[] };
  return index.studies.filter((s) => s.file.startsWith("studies/"));
}

export const post = (base: string, route: string, body?: unknown) =>
  fetch(`${base.replace(/\/api\/v2$/, "")}/__control${route}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
