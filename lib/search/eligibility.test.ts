import { describe, expect, it } from "vitest";
import { parseEligibility } from "./eligibility";

describe("parseEligibility", () => {
  it("splits inclusion and exclusion lists with nesting", () => {
    const blocks = parseEligibility(
      "Inclusion Criteria:\n\n* Age 18 to 65\n* Low back pain for 6 months\n  * with disc degeneration\n\nExclusion Criteria:\n\n1. Pregnancy\n2. Prior spine surgery at the level",
    );
    expect(blocks.map((b) => b.kind)).toEqual(["inclusion", "exclusion"]);
    expect(blocks[0]!.items.map((i) => i.text)).toEqual(["Age 18 to 65", "Low back pain for 6 months", "with disc degeneration"]);
    expect(blocks[0]!.items[2]!.depth).toBe(1);
    expect(blocks[1]!.items.map((i) => i.text)).toEqual(["Pregnancy", "Prior spine surgery at the level"]);
  });

  it("keeps free text as paragraphs and leaves markup as text", () => {
    const blocks = parseEligibility("Patients with <script>alert(1)</script> pain\n\\> 18 years");
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.paragraphs).toEqual(["Patients with <script>alert(1)</script> pain", "> 18 years"]);
    expect(parseEligibility(null)).toEqual([]);
  });
});
