import { describe, expect, it } from "vitest";
import { phaseOf } from "./phase";

describe("phaseOf", () => {
  it("maps designModule.phases, a 1/2 trial matching both phases", () => {
    expect(phaseOf(["PHASE1", "PHASE2"]).phase).toEqual(["1", "2"]);
    expect(phaseOf(["EARLY_PHASE1"]).phase).toEqual(["early-1"]);
    expect(phaseOf(["NA"]).phase).toEqual(["na"]);
    expect(phaseOf(["PHASE4"]).why).toEqual(["designModule.phases: PHASE4 → 4"]);
  });

  it("accepts older spellings and ignores what it does not know", () => {
    expect(phaseOf(["Phase 1/Phase 2"]).phase).toEqual(["1", "2"]);
    expect(phaseOf(["N/A"]).phase).toEqual(["na"]);
    expect(phaseOf(["PHASE9"]).phase).toEqual([]);
  });

  it("is empty for observational studies, which have no phase", () => {
    expect(phaseOf([]).phase).toEqual([]);
  });
});
