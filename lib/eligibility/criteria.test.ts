import { describe, expect, it } from "vitest";
import { exclusions, parseCriteria, requirements } from "./criteria";

const shape = (text: string) => parseCriteria(text).map((c) => ({ section: c.section, text: c.text, parent: c.parent }));

describe("parseCriteria", () => {
  it("puts each line under the heading above it, without the list markers", () => {
    // NCT01824108
    const text = "Inclusion criteria:\n\n1. 18-70 years old;\n2. complaining low back pain or radioactive melosalgia;\n\nExclusion criteria:\n\n1. previous operations;\n2. congenital spinal deformity;";
    expect(shape(text)).toEqual([
      { section: "inclusion", text: "18-70 years old;", parent: null },
      { section: "inclusion", text: "complaining low back pain or radioactive melosalgia;", parent: null },
      { section: "exclusion", text: "previous operations;", parent: null },
      { section: "exclusion", text: "congenital spinal deformity;", parent: null },
    ]);
  });

  it("knows the heading variants records use, and keeps text that follows a heading's colon", () => {
    const text = "Key Inclusion Criteria:\n* Age 18\nMain exclusion criteria\n* Pregnancy\nInclusion:\n* MRI\nExclusion Criteria: contra-indication to MRI\nPatients must meet the following criteria for study entry:\n* Adults";
    expect(parseCriteria(text).map((c) => `${c.section}:${c.text}`)).toEqual([
      "inclusion:Age 18",
      "exclusion:Pregnancy",
      "inclusion:MRI",
      "exclusion:contra-indication to MRI",
      "inclusion:Adults",
    ]);
  });

  it("does not take a criterion that mentions inclusion for a heading", () => {
    const items = parseCriteria("Exclusion Criteria:\n\nTreatment with corticosteroids in the 3 months prior to inclusion in the study.\n* Patient meets the inclusion criteria for trial entry");
    expect(items.map((c) => c.section)).toEqual(["exclusion", "exclusion"]);
  });

  it("leaves text before any heading in an unknown section", () => {
    expect(parseCriteria("Adults with chronic low back pain").map((c) => c.section)).toEqual(["unknown"]);
  });

  it("nests indented items under the item that introduces them, and marks its options as alternatives", () => {
    // NCT02814825
    const text =
      "Inclusion Criteria:\n\n1. Diagnosed by the investigator with at least one (1) of the following:\n\n   * Symptomatic cervical spondylosis;\n   * Degenerative disc disease (DDD), defined as discogenic pain with degeneration of the disc confirmed by history and imaging studies;\n   * Herniated nucleus pulposus (HNP)\n2. Subjects who are candidates and have already elected to undergo contiguous two or three-level ACDF surgery between C2-C7 of the cervical spine\n";
    const items = parseCriteria(text);
    expect(items.map((c) => [c.parent, c.alternative, c.intro])).toEqual([
      [null, false, true],
      [0, true, false],
      [0, true, false],
      [0, true, false],
      [null, false, false],
    ]);
    // An option is not a requirement by itself: imaging is needed only for the DDD option.
    expect(requirements(items).map((c) => c.index)).toEqual([0, 4]);
  });

  it("nests bullets under a plain line that ends with a colon, and ends the nesting at the next plain line", () => {
    // NCT04759105 style
    const items = parseCriteria("Exclusion Criteria:\nPrior to the screening visit, has received:\n* Oral corticosteroid therapy within the previous 3 months, OR\n* Epidural corticosteroid therapy within the previous 3 months\nHistory of spinal infection.");
    expect(items.map((c) => c.parent)).toEqual([null, 0, 0, null]);
  });

  it("reads a negated inclusion as an exclusion of what it negates, but not 'no improvement after…'", () => {
    // NCT04414592, NCT01824108, NCT03692221
    const items = parseCriteria(
      "Inclusion Criteria:\nNo previous history of spinal surgery.\n4. no improvement in symptoms after 6-10 weeks of non-surgical treatment.\nAbsence of coagulopathy\nExclusion Criteria:\n· No neurological deficit\n* Pregnancy",
    );
    expect(items.map((c) => c.negated)).toEqual([true, false, true, true, false]);
    expect(exclusions(items).map((e) => e.text)).toEqual(["previous history of spinal surgery.", "coagulopathy", "pregnancy"]);
    expect(requirements(items).map((c) => c.text)).toEqual(["no improvement in symptoms after 6-10 weeks of non-surgical treatment."]);
  });

  it("marks inclusions joined by 'OR' and conditional ones as not required by themselves", () => {
    const items = parseCriteria(
      "Inclusion Criteria:\n* Low back pain for 6 months, or\n* Sciatica\n* If pain is secondary to HNP: MRI within the last 2 months\n* MRI Confirmed disc bulge - preferred.\n* Preferred no prior surgery.\n* Pfirrmann grade 3-5",
    );
    expect(requirements(items).map((c) => c.text)).toEqual(["Pfirrmann grade 3-5"]);
  });

  it("removes ClinicalTrials.gov's Markdown escapes and spells comparisons one way", () => {
    const [c] = parseCriteria("Inclusion Criteria:\n* BMI \\>15 and \\< 30 kg/m2, age ≥ 22");
    expect(c!.text).toBe("BMI >15 and < 30 kg/m2, age ≥ 22");
    expect(c!.lower).toBe("bmi >15 and < 30 kg/m2, age >= 22");
  });
});

describe("run-on headings and bullets", () => {
  it("cuts a heading and bullets run into the line before them (NCT05508360)", () => {
    const text = [
      "Inclusion Criteria:",
      "",
      "* Patient is skeletally mature and at least 21 years of age.",
      "* All surgeries must be approved by the Medical Advisory Board (MAB) Exclusion Criteria:• Patient has less than 6 mm of disc height.",
      "* Patient has congenital moderate or severe spinal stenosis or epidural lipomatosis.• Patient has significant facet disease.",
      "* Patient has any known active malignancy.",
    ].join("\n");
    const items = parseCriteria(text);
    expect(items.map((c) => [c.section, c.text])).toEqual([
      ["inclusion", "Patient is skeletally mature and at least 21 years of age."],
      ["inclusion", "All surgeries must be approved by the Medical Advisory Board (MAB)"],
      ["exclusion", "Patient has less than 6 mm of disc height."],
      ["exclusion", "Patient has congenital moderate or severe spinal stenosis or epidural lipomatosis."],
      ["exclusion", "Patient has significant facet disease."],
      ["exclusion", "Patient has any known active malignancy."],
    ]);
  });

  it("leaves a bullet after a list marker, and a heading at the start of a line, as they are", () => {
    const items = parseCriteria("Exclusion Criteria:\n\n* • Type 2 Diabetes Mellitus\n* Key exclusion criteria: none");
    expect(items.map((c) => c.text)).toEqual(["Type 2 Diabetes Mellitus", "Key exclusion criteria: none"]);
  });
});
