import { describe, expect, it } from "vitest";
import { installPeerGuardForTests } from "./client-address";
import { checkSameOrigin, clientKey } from "./request";

const req = (headers: Record<string, string>) => new Request("http://127.0.0.1:3100/api/admin/sync", { method: "POST", headers });

describe("checkSameOrigin", () => {
  it("accepts the site's own origin", () => {
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3100" }), { requireOrigin: true }).ok).toBe(true);
  });
  it("refuses another origin, an opaque one, and a cross-site fetch", () => {
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100", origin: "http://evil.example" }), { requireOrigin: false }).ok).toBe(false);
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100", origin: "http://127.0.0.1:3101" }), { requireOrigin: false }).ok).toBe(false);
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100", origin: "null" }), { requireOrigin: false }).ok).toBe(false);
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100", "sec-fetch-site": "cross-site" }), { requireOrigin: false }).ok).toBe(false);
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100", "sec-fetch-site": "same-site" }), { requireOrigin: false }).ok).toBe(false);
  });
  it("refuses a missing Origin only when required", () => {
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100" }), { requireOrigin: true }).ok).toBe(false);
    expect(checkSameOrigin(req({ host: "127.0.0.1:3100" }), { requireOrigin: false }).ok).toBe(true);
  });
});

describe("clientKey", () => {
  it("is the socket's address (stamped by the peer guard), whatever X-Forwarded-For the client sends", () => {
    installPeerGuardForTests();
    expect(clientKey(req({ "x-dtf-peer": "203.0.113.9", "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("203.0.113.9");
    expect(clientKey(req({ "x-dtf-peer": "::ffff:127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientKey(req({}))).toBe("unknown");
  });
});
