import { describe, expect, it } from "vitest";
import { allMatches, alternation, atWordStart, isBackground, isExclusionContext, negatedAt, norm, sentences } from "./text";

describe("norm", () => {
  it("lower-cases and removes Markdown escapes, trademark signs and typographic dashes", () => {
    // NCT06053242: "6x10\^6 cells"; NCT01640457: "NOVOCART® Disc plus"; NCT04061746: "2.5 x 10\^6 MSC per kg"
    expect(norm("6x10\\^6 cells")).toBe("6x10^6 cells");
    expect(norm("NOVOCART® Disc plus")).toBe("novocart disc plus");
    expect(norm("intra–articular   injection")).toBe("intra-articular injection");
    expect(norm("Wharton’s jelly")).toBe("wharton's jelly");
  });
});

describe("sentences", () => {
  it("splits on full stops before a capital and on new lines, but not inside doses", () => {
    // NCT03461458 detailed description (shortened)
    const text =
      "This study is a prospective, phase I dose-escalation study. All injections will be performed using fluoroscopic guidance.\n\nA dose of 1.5 x 10^6 cells will be given.";
    expect(sentences(text)).toEqual([
      "this study is a prospective, phase i dose-escalation study.",
      "all injections will be performed using fluoroscopic guidance.",
      "a dose of 1.5 x 10^6 cells will be given.",
    ]);
  });
});

describe("negatedAt", () => {
  it("sees a negation earlier in the same clause", () => {
    // NCT01429012: the placebo arm's intervention name
    const s = norm("Culture medium without MSC.");
    expect(negatedAt(s, s.indexOf("msc"))).toBe(true);
  });
  it("does not reach across a comma or treat 'non union' as a negation", () => {
    const s = norm("Patients are not eligible for surgery, and receive MSCs");
    expect(negatedAt(s, s.indexOf("mscs"))).toBe(false);
    // NCT01958502: "surgical treatment of non union with mesenchymal stem cells"
    const t = norm("surgical treatment of non union with mesenchymal stem cells");
    expect(negatedAt(t, t.indexOf("mesenchymal"))).toBe(false);
  });
});

describe("isExclusionContext", () => {
  it("recognises eligibility and past-treatment sentences", () => {
    expect(isExclusionContext(norm("Patients who received stem cells in the past are excluded."))).toBe(true);
    // NCT02338271's description repeats its exclusion list
    expect(isExclusionContext(norm("Patients who have received a lumbar epidural steroid injection within a week prior to the cells transplantation."))).toBe(true);
    expect(isExclusionContext(norm("Subjects will receive one injection of 5 million autologous adipose-derived MSCs."))).toBe(false);
  });
});

describe("isBackground", () => {
  it("recognises textbook statements that list sources the study does not use", () => {
    // NCT02241018 detailed description
    expect(isBackground(norm("Mesenchymal stromal cells (MSCs) are a form of multipotent adult stem cells that can be isolated from many tissues, such as bone marrow (BM), adipose tissue and umbilical cord."))).toBe(true);
    // NCT01720888: another team's surgery, not this study's route
    expect(isBackground(norm("Lipogems is currently FDA-approved for orthopedic and arthroscopic procedures."))).toBe(true);
    expect(isBackground(norm("The investigators will prospectively evaluate ex-vivo-expanded BM-derived MSCs from third-party donors."))).toBe(false);
  });
});

describe("alternation", () => {
  it("reports which alternative matched", () => {
    const alt = alternation<"a" | "b">([
      ["a", /\bfoo\b/],
      ["b", /\bbar(?:s)?\b/],
    ]);
    const m = alt.re.exec("a bars b");
    expect(m && alt.which(m)).toBe("b");
  });
});

describe("atWordStart", () => {
  it("tests the word boundary once and finds the same matches, groups included", () => {
    const re = /(\bmarrow\b|\bfat\b)|(\bcord blood\b)/g;
    const guarded = atWordStart(re);
    const text = "bone marrow, fat and cord blood; fatty marrowless";
    expect(allMatches(guarded, text).map((m) => [m.index, m[0], m[1] ?? null, m[2] ?? null])).toEqual(allMatches(re, text).map((m) => [m.index, m[0], m[1] ?? null, m[2] ?? null]));
  });
  it("refuses a pattern with an alternative that may begin inside a word", () => {
    expect(() => atWordStart(/\bmarrow\b|fat/g)).toThrow(/not every alternative/);
    expect(() => atWordStart(/(\bmarrow)(x)|\bfat/g)).toThrow(/not every alternative/);
  });
});
