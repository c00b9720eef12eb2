// Loaded with `node --import` into every Next.js server this project starts (lib/next-server.ts).
// It does two things before Next.js sees a request:
//
// 1. Route handlers never see the TCP peer's address, and `next start` copies it into X-Forwarded-For
//    only when the client sent no such header, so a client could name any address it liked. This
//    stamps the socket's address into X-DTF-Peer on every request, over anything the client sent
//    under that name. lib/admin/client-address.ts then trusts X-Forwarded-For and X-Forwarded-Proto
//    only when that peer is a proxy listed in TRUST_PROXY.
// 2. Methods the app does not serve (TRACE, PROPFIND, …) get a plain 405 with an Allow header. Next.js
//    answered TRACE with a 500 and two stack traces in the log. (Methods Node's parser does not know
//    at all, such as TRACK, are already refused by Node with a 400 before any code runs.)
import http from "node:http";
import https from "node:https";

const PEER_HEADER = "x-dtf-peer";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ALLOWED = new Set(METHODS);
const REFUSAL = "Method not allowed.\n";

function guard(listener) {
  return function guardedRequestListener(req, res) {
    req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    if (!ALLOWED.has(req.method)) {
      res.writeHead(405, {
        allow: METHODS.join(", "),
        "content-type": "text/plain; charset=utf-8",
        "content-length": Buffer.byteLength(REFUSAL),
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      res.end(REFUSAL);
      return;
    }
    return listener.call(this, req, res);
  };
}

for (const mod of [http, https]) {
  const original = mod.createServer;
  mod.createServer = function createGuardedServer(...args) {
    const at = args.findIndex((a) => typeof a === "function");
    if (at !== -1) return original.apply(this, args.map((a, i) => (i === at ? guard(a) : a)));
    // A server given its listener later (server.on("request", …)): stamp the peer first at least.
    const server = original.apply(this, args);
    server.prependListener("request", (req) => {
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
    });
    return server;
  };
}

// Tells the app that X-DTF-Peer can be believed (without this preload a client could send it).
globalThis[Symbol.for("dtf.peerGuard")] = true;
