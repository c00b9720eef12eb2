import { describe, expect, it } from "vitest";
import { mailtoHref } from "./mailto";

describe("mailtoHref", () => {
  it("links a plain address", () => {
    expect(mailtoHref("study.coordinator@example.org")).toBe("mailto:study.coordinator@example.org");
    expect(mailtoHref("  a+tag@sub.example.co.uk ")).toBe("mailto:a%2Btag@sub.example.co.uk");
  });

  it("gives no link for an address carrying header fields, escapes, a second address or anything else", () => {
    for (const hostile of [
      "x@y.org?cc=boss@evil.example&body=Send%20your%20records",
      "x@y.org&cc=a@b.c",
      "x@y.org%3Fcc=a@b.c",
      "x@y.org,a@b.c",
      "x@y.org b@c.d",
      "x@y.org#frag",
      "javascript:alert(1)//@y.org",
      "<x@y.org>",
      "x@y",
      "@y.org",
      "x@-y.org",
      "x".repeat(65) + "@y.org",
      "",
      null,
    ]) {
      expect(mailtoHref(hostile), String(hostile)).toBeNull();
    }
  });
});
