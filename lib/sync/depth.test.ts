import { describe, expect, it } from "vitest";
import { MAX_RECORD_DEPTH, PRUNED, pruneDeep, tooDeepAt } from "./depth";

function nested(depth: number): unknown {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { x: v };
  return v;
}

describe("record depth", () => {
  it("finds nothing in a real-shaped record, and the path of the first level past the limit in a deep one", () => {
    expect(tooDeepAt({ protocolSection: { identificationModule: { nctId: "NCT1" } }, list: [[1, 2], { a: null }] })).toBeNull();
    expect(tooDeepAt(nested(MAX_RECORD_DEPTH))).toBeNull();
    expect(tooDeepAt(nested(MAX_RECORD_DEPTH + 1))).toMatch(/^\$(\.x|\[0\])+$/);
  });

  it("walks 100,000 levels without overflowing the stack (JSON.stringify cannot)", () => {
    const deep = { protocolSection: { identificationModule: { nctId: "NCT09999998" } }, annotationSection: nested(100_000) };
    expect(() => JSON.stringify(deep)).toThrow(/call stack/);
    expect(tooDeepAt(deep)).toMatch(/^\$\.annotationSection/);
    const pruned = pruneDeep(deep) as { protocolSection: unknown };
    const json = JSON.stringify(pruned);
    expect(json).toContain(PRUNED);
    expect(pruned.protocolSection).toEqual({ identificationModule: { nctId: "NCT09999998" } });
    expect(tooDeepAt(pruned)).toBeNull();
  });

  it("copies a shallow value unchanged", () => {
    const v = { a: [1, "two", null, { b: true }], c: "d" };
    expect(pruneDeep(v)).toEqual(v);
    expect(pruneDeep("text")).toBe("text");
  });
});
