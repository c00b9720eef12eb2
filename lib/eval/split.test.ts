import { describe, expect, it } from "vitest";
import { splitFiles } from "./split";

describe("splitFiles", () => {
  const fixed = ["dev.jsonl", "validation.jsonl"];

  it("makes the newest fresh-N file validation and every earlier one development, by number not by name", () => {
    const names = ["README.md", "fresh-10.jsonl", "dev.jsonl", "fresh-2.jsonl", "fresh-1.jsonl", "validation.jsonl", "fresh-x.jsonl", "fresh-03.jsonl"];
    expect(splitFiles(names, fixed)).toEqual({ development: [...fixed, "fresh-1.jsonl", "fresh-2.jsonl"], validation: "fresh-10.jsonl" });
  });

  it("has no validation without a fresh file, and one fresh file is validation only", () => {
    expect(splitFiles(["dev.jsonl"], fixed)).toEqual({ development: fixed, validation: null });
    expect(splitFiles(["fresh-1.jsonl"], fixed)).toEqual({ development: fixed, validation: "fresh-1.jsonl" });
  });

  it("puts an already measured newest file in development, with no validation until the next one", () => {
    expect(splitFiles(["fresh-1.jsonl"], fixed, 1)).toEqual({ development: [...fixed, "fresh-1.jsonl"], validation: null });
    expect(splitFiles(["fresh-2.jsonl", "fresh-1.jsonl"], fixed, 1)).toEqual({ development: [...fixed, "fresh-1.jsonl"], validation: "fresh-2.jsonl" });
    expect(splitFiles(["fresh-3.jsonl", "fresh-2.jsonl", "fresh-1.jsonl"], fixed, 1)).toEqual({ development: [...fixed, "fresh-1.jsonl", "fresh-2.jsonl"], validation: "fresh-3.jsonl" });
  });

  it("with fresh-1..4 measured, keeps all four in development and makes a fifth validation", () => {
    const four = ["fresh-1.jsonl", "fresh-2.jsonl", "fresh-3.jsonl", "fresh-4.jsonl"];
    expect(splitFiles(four, [], 4)).toEqual({ development: four, validation: null });
    expect(splitFiles([...four, "fresh-5.jsonl"], [], 4)).toEqual({ development: four, validation: "fresh-5.jsonl" });
  });
});
