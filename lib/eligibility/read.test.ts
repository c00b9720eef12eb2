import { describe, expect, it } from "vitest";
import { readEligibility, RULES_VERSION } from "./read";
import { NOTHING_STATED, storedEligibilitySchema, type EligibilityRules } from "./schema";

// Criteria quoted from real ClinicalTrials.gov records (NCT ids beside each); the records around
// them are built here so that each test shows the one line it is about.

type Extra = { minimumAge?: string; maximumAge?: string; sex?: string; title?: string; conditions?: string[] };

function study(criteria: string, extra: Extra = {}) {
  return {
    protocolSection: {
      identificationModule: { nctId: "NCT00000000", briefTitle: extra.title ?? "A study" },
      conditionsModule: { conditions: extra.conditions ?? [] },
      eligibilityModule: { eligibilityCriteria: criteria, minimumAge: extra.minimumAge, maximumAge: extra.maximumAge, sex: extra.sex ?? "ALL" },
    },
  };
}

const text = (include: string[], exclude: string[]) =>
  `Inclusion Criteria:\n\n${include.map((l) => `* ${l}`).join("\n")}\n\nExclusion Criteria:\n\n${exclude.map((l) => `* ${l}`).join("\n")}`;

const read = (include: string[], exclude: string[] = [], extra: Extra = {}) => readEligibility(study(text(include, exclude), extra));
const rules = (include: string[], exclude: string[] = [], extra: Extra = {}): EligibilityRules => read(include, exclude, extra).rules;

describe("readEligibility: age and sex", () => {
  it("keeps the structured limits when the text says nothing narrower", () => {
    expect(rules(["Age 21 - 55"], [], { minimumAge: "21 Years", maximumAge: "55 Years" }).age).toEqual({ min: 21, max: 55 }); // NCT00220935
    expect(read([], [], { minimumAge: "18 Years" }).quotes.age).toBe("structured");
  });

  it("takes the narrower of text and structured fields, with < and > read as SPEC §9 says", () => {
    expect(rules(["Between the ages of \\>= 22 and \\<= 70"], [], { minimumAge: "18 Years", maximumAge: "75 Years" }).age).toEqual({ min: 22, max: 70 }); // NCT06144970
    expect(rules(["Age > 18 and < 60"], [], { minimumAge: "18 Years" }).age).toEqual({ min: 18, max: 59 });
    expect(rules(["Skeletally mature adults ≥22 and ≤80 years at the time of surgery"]).age).toEqual({ min: 22, max: 80 }); // NCT06462729
  });

  it("reads age limits stated as exclusions", () => {
    expect(rules([], ["18 years of age or younger,"], { minimumAge: "18 Years" }).age).toEqual({ min: 19, max: null }); // NCT06688773
    expect(rules([], ["Age > 80y or < 18 y"]).age).toEqual({ min: 18, max: 80 }); // NCT03692221
  });

  it("does not read a duration in years as an age", () => {
    expect(rules([], ["Pain > 15 years in duration"]).age).toEqual({ min: null, max: null }); // NCT04735185
  });

  it("reads sex from the structured field, and from 'women only' wording", () => {
    expect(rules([], [], { sex: "FEMALE" }).sex).toBe("female");
    expect(rules(["Women only, aged 40 to 70"]).sex).toBe("female");
    expect(rules(["Male and female patients aged 19-70 years"]).sex).toBe("all"); // NCT05011474
  });
});

describe("readEligibility: the pain", () => {
  it("places the pain from titles, conditions and inclusions, never from exclusions", () => {
    expect(rules(["clinical diagnosis of herniated lumbar disc"]).painArea).toBe("low-back"); // NCT03101033
    expect(rules(["Subjects who are candidates and have already elected to undergo contiguous two or three-level ACDF surgery between C2-C7 of the cervical spine"]).painArea).toBe("neck"); // NCT02814825
    expect(rules([], [], { conditions: ["Lumbar Disc Herniation", "Degenerative Spinal Stenosis"] }).painArea).toBe("low-back"); // NCT05549596
    expect(rules(["Degenerative disc disease"], ["Previous deep anterior cervical surgeries such as thyroid, carotid"], { title: "Lumbar Fusion" }).painArea).toBe("low-back");
    expect(rules(["Thoracic or lumbar disc degeneration"]).painArea).toBe("any");
    expect(rules(["Degenerative disc disease"]).painArea).toBe("any");
  });

  it("reads pain durations in weeks, months and years, as minimums or maximums", () => {
    expect(rules(["Pain lasting \\>3 months"]).painMonths).toEqual({ min: 3, max: null }); // NCT02609854
    expect(rules(["Symptoms unresolved after 4 weeks"]).painMonths).toEqual({ min: 0.92, max: null }); // NCT00220935
    expect(rules(["Onset of at least 4 weeks previous for current sciatic pain episode"]).painMonths).toEqual({ min: 0.92, max: null }); // NCT02384928
    expect(rules(["Back pain for less than 3 months"]).painMonths).toEqual({ min: null, max: 3 }); // NCT04728685
    expect(rules(["Pain duration > 6 months"], ["Pain > 15 years in duration"]).painMonths).toEqual({ min: 6, max: 180 }); // NCT04735185
  });

  it("does not take a score's or a treatment's duration for the pain's", () => {
    expect(rules(["Has Numeric Rating Scale (NRS) pain severity score of at least 4 for a minimum 5 days over the 1 week Baseline Period"]).painMonths).toEqual({ min: null, max: null }); // NCT02609854
    expect(rules(["no improvement in symptoms after 6-10 weeks of non-surgical treatment;"]).painMonths).toEqual({ min: null, max: null }); // NCT01824108
    expect(rules(["Chronic back and/or leg pain having failed conservative treatment (e.g. NSAIDs, physician initiated physical therapy) for at least 6 months"]).painMonths).toEqual({ min: null, max: null }); // NCT05287867
  });

  it("requires leg pain only when an inclusion asks for it by itself", () => {
    expect(rules(["Radiculopathy with positive straight leg raise test."]).legPain).toBe("required"); // NCT04188236
    expect(rules(["The symptoms are lumbago combined with radiating pain of one lower limb;"]).legPain).toBe("required"); // NCT06589271
    expect(rules(["complaining low back pain or radioactive melosalgia;"]).legPain).toBe("not-stated"); // NCT01824108
    expect(rules(["Chronic back and/or leg pain"]).legPain).toBe("not-stated"); // NCT05287867
  });

  it("reads leg pain as excluded when back pain must outweigh it, or an exclusion names it without a qualifier", () => {
    expect(rules(["Chronic lower back pain for at least 6 months. Back pain twice as great as leg pain measured using NRS"]).legPain).toBe("excluded"); // NCT06144970
    expect(rules(["Leg pain, if present, is of nonradicular origin"]).legPain).toBe("excluded"); // NCT03692221
    expect(rules(["Chronic low back pain"], ["Lumbar disc herniation and sciatica."]).legPain).toBe("excluded"); // NCT04759105
    expect(rules(["Chronic low back pain"], ["Leg pain greater than back pain"]).legPain).toBe("not-stated");
    expect(rules(["Sciatica patients"], ["Non-spinal or soft tissue pathologies which may cause LBP or sciatic pain (e.g. spinal tumors, rheumatic arthritis)"]).legPain).toBe("required"); // NCT02384928
  });

  it("does not read arm radiculopathy in a neck trial as leg pain", () => {
    expect(rules(["Cervical radiculopathy at C5-6 or C6-7", "Radicular pain"], [], { title: "Cervical disc herniation" }).legPain).toBe("not-stated");
  });
});

describe("readEligibility: treatment so far", () => {
  it("reads failed non-surgical care and its length (weeks → months ÷ 4.345, a range by its lower end)", () => {
    const r = rules(["At least six weeks of failed conservative treatment prior to surgery, including physical therapy"]); // NCT04188236
    expect([r.conservativeRequired, r.conservativeMonths]).toEqual([true, { min: 1.38 }]);
    expect(rules(["no improvement in symptoms after 6-10 weeks of non-surgical treatment."]).conservativeMonths).toEqual({ min: 1.38 }); // NCT01824108
    expect(rules(["Failure of non-operative treatment > 3 months"]).conservativeMonths).toEqual({ min: 3 }); // NCT04735185
    const noLength = rules(["Failure of conservative treatments including physical therapy, manipulation therapy and non-morphine drug therapy;"]); // NCT04414592
    expect([noLength.conservativeRequired, noLength.conservativeMonths]).toEqual([true, { min: null }]);
  });

  it("gives a duration that follows the pain to the pain, not the care", () => {
    // NCT05011474
    const r = rules(["Among the subjects with low back pain, conventional conservative treatment is performed, but the back pain or hip pain persists for more than 3 months"]);
    expect([r.conservativeRequired, r.conservativeMonths, r.painMonths]).toEqual([true, { min: null }, { min: 3, max: null }]);
  });

  it("reads prior spine surgery: any level, the treated level, or required", () => {
    expect(rules([], ["History of spinal surgery, or spinal pathologies other than LDH (e.g. spinal dislocation, fracture)"]).spineSurgery).toBe("excluded-any"); // NCT02384928
    expect(rules([], ["previous operations;"]).spineSurgery).toBe("excluded-any"); // NCT01824108
    expect(rules(["No previous history of spinal surgery."]).spineSurgery).toBe("excluded-any"); // NCT04414592 (negated inclusion)
    expect(rules(["Undergoing LDH surgery for the first time,"]).spineSurgery).toBe("excluded-any"); // NCT06688773
    expect(rules([], ["Prior surgery at the index lumbar vertebral level."]).spineSurgery).toBe("excluded-at-level"); // NCT04188236
    expect(rules([], ["has undergone surgery, such as disc resection, on the disc to which the cells will be administered"]).spineSurgery).toBe("excluded-at-level"); // NCT05011474
    expect(rules(["Failed back surgery syndrome after a prior lumbar discectomy"]).spineSurgery).toBe("required");
  });

  it("never takes the study's own operation, a recent or multi-level operation, or another organ's for prior spine surgery", () => {
    expect(rules(["Unilateral full endoscopic lumbar discectomy;", "At least six weeks of failed conservative treatment prior to surgery"]).spineSurgery).toBe("not-stated"); // NCT04414592, NCT04188236
    expect(rules([], ["recent back surgery and patient whom surgery for lumbar disc herniation/prolapse intervertebral disc already advised by neurosurgeon"]).spineSurgery).toBe("not-stated"); // NCT05659342
    expect(rules([], ["History of previous cervical fusion surgery at greater than one level"]).spineSurgery).toBe("not-stated"); // NCT02814825
    expect(rules([], ["Previous deep anterior cervical surgeries such as thyroid, carotid, or high thoracic surgery (T5 and above)"]).spineSurgery).toBe("not-stated"); // NCT02814825
    expect(rules([], ["Posterior instrumentation necessary at same levels being treated"]).spineSurgery).toBe("not-stated"); // NCT02814825
  });

  it("reads earlier cell or biologic treatment without a window as priorCellTherapy, with a window as an injection rule", () => {
    expect(rules([], ["History of stem cell therapy;"]).priorCellTherapy).toBe("excluded"); // NCT04414592
    expect(rules([], ["Undergone previous Regenexx lumbar procedure"]).priorCellTherapy).toBe("excluded"); // NCT05287867
    const windowed = rules([], ["Previous disc injection therapy in the last 3 months (e.g. corticosteroid, platelet rich plasma, stem cells)"]); // NCT04735185
    expect([windowed.priorCellTherapy, windowed.spineInjectionWeeks]).toEqual(["not-stated", { excludedWithin: 12.9 }]);
    expect(rules([], ["Have had treatment with any investigational therapy or device within 6 months of study procedure and/or plans to participate in any other allogeneic stem cell/progenitor cell therapy trial"]).priorCellTherapy).toBe("not-stated"); // NCT03692221
  });

  it("reads spinal injection windows in weeks (months × 4.345, days ÷ 7), the longest, and null when one rule has none", () => {
    expect(rules([], ["Prior epidural steroid injection within the past 8 weeks"]).spineInjectionWeeks).toEqual({ excludedWithin: 8 }); // NCT05287867
    expect(rules([], ["Patients who have received invasive treatments such as nerve blocks, pharmacopuncture, or acupuncture within the past week"]).spineInjectionWeeks).toEqual({ excludedWithin: 1 }); // NCT02384928
    expect(rules([], ["Patient who received lumbar epidural steroid injection 3 weeks before cell administration"]).spineInjectionWeeks).toEqual({ excludedWithin: 3 }); // NCT05011474
    expect(
      rules([], [
        "Have a history of epidural steroid injections within 1 week prior to study treatment.",
        "Have received systemic or local nonsteroidal anti-inflammatory drugs (NSAIDS) injections into the index and/or adjacent vertebral levels within 48 hours prior to study procedure.",
      ]).spineInjectionWeeks,
    ).toEqual({ excludedWithin: 1 }); // NCT03692221
    expect(rules([], ["Prior epidural steroid injection within the past 8 weeks", "Previous intradiscal injection of any kind"]).spineInjectionWeeks).toEqual({ excludedWithin: null });
    expect(rules([], ["Botulinum toxin injection within 3 months"]).spineInjectionWeeks).toBe("not-stated");
  });
});

describe("readEligibility: conditions and medicines", () => {
  it("reads pregnancy and breastfeeding, not contraception rules", () => {
    expect(rules([], ["Pregnant or lactating women"]).pregnancy).toBe("excluded"); // NCT04759105
    expect(rules([], ["Among female patients who are likely to become pregnant during the clinical trial, who do not use medically acceptable methods of contraception"]).pregnancy).toBe("not-stated"); // NCT05011474
    expect(rules(["For females of childbearing potential, a negative pregnancy test must be documented at Screening."]).pregnancy).toBe("excluded"); // NCT04759105
  });

  it("reads BMI bounds: > n → n, ≥ n → n − 0.1, an inclusion's < n → n − 0.1", () => {
    expect(rules([], ["Extreme obesity, as defined by NIH Clinical Guidelines Body Mass Index (BMI \\>35)."]).bmiMax).toBe(35); // NCT03692221
    expect(rules([], ["Has BMI ≥30"]).bmiMax).toBe(29.9); // NCT02609854
    expect(rules([], ["Class III obesity: Body mass index ≥ 40."]).bmiMax).toBe(39.9); // NCT04188236
    expect(rules(["BMI \\>15 and \\< 30 kg/m2"]).bmiMax).toBe(29.9); // NCT06144970
    expect(rules(["Body mass index (BMI) 18.5 over to less than 30"]).bmiMax).toBe(29.9); // NCT05549596
    expect(rules([], ["Obesity with body mass index (BMI in Kg/size in m2) greater than 35 (obesity grade II)."]).bmiMax).toBe(35); // NCT04759105
    expect(rules([], ["morbidly obese;"]).bmiMax).toBeNull(); // NCT01824108
  });

  it("reads cancer as any history, within n years, or active, and the broadest rule wins", () => {
    expect(rules([], ["Previous history of tumor or spinal infection;"]).cancer).toBe("excluded-any-history"); // NCT04414592
    expect(rules([], ["Patient with a history of malignant tumors within the last 5 years"]).cancer).toEqual({ excludedWithinYears: 5 }); // NCT05011474
    expect(rules([], ["Active or history of any invasive malignancy; patients with curatively-treated malignancies who have been disease-free for at least 5 years are eligible."]).cancer).toEqual({ excludedWithinYears: 5 }); // NCT04188236
    expect(rules([], ["Presence of active malignancy"]).cancer).toBe("excluded-active"); // NCT06462729
    expect(rules([], ["malignancy,"]).cancer).toBe("excluded-active"); // NCT05659342
    expect(rules([], ["Neoplasia", "Any history of Cancer or immunodeficiency disease."]).cancer).toBe("excluded-any-history");
  });

  it("does not read tumours named as a cause, or an investigator's examples, as a cancer rule", () => {
    expect(rules([], ["Instability associated with major reconstructive surgery for primary tumors or metastatic malignant tumors of the cervical spine"]).cancer).toBe("not-stated"); // NCT02814825
    expect(rules([], ["Subject has clinically compromised vertebral bodies in the lumbosacral region due to any traumatic, neoplastic, metabolic, or infectious pathology."]).cancer).toBe("not-stated"); // NCT04188236
    const judged = rules([], ["Conditions that could preclude the possibility of fusion in the Investigator's opinion (e.g. cancer, kidney dialysis, smoking, uncontrolled diabetes, osteopenia)"]); // NCT02814825
    expect([judged.cancer, judged.smoking, judged.diabetes, judged.osteoporosis]).toEqual(["not-stated", "not-stated", "not-stated", "not-stated"]);
  });

  it("keeps diabetes qualifiers and never widens them", () => {
    expect(rules([], ["Diabetes mellitus with uncontrolled blood glucose"]).diabetes).toBe("excluded-uncontrolled"); // NCT03101033
    expect(rules([], ["Insulin-dependent diabetes mellitus."]).diabetes).toBe("excluded-uncontrolled"); // NCT04188236
    expect(rules([], ["serious medical conditions (hypertension not controlled by drugs, diabetes not controlled by drugs, cirrhosis)"]).diabetes).toBe("excluded-uncontrolled"); // NCT05011474
    expect(rules([], ["Any secondary causes of osteoporosis (e.g. chronic liver or kidney disease, uncontrolled hyper- or hypothyroidism, type I or type II diabetes mellitus)"]).diabetes).toBe("excluded-any"); // NCT06462729
    expect(rules([], ["Pre-existing neurological abnormalities (e.g. MS, Parkinson's, CVA, diabetic neuropathy, peripheral neuropathy)"]).diabetes).toBe("not-stated"); // NCT02814825
  });

  it("reads the yes/no exclusions", () => {
    const r = rules(["Absence of coagulopathy"], [
      "Immunologically suppressed patients.", // NCT04188236
      "Rheumatoid arthritis or other autoimmune disease.", // NCT04188236
      "Smoker or cessation for less than 6 weeks", // NCT05287867
      "Use of chronic opioid", // NCT05287867
      "serious osteoporosis;", // NCT01824108
    ]);
    expect([r.immunosuppressants, r.autoimmune, r.bleeding, r.smoking, r.opioids, r.osteoporosis]).toEqual(["excluded", "excluded", "excluded", "excluded", "excluded", "excluded"]);
    expect(rules([], ["Current anticoagulation therapy, unless anticoagulation therapy can be suspended for surgery."]).bleeding).toBe("excluded"); // NCT04188236
    expect(rules([], ["Oral corticosteroid therapy within the previous 3 months"]).immunosuppressants).toBe("excluded"); // NCT04759105
  });

  it("leaves a yes/no key not-stated when the rule is qualified in a way no value keeps, or is about something else", () => {
    expect(rules([], ["Opioid dose \\> 30 mg oral morphine equivalents per day (patients may be tapered down or off opioids)"]).opioids).toBe("not-stated"); // NCT04735185
    expect(rules([], ["Smoking more than 20 cigarettes a day"]).smoking).toBe("not-stated");
    expect(rules(["Medical treatments includes AINS, paracetamol, opioids and myorelaxant."]).opioids).toBe("not-stated"); // NCT04759105 (an inclusion)
    expect(rules([], ["Intramuscular, intravenous or epidural corticosteroid therapy within the previous 3 months"]).immunosuppressants).toBe("not-stated"); // NCT04759105
    expect(rules([], ["Systemic inflammation and/or inflammation at the implantation site."]).autoimmune).toBe("not-stated"); // NCT04188236
    // The steroids are an example of a risk of osteoporosis, not a rule about steroids.
    const risk = rules([], ["Patients diagnosed or at a high risk of osteoporosis (such as postmenopausal women and patients receiving long-term treatment with corticosteroids) who present a bone densitometry DXA T-score of less than -2.0 at the index level."]); // NCT04188236
    expect([risk.osteoporosis, risk.immunosuppressants]).toEqual(["excluded", "not-stated"]);
    expect(rules([], ["Any secondary causes of osteoporosis (e.g. chronic liver or kidney disease)"]).osteoporosis).toBe("not-stated"); // NCT06462729
  });
});

describe("readEligibility: what the scans show", () => {
  it("reads the most painful levels from inclusion limits and exclusion thresholds", () => {
    expect(rules(["Imaging showed single-segment lumbar disc herniation;"]).painfulLevelsMax).toBe(1); // NCT04414592
    expect(rules(["Has one or two degenerative lumbar discs identified by MRI"]).painfulLevelsMax).toBe(2); // NCT05011474
    expect(rules(["Symptomatic chronic LBP due to moderate/severe IDD at max. 4 levels of the lumbar spine"]).painfulLevelsMax).toBe(4); // NCT04759105
    expect(rules(["Lumbar MRI within the last 18 months showing disc degeneration in \\<= 2 lumbar discs"]).painfulLevelsMax).toBe(2); // NCT04735185
    expect(rules([], ["Symptomatic involvement of more than one lumber disc"]).painfulLevelsMax).toBe(1); // NCT06144970
    expect(rules(["MRI evidence of L-4-L5 or L5-S1 disc prolapse or both."]).painfulLevelsMax).toBeNull(); // NCT04728685
    expect(rules(["Degeneration of at least one level"]).painfulLevelsMax).toBeNull();
  });

  it("requires imaging only when an inclusion needs it by itself", () => {
    expect(rules(["Annulus fibrosus intact, demonstrated by MRI."]).imagingRequired).toBe("required"); // NCT04759105
    expect(rules(["Has MRI from within 2 months prior to Screening (If no recent MRI is available, then subject must agree to have MRI performed prior to randomization of treatment)"]).imagingRequired).toBe("required"); // NCT02609854
    expect(rules(["clinical diagnosis of herniated lumbar disc"], ["Any contraindication for MRI or CT scan."]).imagingRequired).toBe("not-stated"); // NCT03101033, NCT04188236
    expect(rules(["MRI Confirmed disc bulge / protrusion / herniation (HNP) site consistent with symptoms - preferred."]).imagingRequired).toBe("not-stated"); // NCT00220935
  });
});

describe("readEligibility: quotes, uncovered criteria, robustness", () => {
  it("quotes the criterion's own words and lists the criteria no rule covers (not consent lines)", () => {
    const got = read(["Signed informed consent.", "Pain lasting \\>3 months"], ["Is pregnant.", "Cannot read or understand English"]);
    expect(got.quotes).toMatchObject({ painMonths: "Pain lasting >3 months", pregnancy: "Is pregnant." });
    expect(got.uncovered).toEqual(["Cannot read or understand English"]);
    expect(storedEligibilitySchema.parse(got)).toEqual(got);
  });

  it("never throws on records of the wrong shape, and states nothing for them", () => {
    for (const raw of [null, undefined, 42, "x", [], {}, { protocolSection: { eligibilityModule: { eligibilityCriteria: 7, minimumAge: 3 } } }]) {
      expect(readEligibility(raw)).toEqual({ rules: NOTHING_STATED, quotes: {}, uncovered: [] });
    }
  });

  it("is a newer version than the structured-fields-only reader", () => {
    expect(RULES_VERSION).toBeGreaterThan(1);
  });
});

describe("readEligibility: phrasings met in other real records", () => {
  it("splits a numbered list written on one line into its criteria", () => {
    // NCT06485206
    const got = readEligibility(study("Exclusion Criteria:\n* 1. Symptomatic DDD or significant cervical spondylosis at more than two levels 2. Reported to have an active systemic infection 3. Reported to have had any prior fusion or CDA surgery in the cervical spine 4. Active malignancy"));
    // "any prior fusion or CDA surgery" rules out only those operations: not every spine operation (version 9)
    expect([got.rules.spineSurgery, got.rules.cancer, got.rules.painfulLevelsMax]).toEqual(["not-stated", "excluded-active", 2]);
    expect(got.uncovered).toEqual(["Reported to have an active systemic infection", "Reported to have had any prior fusion or CDA surgery in the cervical spine"]);
  });

  it("adds up the options of one criterion and ignores level counts that are about operations or fused bones", () => {
    expect(rules(["One-level or 2-level symptomatic CDDD (radiculopathy, myelopathy or radiculomyelopathy) of cervical levels C4-5, C5-6"]).painfulLevelsMax).toBe(2); // NCT06610175
    expect(rules(["Subject must require lumbar posterolateral arthrodesis at 1-2 contiguous levels (L1-S1)."]).painfulLevelsMax).toBe(2); // NCT05614284
    expect(rules([], ["More than one immobile vertebral level between C1 and T1 from any cause"]).painfulLevelsMax).toBeNull(); // NCT05305430
    expect(rules([], ["Patients undergoing surgery at more than 6 vertebral levels are also not eligible."]).painfulLevelsMax).toBeNull(); // NCT05161130
  });

  it("keeps insulin as a diabetes qualifier and does not read 'diabetic' neuropathy as diabetes", () => {
    expect(rules([], ["Patient has diabetes mellitus (Type 1 or 2) requiring daily insulin management."]).diabetes).toBe("excluded-uncontrolled"); // NCT05105490
    expect(rules([], ["Polyneuropathy (diabetic or other)"]).diabetes).toBe("not-stated"); // NCT04049812
  });

  it("reads cancer windows written as disease-free years, and a history beside activity as any history", () => {
    expect(rules([], ["Subjects with a history of cancer must be disease free for at least 3 years; with the exception of squamous cell skin carcinoma"]).cancer).toEqual({ excludedWithinYears: 3 }); // NCT04214535
    expect(rules([], ["Evidence of cancer over the last 3 years prior to enrollment"]).cancer).toEqual({ excludedWithinYears: 3 }); // NCT01162915
    expect(rules([], ["Presence of active malignancy or prior history of malignancy;"]).cancer).toBe("excluded-any-history"); // NCT06115512
    // The cancer rule's "no symptoms for 5 years" is not a pain duration.
    expect(rules([], ["Active malignancy: a history of any invasive malignancy, unless treated with curative intent with no clinical signs or symptoms of the malignancy for at least 5 years"]).painMonths).toEqual({ min: null, max: null }); // NCT04550923
  });

  it("reads 'within the last six months' as a maximum, and leg pain that may be absent as not required", () => {
    expect(rules(["Patients with onset of radiating leg pain occurrence within the last six months"]).painMonths).toEqual({ min: null, max: 6 }); // NCT03571503
    expect(rules(["Sciatica with or without lower back pain for \\> 3 months"]).legPain).toBe("required"); // NCT01339377
    expect(rules(["Chronic axial midline low-back pain with or without referred non-radicular leg pain for at least 6 months"]).legPain).toBe("not-stated"); // NCT06615505
    expect(rules(["history of low back pain for greater than three months"]).legPain).toBe("not-stated"); // NCT03835182
    expect(rules([], ["Leg pain due to causes other than herniated disc"]).legPain).toBe("not-stated"); // NCT04144452
  });

  it("does not read allergies, pumps, growth factors or degenerative spondylarthrosis as the yes/no conditions", () => {
    expect(rules([], ["Allergy to local anaesthetics or opioids"]).opioids).toBe("not-stated"); // NCT03300089
    expect(rules([], ["Presence of an indwelling pain device (e.g., intrathecal opioid pump, spinal cord stimulator)"]).opioids).toBe("not-stated"); // NCT05029726
    expect(rules([], ["Patients treated with hematopoietic growth factors or requiring stable anticoagulation"]).priorCellTherapy).toBe("not-stated"); // NCT01909154
    expect(rules([], ["advanced degenerative spondylarthrosis"]).autoimmune).toBe("not-stated"); // NCT04049812
    expect(rules([], ["Rheumatic disease"]).autoimmune).toBe("excluded"); // NCT01945554
    expect(rules([], ["Use of corticosteroids."]).immunosuppressants).toBe("excluded"); // NCT03784144
  });

  it("needs imaging only when it is a requirement, not a follow-up visit or 'when necessary'", () => {
    expect(rules(["The individual is physically and mentally willing and able to comply with the postoperative scheduled clinical and radiographic evaluation"]).imagingRequired).toBe("not-stated"); // NCT04615260
    expect(rules(["In case of pure radiculopathy: refractory to at least 6 weeks of conservative therapy."]).conservativeRequired).toBe(false); // NCT04623593
    expect(rules(["Unresponsive to non-operative treatment of at least 6 weeks or presence of progressive symptoms or signs of nerve root compression"]).conservativeRequired).toBe(false); // NCT04550923
  });
});

describe("readEligibility: negations inside an inclusion, and the trial's own subject", () => {
  it("reads what follows 'without' in an inclusion as ruled out, but not 'with or without'", () => {
    expect(rules(["Males and females age 21-85 without a history of spine surgery."]).spineSurgery).toBe("excluded-any"); // NCT03076658
    expect(rules(["Chronic axial midline low-back pain with or without referred non-radicular leg pain for at least 6 months"]).legPain).toBe("not-stated"); // NCT06615505
  });

  it("takes a sciatica trial (title or conditions) to be for leg pain, unless leg pain is optional", () => {
    expect(rules([], [], { title: "Outcome of Surgery for Sciatica" }).legPain).toBe("required"); // NCT02889484
    expect(rules([], [], { conditions: ["Cervical Radiculopathy"] }).legPain).toBe("not-stated");
    expect(rules(["Patients with leg pain, and/or back pain requiring up to four-level instrumented posterolateral lumbar fusion"]).legPain).toBe("not-stated"); // NCT05037968
  });
});
