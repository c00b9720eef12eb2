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
// 3. The fast lane (lib/http/fast-lane.ts, docs/decisions/033-search-fast-lane.md): a GET to a path
//    whose route registered a handler is answered by that handler here, without Next.js; when the
//    handler declines (null) or fails, the request goes on to Next.js unchanged.
import http from "node:http";
import https from "node:https";
import zlib from "node:zlib";

const PEER_HEADER = "x-dtf-peer";
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ALLOWED = new Set(METHODS);
const REFUSAL = "Method not allowed.\n";

const LANES = Symbol.for("dtf.fastLane");
// Next.js gzips every route answer for a client that accepts gzip (it streams them, so its
// compression cannot see a size to stay under); so does the lane.

function send(req, res, answer) {
  const body = Buffer.from(answer.body);
  // Every header is set now, synchronously: one Node refuses throws to the caller before anything is
  // written (the request then goes to Next.js), never later inside the gzip callback.
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  const finish = (payload) => {
    res.setHeader("content-length", payload.length);
    res.writeHead(answer.status);
    res.end(payload);
  };
  if (!/\bgzip\b/i.test(req.headers["accept-encoding"] ?? "")) return finish(body);
  zlib.gzip(body, (err, zipped) => {
    if (!err) res.setHeader("content-encoding", "gzip");
    finish(err ? body : zipped);
  });
}

/** True when the lane took the request (it then answers it, or hands it to `next` itself). */
function fastLane(req, res, next) {
  const lanes = globalThis[LANES];
  if (!lanes || req.method !== "GET") return false;
  const url = req.url ?? "";
  const q = url.indexOf("?");
  const handler = lanes.get(q === -1 ? url : url.slice(0, q));
  if (!handler) return false;
  let answer;
  try {
    answer = handler(q === -1 ? "" : url.slice(q + 1));
  } catch {
    return false;
  }
  Promise.resolve(answer).then(
    (a) => {
      if (!a) return next();
      try {
        send(req, res, a);
      } catch {
        // A header Node refuses: nothing has been written yet, so Next.js answers, without the lane's headers.
        if (res.headersSent) return res.destroy();
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        next();
      }
    },
    () => next(),
  );
  return true;
}

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
    if (fastLane(req, res, () => listener.call(this, req, res))) return;
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
