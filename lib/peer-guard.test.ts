import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { peerGuardInstalled } from "./admin/client-address";
import { fastLaneFor, registerFastLane, type FastHandler } from "./http/fast-lane";

/** The preload every Next.js server gets (lib/next-server.ts), on a plain node:http server. */
let server: http.Server;
let port: number;
const seen: { method: string; peer: string | undefined }[] = [];

beforeAll(async () => {
  // @ts-expect-error -- a plain .mjs module without types: imported for its side effect
  await import("./peer-guard.mjs");
  server = http.createServer((req, res) => {
    seen.push({ method: req.method!, peer: req.headers["x-dtf-peer"] as string | undefined });
    res.end("app");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

type Sent = { status: number; allow?: string; body: string; headers: http.IncomingHttpHeaders; raw: Buffer };
function send(method: string, headers: Record<string, string> = {}, path = "/trials"): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, allow: res.headers.allow, body: raw.toString(), headers: res.headers, raw });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("lib/peer-guard.mjs", () => {
  it("stamps the socket address over a client-sent X-DTF-Peer, and marks itself installed", async () => {
    seen.length = 0;
    expect((await send("GET", { "x-dtf-peer": "203.0.113.9", "x-forwarded-for": "198.51.100.1" })).body).toBe("app");
    expect(seen).toEqual([{ method: "GET", peer: "127.0.0.1" }]);
    expect(peerGuardInstalled()).toBe(true);
  });

  it("answers TRACE and other methods the app does not serve with 405 and Allow, without the app seeing them", async () => {
    seen.length = 0;
    for (const method of ["TRACE", "PROPFIND", "MKCOL", "LINK"]) {
      const res = await send(method);
      expect(res.status, method).toBe(405);
      expect(res.allow).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      expect(res.body).toBe("Method not allowed.\n");
    }
    expect(seen).toEqual([]);
    for (const method of ["GET", "HEAD", "POST", "DELETE", "OPTIONS"]) expect((await send(method)).status, method).toBe(200);
  });
});

describe("lib/peer-guard.mjs: the fast lane (lib/http/fast-lane.ts)", () => {
  const calls: string[] = [];
  let next: FastHandler = async () => null;
  const lane: FastHandler = (query) => {
    calls.push(query);
    return next(query);
  };
  const answer = (body: string) => ({ status: 200, headers: { "content-type": "application/json", "x-lane": "yes" }, body });
  beforeAll(() => registerFastLane("/api/lane", lane));
  beforeEach(() => {
    calls.length = 0;
    seen.length = 0;
    next = async () => null;
  });

  it("answers a GET to a registered path itself, with the raw query, and the app never sees it", async () => {
    next = async (query) => answer(JSON.stringify({ query }));
    const res = await send("GET", { "x-dtf-peer": "203.0.113.9" }, "/api/lane?phase=2&near=S%C3%A3o%20Paulo");
    expect(res.status).toBe(200);
    expect(res.headers["x-lane"]).toBe("yes");
    expect(res.headers["content-length"]).toBe(String(Buffer.byteLength(res.body)));
    expect(JSON.parse(res.body)).toEqual({ query: "phase=2&near=S%C3%A3o%20Paulo" });
    expect(calls).toEqual(["phase=2&near=S%C3%A3o%20Paulo"]);
    expect(seen).toEqual([]);
  });

  it("hands the request to the app when the handler declines, throws or rejects", async () => {
    for (const behaviour of [async () => null, () => { throw new Error("sync"); }, async () => { throw new Error("async"); }] as FastHandler[]) {
      next = behaviour;
      expect((await send("GET", {}, "/api/lane?x=1")).body).toBe("app");
    }
    expect(calls).toHaveLength(3);
    expect(seen.map((s) => s.method)).toEqual(["GET", "GET", "GET"]);
  });

  it("leaves other methods, other paths and near-misses of the path to the app", async () => {
    next = async () => answer("{}");
    const requests: [string, string][] = [["HEAD", "/api/lane"], ["POST", "/api/lane"], ["GET", "/api/lane/"], ["GET", "/api/lanes"], ["GET", "/api/lane/x?y=1"], ["GET", "/es/api/lane"]];
    for (const [method, path] of requests) {
      const res = await send(method, {}, path);
      expect(res.headers["x-lane"], `${method} ${path}`).toBeUndefined();
    }
    expect(calls).toEqual([]);
    expect(seen).toHaveLength(6);
  });

  it("gzips answers, small ones too, for clients that accept it, like Next.js, and sends them plain to the others", async () => {
    const big = JSON.stringify({ trials: "x".repeat(4000) });
    next = async () => answer(big);
    const zipped = await send("GET", { "accept-encoding": "gzip, deflate, br" }, "/api/lane");
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.raw.length);
    expect(gunzipSync(zipped.raw).toString()).toBe(big);
    expect((await send("GET", {}, "/api/lane")).body).toBe(big);
    next = async () => answer("{}");
    const small = await send("GET", { "accept-encoding": "gzip" }, "/api/lane");
    expect(small.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(small.raw).toString()).toBe("{}");
    expect((await send("GET", { "accept-encoding": "br, deflate" }, "/api/lane")).headers["content-encoding"]).toBeUndefined();
  });

  it("falls back to the app, without the lane's headers, when Node refuses a header the handler wrote (plain or gzipped)", async () => {
    next = async () => ({ status: 200, headers: { "x-lane": "yes", "x-bad": "line\nbreak" }, body: "{}" });
    for (const encoding of ["identity", "gzip"]) {
      const res = await send("GET", { "accept-encoding": encoding }, "/api/lane");
      expect(res.body, encoding).toBe("app");
      expect(res.headers["x-lane"], encoding).toBeUndefined();
    }
  });

  it("registers nothing when FAST_LANE=off", () => {
    const before = process.env.FAST_LANE;
    process.env.FAST_LANE = "off";
    try {
      registerFastLane("/api/off", lane);
      expect(fastLaneFor("/api/off")).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env.FAST_LANE;
      else process.env.FAST_LANE = before;
    }
    expect(fastLaneFor("/api/lane")).toBe(lane);
  });
});
