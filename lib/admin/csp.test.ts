import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCsp, inlineScriptHashes, prerenderedHtmlPath, prerenderedScriptHashes } from "./csp";

const sha = (s: string) => `sha256-${createHash("sha256").update(s).digest("base64")}`;

describe("buildCsp", () => {
  it("allows scripts only from this origin, the nonce and given hashes", () => {
    const csp = buildCsp({ nonce: "abc", scriptHashes: ["sha256-xyz"] });
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'sha256-xyz';");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(buildCsp({ nonce: "abc", upgradeInsecure: true })).toContain("upgrade-insecure-requests");
  });
});

describe("hashes of prerendered pages", () => {
  it("cover the inline scripts and nothing with a src", () => {
    const html = `<html><script src="/_next/static/a.js" async></script><script>self.__next_f.push([1,"x"])</script><script id="j">a&lt;b</script></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha('self.__next_f.push([1,"x"])'), sha("a&lt;b")]);
  });

  it("are read from the file next build wrote, and none for pages rendered per request", () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), "csp-"));
    mkdirSync(path.join(dist, "server", "app", "learn"), { recursive: true });
    writeFileSync(path.join(dist, "server", "app", "learn", "cells.html"), "<script>1</script>");
    expect(prerenderedScriptHashes("/learn/cells", dist)).toEqual([sha("1")]);
    expect(prerenderedScriptHashes("/learn/cells/", dist)).toEqual([sha("1")]);
    expect(prerenderedScriptHashes("/trials", dist)).toEqual([]);
    expect(prerenderedHtmlPath("/../../etc/passwd", dist)).toBeNull();
    expect(prerenderedHtmlPath("/", dist)).toBe(path.join(dist, "server", "app", "index.html"));
  });
});
