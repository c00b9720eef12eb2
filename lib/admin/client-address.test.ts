import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "../trust-proxy";
import { clientAddress, installPeerGuardForTests } from "./client-address";

installPeerGuardForTests();
const h = (o: Record<string, string>) => new Headers(o);

describe("clientAddress", () => {
  const none = parseTrustProxy("");
  const proxy = parseTrustProxy("10.0.0.1, 192.168.0.0/16, ::1");

  it("without TRUST_PROXY, believes only the socket: a rotated X-Forwarded-For or X-Forwarded-Proto changes nothing", () => {
    for (let i = 0; i < 20; i++) {
      const a = clientAddress(h({ "x-dtf-peer": "203.0.113.9", "x-forwarded-for": `198.51.100.${i}`, "x-forwarded-proto": "https" }), none);
      expect(a).toEqual({ address: "203.0.113.9", forwardedProto: null });
    }
  });

  it("from a listed proxy, takes the rightmost address that is not a proxy, and the proxy's scheme", () => {
    expect(clientAddress(h({ "x-dtf-peer": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.7", "x-forwarded-proto": "https" }), proxy)).toEqual({
      address: "198.51.100.7",
      forwardedProto: "https",
    });
    // two proxies in a row (192.168.1.5 is listed): the client is the one before them
    expect(clientAddress(h({ "x-dtf-peer": "::ffff:10.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.7, 192.168.1.5" }), proxy).address).toBe("198.51.100.7");
    // a proxy that forwarded nothing: the proxy itself is the client
    expect(clientAddress(h({ "x-dtf-peer": "::1" }), proxy).address).toBe("::1");
    // garbage in the header stops the walk at the last readable address
    expect(clientAddress(h({ "x-dtf-peer": "10.0.0.1", "x-forwarded-for": "6.6.6.6, not-an-ip" }), proxy).address).toBe("10.0.0.1");
    expect(clientAddress(h({ "x-dtf-peer": "10.0.0.1", "x-forwarded-proto": "gopher" }), proxy).forwardedProto).toBeNull();
  });

  it("a client that is not the proxy cannot borrow its trust", () => {
    expect(clientAddress(h({ "x-dtf-peer": "203.0.113.9", "x-forwarded-for": "10.0.0.1", "x-forwarded-proto": "https" }), proxy)).toEqual({ address: "203.0.113.9", forwardedProto: null });
  });
});

describe("parseTrustProxy", () => {
  it("reads addresses and CIDR ranges, and refuses anything else", () => {
    const p = parseTrustProxy(" 127.0.0.1 ,10.0.0.0/8,fd00::/8 ");
    expect(p.entries).toEqual(["127.0.0.1", "10.0.0.0/8", "fd00::/8"]);
    expect(p.list.check("10.200.3.4", "ipv4")).toBe(true);
    for (const bad of ["localhost", "10.0.0.0/33", "10.0.0.0/8/1", "1.2.3", "::1/129", "10.0.0.0/x"]) expect(() => parseTrustProxy(bad), bad).toThrow();
    expect(parseTrustProxy("").entries).toEqual([]);
  });
});
