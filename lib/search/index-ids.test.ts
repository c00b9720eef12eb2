import { describe, expect, it } from "vitest";
import { IdNumbers, nctKey, sortById } from "./index-ids";

describe("nctKey", () => {
  it("reads NCT and eight digits as a number", () => {
    expect(nctKey("NCT00000001")).toBe(1);
    expect(nctKey("NCT99999999")).toBe(99_999_999);
    expect(nctKey("NCT04849429")).toBe(4_849_429);
  });

  it("gives -1 for any other string", () => {
    for (const id of ["", "NCT0000001", "NCT000000001", "nct00000001", "NCX00000001", "NCT0000000a", "NCT0000/001", "XNCT0000001"]) expect(nctKey(id)).toBe(-1);
  });
});

const rows = (ids: string[]) => ids.map((nct_id, i) => ({ nct_id, i }));

describe("sortById", () => {
  it("returns rows already in id order as they are", () => {
    const r = rows(["NCT00000001", "NCT00000002", "NCT10000000"]);
    expect(sortById(r)).toBe(r);
  });

  it("sorts NCT ids by number, keeping each row whole", () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `NCT${String((i * 7919) % 100_000_000).padStart(8, "0")}`);
    const sorted = sortById(rows(ids));
    expect(sorted.map((r) => r.nct_id)).toEqual([...ids].sort());
    for (const r of sorted) expect(ids[r.i]).toBe(r.nct_id);
  });

  it("sorts other ids as strings", () => {
    const sorted = sortById(rows(["NCT00000002", "b-trial", "NCT00000001", "A"]));
    expect(sorted.map((r) => r.nct_id)).toEqual(["A", "NCT00000001", "NCT00000002", "b-trial"]);
  });
});

describe("IdNumbers", () => {
  const ids = ["NCT00000003", "NCT00000010", "NCT01234567", "NCT90000000"];

  it("numbers NCT ids by position, repeated and in any order", () => {
    const num = new IdNumbers(ids);
    for (const id of [...ids, ...ids.toReversed(), ids[2]!, ids[2]!]) expect(num.of(id)).toBe(ids.indexOf(id));
  });

  it("gives undefined for ids not in the list, between, before, after and not NCT-shaped", () => {
    const num = new IdNumbers(ids);
    for (const id of ["NCT00000004", "NCT00000001", "NCT99999999", "NCT0000003", "x"]) expect(num.of(id)).toBeUndefined();
    // A missing id stays missing when asked again (only found ids are remembered), and the
    // remembered last lookup does not answer for another id.
    expect(num.of("NCT00000004")).toBeUndefined();
    expect(num.of("NCT00000004")).toBeUndefined();
    expect(num.of(ids[1]!)).toBe(1);
    expect(num.of("NCT00000011")).toBeUndefined();
  });

  it("uses a map when any id is not NCT and eight digits", () => {
    const other = ["NCT00000003", "local-7", "zz"];
    const num = new IdNumbers(other);
    expect(other.map((id) => num.of(id))).toEqual([0, 1, 2]);
    expect(num.of("NCT00000004")).toBeUndefined();
  });

  it("reports what it holds: 4 bytes a key, or the map's entries", () => {
    expect(new IdNumbers(ids).bytes()).toBe(4 * ids.length);
    expect(new IdNumbers(["a", "b", "c"]).bytes()).toBe(3 * 40);
  });

  it("handles an empty list", () => {
    expect(new IdNumbers([]).of("NCT00000001")).toBeUndefined();
  });
});
