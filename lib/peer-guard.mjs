// Loaded with `node --import` into every Next.js server this project starts (lib/next-server.ts).
//
// Route handlers never see the TCP peer's address, and `next start` copies it into X-Forwarded-For
// only when the client sent no such header, so a client could name any address it liked. This
// stamps the socket's address into X-DTF-Peer on every request, over anything the client sent under
// that name, before Next.js sees the request. lib/admin/client-address.ts then trusts
// X-Forwarded-For and X-Forwarded-Proto only when that peer is a proxy listed in TRUST_PROXY.
import http from "node:http";
import https from "node:https";

const PEER_HEADER = "x-dtf-peer";

function stamp(req) {
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
}

for (const mod of [http, https]) {
  const original = mod.createServer;
  mod.createServer = function createServerWithPeer(...args) {
    const server = original.apply(this, args);
    server.prependListener("request", stamp);
    return server;
  };
}

// Tells the app that X-DTF-Peer can be believed (without this preload a client could send it).
globalThis[Symbol.for("dtf.peerGuard")] = true;
