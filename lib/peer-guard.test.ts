import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { peerGuardInstalled } from "./admin/client-address";

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

function send(method: string, headers: Record<string, string> = {}): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: "/trials", headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
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
