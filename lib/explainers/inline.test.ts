import { describe, expect, it } from "vitest";
import { isSafeHref, linksIn, parseInline, plainText } from "./inline";

describe("parseInline", () => {
  it("splits text and links", () => {
    expect(parseInline("See [the phases](/learn/trial-phases#phase-1) first.")).toEqual([
      { type: "text", text: "See " },
      { type: "link", text: "the phases", href: "/learn/trial-phases#phase-1" },
      { type: "text", text: " first." },
    ]);
  });

  it("keeps unsafe links as plain text, never as links", () => {
    for (const href of ["javascript:alert(1)", "//evil.example/x", "data:text/html,hi", "mailto:x@y.z"]) {
      const nodes = parseInline(`Click [here](${href}) now`);
      expect(nodes.every((n) => n.type === "text")).toBe(true);
      expect(isSafeHref(href)).toBe(false);
    }
  });

  it("leaves HTML-looking text as text (React escapes it)", () => {
    expect(parseInline("<b>bold</b>")).toEqual([{ type: "text", text: "<b>bold</b>" }]);
  });

  it("accepts https links", () => {
    expect(parseInline("[FDA](https://www.fda.gov/)")).toEqual([{ type: "link", text: "FDA", href: "https://www.fda.gov/" }]);
  });
});

describe("plainText and linksIn", () => {
  it("reduce link markup to what the reader sees and report every link", () => {
    const text = "Read [this](/learn/risks) and [that](javascript:x).";
    expect(plainText(text)).toBe("Read this and [that](javascript:x).");
    expect(linksIn(text)).toEqual([
      { text: "this", href: "/learn/risks", safe: true },
      { text: "that", href: "javascript:x", safe: false },
    ]);
  });
});
