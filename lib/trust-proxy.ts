import { BlockList, isIP } from "node:net";

// TRUST_PROXY parsing and address matching, pure (no logger, no env) so lib/env.ts and proxy.ts can use it.

/** "::ffff:1.2.3.4" (an IPv4 client of a dual-stack socket) is 1.2.3.4; ports and brackets are dropped. */
export function normalizeAddress(raw: string): string | null {
  let a = raw.trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") === -1 ? undefined : a.indexOf("]"));
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(a)) a = a.slice(7);
  return isIP(a) ? a.toLowerCase() : null;
}

export type TrustedProxies = { list: BlockList; entries: string[] };

/** Parses TRUST_PROXY: comma-separated addresses and CIDR ranges ("127.0.0.1, 10.0.0.0/8, ::1"). Throws on an unreadable entry. */
export function parseTrustProxy(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const entry of entries) {
    const [addr, bits, extra] = entry.split("/");
    const family = isIP(addr ?? "");
    if (!family || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) {
      list.addAddress(addr!, type);
      continue;
    }
    const prefix = Number(bits);
    if (!/^\d{1,3}$/.test(bits) || prefix > (family === 6 ? 128 : 32)) throw new Error(`"${entry}" has a bad prefix length`);
    list.addSubnet(addr!, prefix, type);
  }
  return { list, entries };
}

export function isTrustedProxy(proxies: TrustedProxies, address: string): boolean {
  return proxies.entries.length > 0 && proxies.list.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
}

