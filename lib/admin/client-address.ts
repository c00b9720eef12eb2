import { logger } from "../logger";
import { isTrustedProxy, normalizeAddress, type TrustedProxies } from "../trust-proxy";

/**
 * Who is on the other end of a request, for the login limiter, the audit log and HSTS
 * (docs/decisions/019-server-sessions.md). The socket's address reaches us as X-DTF-Peer, stamped by
 * lib/peer-guard.mjs (loaded into every Next.js server started through lib/next-server.ts) over
 * anything the client sent. X-Forwarded-For and X-Forwarded-Proto are believed only when that peer
 * is a proxy listed in TRUST_PROXY; otherwise any client could claim any address or scheme.
 */
export const PEER_HEADER = "x-dtf-peer";
const PEER_GUARD = Symbol.for("dtf.peerGuard");

export function peerGuardInstalled(): boolean {
  return (globalThis as { [PEER_GUARD]?: boolean })[PEER_GUARD] === true;
}

/** For tests that call route handlers in-process, as the preload would have. */
export function installPeerGuardForTests() {
  (globalThis as { [PEER_GUARD]?: boolean })[PEER_GUARD] = true;
}

export type ClientAddress = {
  /** The client's address as far as we can know it; "unknown" when the server was started without the peer guard. */
  address: string;
  /** The scheme the client used, when a trusted proxy said so; null when nobody we trust said. */
  forwardedProto: string | null;
};

let warned = false;

export function clientAddress(headers: Headers, proxies: TrustedProxies): ClientAddress {
  if (!peerGuardInstalled()) {
    // Started some other way than lib/next-server.ts (plain `next start`): no header can be believed.
    if (!warned) logger.warn("the peer guard (lib/peer-guard.mjs) is not loaded: client addresses are unknown and share one login limit; start the server with npm start");
    warned = true;
    return { address: "unknown", forwardedProto: null };
  }
  const peer = normalizeAddress(headers.get(PEER_HEADER) ?? "");
  if (!peer) return { address: "unknown", forwardedProto: null };
  if (!isTrustedProxy(proxies, peer)) return { address: peer, forwardedProto: null };
  // From a trusted proxy: the client is the rightmost forwarded address that is not itself a trusted proxy.
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").slice(-32).map(normalizeAddress);
  let address = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) break; // an unreadable entry: stop at the last address we could read
    address = hop;
    if (!isTrustedProxy(proxies, hop)) break;
  }
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() ?? null;
  return { address, forwardedProto: proto === "https" || proto === "http" ? proto : null };
}
