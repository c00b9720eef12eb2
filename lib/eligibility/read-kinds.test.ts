import { describe, expect, it } from "vitest";
import { readEligibility } from "./read";
import type { EligibilityRules } from "./schema";

// Kinds of reading errors found on the 54 development records (docs/decisions/022) and checked
// against the other records in ../shared: each test quotes the real criterion (NCT id beside it).

type Extra = { minimumAge?: string; maximumAge?: string; title?: string };

function study(criteria: string, extra: Extra = {}) {
  return {
    protocolSection: {
      identificationModule: { nctId: "NCT00000000", briefTitle: extra.title ?? "A study" },
      conditionsModule: { conditions: [] },
      eligibilityModule: { eligibilityCriteria: criteria, minimumAge: extra.minimumAge, maximumAge: extra.maximumAge, sex: "ALL" },
    },
  };
}

const text = (include: string[], exclude: string[]) =>
  `Inclusion Criteria:\n\n${include.map((l) => `* ${l}`).join("\n")}\n\nExclusion Criteria:\n\n${exclude.map((l) => `* ${l}`).join("\n")}`;
const rules = (include: string[], exclude: string[] = [], extra: Extra = {}): EligibilityRules => readEligibility(study(text(include, exclude), extra)).rules;

describe("negation scope in comparisons", () => {
  it("reads 'not older than' and 'no more than' as upper bounds, not lower ones", () => {
    expect(rules(["Skeletally mature and at least 18 years old but not older than 75 years old"], [], { minimumAge: "18 Years", maximumAge: "75 Years" }).age).toEqual({ min: 18, max: 75 }); // NCT04982835
    expect(rules(["Skeletally mature male or female patient, at least 21 years of age and no more than 80 years of age, inclusive, at the time of surgery;"]).age).toEqual({ min: 21, max: 80 }); // NCT05405374
    expect(rules(["Males or females at least 18 years of age, but not older than 40"]).age).toEqual({ min: 18, max: 40 }); // NCT01088191
  });
});

describe("qualifiers and causes: diabetes", () => {
  it("keeps a treated or refractory diabetes as uncontrolled, never any diabetes", () => {
    expect(rules([], ["Subjects with a severe medical disease (hypertension unresponsive to drug treatment, diabetes unresponsive to drug treatment, hepatocirrhosis, renal failure, tumor) that can affect the outcome of this clinical study."]).diabetes).toBe("excluded-uncontrolled"); // NCT02338271
    expect(rules([], ["Known diabetes, drug treated"]).diabetes).toBe("excluded-uncontrolled"); // NCT01640457
    expect(rules([], ["Diabetes mellitus requiring medication"]).diabetes).toBe("excluded-uncontrolled"); // NCT02315053
  });

  it("does not read diabetes named as a cause, or an adjective of another disease, as a rule", () => {
    expect(rules([], ["Patients with peripheral neuropathy such as from diabetes or other conditions that might affect the reliability of intraoperative neuromonitoring."]).diabetes).toBe("not-stated"); // NCT05648474
    expect(rules([], ["Diabetic autonomic neuropathy and orthostatic hypotension"]).diabetes).toBe("not-stated"); // NCT02691897
    expect(rules([], ["Endocrine or metabolic disorder known to affect osteogenesis"]).diabetes).toBe("not-stated"); // NCT06011551
    expect(rules([], ["History of endocrine or metabolic disorder"]).diabetes).toBe("excluded-any"); // NCT06144970
    expect(rules([], ["Vertebral fractures, direct trauma, spinal inflammatory disease, spinal infection, bleeding tendency, LBP with tumors, bilateral radiculopathy, cauda equina syndrome, spinal canal stenosis, post-laminectomy surgery, diabetic and hypertensive patients."]).diabetes).toBe("excluded-any"); // NCT03933150
  });
});

describe("qualifiers: cancer windows and activity", () => {
  it("reads the window of an exception and of '< 3 yrs'", () => {
    expect(rules([], ["Patients with a history of malignant tumor (except those with a cured tumor and no re- occurrence for the last five years)"]).cancer).toEqual({ excludedWithinYears: 5 }); // NCT02598232
    expect(rules([], ["Recent (\\<3 yrs) or co-incident spinal tumor or infection"]).cancer).toEqual({ excludedWithinYears: 3 }); // NCT04056520
    expect(rules([], ["Participant has a history of cancer in the past 5 years (does not apply to participants with carcinoma in situ that has been resolved without further treatment, or basal cell skin cancer."]).cancer).toEqual({ excludedWithinYears: 5 }); // NCT05816382
  });

  it("does not read 'prior to study completion', residual disease or a life expectancy as history or a window", () => {
    expect(rules([], ["Medical condition (e.g., unstable cardiac disease, cancer) that may result in patient death or have an effect on outcomes prior to study completion"]).cancer).toBe("excluded-active"); // NCT04982835
    expect(rules([], ["Subjects with any active malignancy or who have been previously diagnosed with a malignancy and have evidence of residual disease"]).cancer).toBe("excluded-active"); // NCT06011551
    expect(rules([], ["Subjects with evidence of tumour and/or malignant disease with resultant life expectancy of less than two years."]).cancer).toBe("excluded-active"); // NCT05631392
  });
});

describe("'at the index level' wording", () => {
  it("reads surgery on the relevant vertebra or in the planned area as at the level", () => {
    expect(rules([], ["Patients who had undergone surgery on the relevant lumbar vertebra"]).spineSurgery).toBe("excluded-at-level"); // NCT02598232
    expect(rules([], ["history of spinal surgery in the area of planned spinal fusion"]).spineSurgery).toBe("excluded-at-level"); // NCT06365307
  });

  it("does not take the plan that names the treated disc for the study's own operation", () => {
    const r = rules([], [
      "Patients who have received intra-discal procedures such as stem cell therapy or the injection of steroids into the disc or surgery such as discectomy on the disc on which the cell transplantation is planned to be performed.",
      "Patients who have received a lumbar epidural steroid injection within a week prior to the cells transplantation.",
    ]); // NCT02338271
    expect(r.spineSurgery).toBe("excluded-at-level");
    // The at-level rule says nothing for keys without that value: the any-level window decides.
    expect(r.spineInjectionWeeks).toEqual({ excludedWithin: 1 });
  });

  it("leaves keys without an at-level value not stated when the criterion is about the index disc", () => {
    expect(rules([], ["Lumbar spondylitis or other undifferentiated spondyloarthropathy affecting the index disc"]).autoimmune).toBe("not-stated"); // NCT02412735
    const r = rules([], [
      "Participants who have received any lumbar intradiscal injection into the index disc or adjacent discs within three months prior to the start of screening, other than injection of contrast medium for discography.",
      "Participants who received an epidural steroid injection within 6 weeks prior to informed consent.",
    ]); // NCT06325566
    expect(r.spineInjectionWeeks).toEqual({ excludedWithin: 6 });
  });
});

describe("inclusion versus exclusion sections", () => {
  it("reads criteria after an exclusion heading run into an inclusion line as exclusions", () => {
    const criteria = [
      "Inclusion Criteria:",
      "",
      "* Patient is not responsive to conservative, non-surgical treatment for back pain.",
      "* All surgeries must be approved by the Medical Advisory Board (MAB) Exclusion Criteria:• Patient has less than 6 mm of disc height.",
      "* Patient has had prior lumbar spine surgery (nucleoplasty at non-index level is considered acceptable).",
      "* Patient has osteopenia of the spine (T-score of -1.0 or lower). A DEXA scan should be performed to rule out patients considered at risk for osteopenia.• Patient has morbid obesity defined as a body mass index (BMI) more than 40 or a weight of more than 45 kg (100 lbs.) over ideal body weight.",
    ].join("\n"); // NCT05508360
    const r = readEligibility(study(criteria)).rules;
    expect(r.spineSurgery).toBe("excluded-any");
    expect(r.bmiMax).toBe(40);
    expect(r.imagingRequired).toBe("not-stated");
    expect(r.conservativeRequired).toBe(true);
  });
});

describe("leg pain and radicular pain wording", () => {
  it("reads 'LBP greater than leg pain' as leg pain ruled out", () => {
    expect(rules(["Subjects presenting with LBP greater than leg pain and symptoms of DDD of the lumbar region (L1- S1) of at least six (6) months duration"], ["Subjects presenting with radicular pain greater than back pain or by history within the past six (6) months"]).legPain).toBe("excluded"); // NCT06011551
  });

  it("does not require leg pain when back pain or pain in the lower extremities will do", () => {
    const r = rules(["Patients with moderate disability based on the Oswestry Disability Index (ODI), among those diagnosed with a single level of unilateral herniated intervertebral disc among the 3rd-4th and 4th-5th lumbar vertebrae, or the 5th lumbar vertebra-sacral vertebra with back pain or radiating pain in the lower extremities that has been unresponsive to conservative therapy for more than six weeks"]); // NCT02598232
    expect(r.legPain).toBe("not-stated");
    // Pain unresponsive to care for more than six weeks has lasted that long.
    expect(r.painMonths).toEqual({ min: 1.38, max: null });
  });
});

describe("leg pain and radicular pain wording, checked on other records", () => {
  it("reads radicular pain named other ways as required", () => {
    expect(rules(["radiculalgia related to lumbar disc herniation with clinical radiological concordance"]).legPain).toBe("required"); // NCT05772143
    expect(rules(["Severe leg and back pain associated with large LDH"]).legPain).toBe("required"); // NCT05927662
  });

  it("does not let an exclusion of only some leg pain, or of its other causes, cancel the requirement", () => {
    expect(rules(["VAS leg pain of at least 40/100 at baseline."], ["Subject has back or non-radicular leg pain of unknown etiology."]).legPain).toBe("required"); // NCT01534065
    expect(rules(["Unilateral radicular pain for at least 3 months"], ["Presence of pain in another region of the body with higher severity than radicular back pain"]).legPain).toBe("required"); // NCT04049812
    expect(rules(["Consecutive patients presenting through elective referral by primary care physicians to one of the three participating spinal neurosurgeons were screened for symptoms of unilateral lumbar radiculopathy secondary to LDH at L3/4, L4/5 or L5/S1."], ["Radicular symptoms < 3 months duration"]).legPain).toBe("required"); // NCT00415220
    expect(
      rules(
        ["Mono radicular leg pain for at least 6 weeks as a result from a lumbar contained herniated disc. Leg pain must be of greater impact than concomitant back-pain"],
        ["Other degenerative causes of nerve root compression; ligament flavum or facet joint hypertrophy. Other causes of radicular syndrome such as cancer, radiculitis or neural degeneration."],
      ).legPain,
    ).toBe("required"); // NCT00124774
  });

  it("reads back pain predominant over leg pain as leg pain ruled out", () => {
    expect(rules(["Low back pain predominant over leg pain on a 100mm VAS scale"]).legPain).toBe("excluded"); // NCT06127745
  });
});

describe("number of painful levels", () => {
  it("reads 'one level or two contiguous levels' as at most two", () => {
    expect(rules(["Subject is diagnosed with degenerative disc disease (DDD) at one level or two contiguous levels from the C2 -T1 disc"]).painfulLevelsMax).toBe(2); // NCT04388332
  });

  it("reads no cap from a criterion that allows single- or multi-level disease, but keeps 'pain limited to a single level'", () => {
    expect(rules(["Patients with single- or multi-level spinal stenosis undergoing open lumbar laminectomy, or patients with single-level herniated nucleus pulposus undergoing single-level lumbar microdiscectomy"]).painfulLevelsMax).toBeNull(); // NCT02300909
    expect(rules(["Patient has Degenerative Disc Disease (DDD) at one or more levels between L1 and S1 but the discogenic pain must be limited to a single level."]).painfulLevelsMax).toBe(1); // NCT05508360
  });
});

describe("number of painful levels, checked on other records", () => {
  it("reads a single level with a word between, and multi-segmental disease ruled out", () => {
    expect(rules(["Eligible to undergo a single vertebral level spine fusion (L2 to S1)"]).painfulLevelsMax).toBe(1); // NCT03810573
    expect(rules([], ["Patient with multi-segmental lumbar disease requiring treatment"]).painfulLevelsMax).toBe(1); // NCT06448416
  });

  it("judges a level count in a long exclusion list by its own part, not by 'postoperative' elsewhere in it", () => {
    expect(rules([], ["bilateral and multilevel disc prolapse, sequestrated , migrated and disc herniation defined by MRI , acute onset of pain (pain less than three months), presence of active infection in the lumbar spine, postoperative recurrence"]).painfulLevelsMax).toBe(1); // NCT06359470
    expect(rules([], ["Previous fusion at more than one level"]).painfulLevelsMax).toBeNull();
  });
});

describe("conservative care, checked on other records", () => {
  it("reads other words for care that did not help", () => {
    expect(rules(["Non-responsive to non-operative treatment (e.g., bed rest, physical therapy, medication,spinal injection, manipulation, and/or TENS) for at least 6 months;"]).conservativeMonths).toEqual({ min: 6 }); // NCT05405374
    expect(rules(["non responsive or insufficient response to conservative treatment."]).conservativeRequired).toBe(true); // NCT05846477
    expect(rules(["Subjects with inadequate improvement in pain caused by LDH despite 6 weeks or more of conservative treatment."]).conservativeMonths).toEqual({ min: 1.38 }); // NCT03607838
  });

  it("reads care tried for a time, before or after the duration", () => {
    expect(rules(["Has at least six months of nonoperative treatment prior to the study treatment"]).conservativeMonths).toEqual({ min: 6 }); // NCT05299762
    expect(rules(["Subjects who have been symptomatic and undergoing conservative care treatment for at least 6 months."]).conservativeMonths).toEqual({ min: 6 }); // NCT05587465
  });

  it("does not read a duration after other care as care tried", () => {
    const r = rules(["Following non-surgical periodontal treatment, advanced chronic periodontitis patients who have at least one deep infrabony defect, followed for 12 months"]); // after NCT02449005
    expect([r.conservativeRequired, r.conservativeMonths]).toEqual([false, { min: null }]);
  });
});

describe("conservative-care duration wording", () => {
  it("reads care tried for a time as required, without the word 'failed'", () => {
    const r = rules(["Subject has received six weeks of non-operative therapy i.e. injections, physical therapy, oral steroids"]); // NCT04388332
    expect([r.conservativeRequired, r.conservativeMonths]).toEqual([true, { min: 1.38 }]);
    expect(rules(["Completed at least 6 months of conservative non-operative treatment."]).conservativeMonths).toEqual({ min: 6 }); // NCT04416321
  });

  it("keeps the shortest of several durations (lumbar and cervical patients), never widened", () => {
    expect(rules(["Have had six months of lumbar non operative therapy.", "Have had six weeks of cervical non operative treatment."]).conservativeMonths).toEqual({ min: 1.38 }); // NCT04911257
  });

  it("tells the care's duration from the pain's", () => {
    const both = rules(["Participants with moderate to severe low back pain for a duration of at least six months who have failed at least 3 months of conservative care."]); // NCT06325566
    expect([both.conservativeMonths, both.painMonths]).toEqual([{ min: 3 }, { min: 6, max: null }]);
    const care = rules(["Failed conservative treatment for low back pain conducted for at least 6 months"]); // NCT04631133
    expect([care.conservativeMonths, care.painMonths]).toEqual([{ min: 6 }, { min: null, max: null }]);
    expect(rules(["At least six (6) weeks of failed, conservative treatment prior to surgery, including physical therapy"]).conservativeMonths).toEqual({ min: 1.38 }); // NCT01534065
    expect(rules(["Symptoms despite conservative (non-surgical) management for > 6 months"]).painMonths).toEqual({ min: 6, max: null }); // NCT03692221
  });

  it("does not require care that is one of two ways in", () => {
    expect(rules(["Had at least 6-weeks of conservative non-operative treatment and/or presents with increasing signs and symptoms of cervical myelopathy or radiculopathy that may require immediate intervention -"]).conservativeRequired).toBe(false); // NCT04214535
  });
});

describe("prior operations", () => {
  it("reads other words for an operation, and a past operation as a condition of entry", () => {
    expect(rules([], ["previous operative interventions on the cervical spine"]).spineSurgery).toBe("excluded-any"); // NCT00868335
    expect(rules(["all patients who had undergone a first time uncomplicated disc surgery for lumbar vertebral disc herniation who had taken part in the original RCT"]).spineSurgery).toBe("required"); // NCT01922063
  });

  it("does not read other operations as spine surgery required", () => {
    expect(rules(["Patients who have undergone radical lung cancer surgery."]).spineSurgery).toBe("not-stated"); // NCT06610240
    expect(rules(["Have recovered from the effects of any prior radiotherapy or surgery"]).spineSurgery).toBe("not-stated"); // NCT04646330
  });
});

describe("pregnancy, BMI units, medicines", () => {
  it("reads a 'non-pregnant' inclusion and 'are or intend to become pregnant'", () => {
    expect(rules(["Skeletally mature male or female (non-pregnant) between 18 and 70 years of age"]).pregnancy).toBe("excluded"); // NCT04015791
    expect(rules([], ["Women who are or intend to become pregnant within the next 12 months."]).pregnancy).toBe("excluded"); // NCT04679844
  });

  it("reads a BMI bound written against its unit", () => {
    expect(rules([], ["BMI \\> 40kg/m2"]).bmiMax).toBe(40); // NCT04015791
    expect(rules(["Body mass index < 40kg"]).bmiMax).toBe(39.9); // NCT01672255
  });

  it("reads immune suppression and steroid use, but not a disease that once required steroids", () => {
    expect(rules([], ["The patient has immune suppression"]).immunosuppressants).toBe("excluded"); // NCT01640457
    expect(rules([], ["Corticosteroid Drug Use İn The Last Month"]).immunosuppressants).toBe("excluded"); // NCT05484791
    expect(rules([], ["History of ILD, drug-induced interstitial lung disease, radiation pneumonitis requiring steroid therapy, or any evidence of clinically active interstitial lung disease"]).immunosuppressants).toBe("not-stated"); // NCT05286957
  });

  it("reads continuous painkiller use as opioids ruled out (an opioid taken now is a painkiller taken now)", () => {
    expect(rules([], ["Continuous Painkiller Drug Use"]).opioids).toBe("excluded"); // NCT05484791
    expect(rules([], ["Continuous use of pain medication"]).opioids).toBe("excluded"); // NCT05753579
  });

  it("does not read spinal inflammation as an autoimmune disease", () => {
    expect(rules([], ["Patients with spinal infection, tumor, or other form of inflammatory spondylopathy"]).autoimmune).toBe("not-stated"); // NCT02598232
  });
});

describe("qualified medicine and causes, checked on other records", () => {
  it("does not read hospital treatment with injected narcotics as opioids taken now", () => {
    expect(rules([], ["Hospitalization for intravenous or intramuscular narcotics"]).opioids).toBe("not-stated"); // NCT00415220
  });

  it("does not read cancer named as one cause of something else as cancer ruled out", () => {
    expect(rules([], ["Other degenerative causes of nerve root compression; ligament flavum or facet joint hypertrophy. Other causes of radicular syndrome such as cancer, radiculitis or neural degeneration."]).cancer).toBe("not-stated"); // NCT00124774
    expect(rules([], ["lower extremity neurological deficit, 2) infectious, inflammatory, metabolic, neoplastic, abdominal, pelvic aetiology of back pain."]).cancer).toBe("not-stated"); // NCT03835182
    expect(rules([], ["Malignancy or suspicion"]).cancer).toBe("excluded-active"); // NCT04049812
  });

  it("does not read cancer named as what an operation is for as cancer ruled out", () => {
    expect(rules([], ["Indication for surgery other than degenerative disease (e.g., neoplasm, infection, trauma)"]).cancer).toBe("not-stated"); // NCT05029726
  });

  it("reads no level cap from one of several ways in when one has no cap", () => {
    expect(rules(["Undergoing one of 3 procedure types: 1) 2 or more levels of MIS decompression (e.g., discectomy, foraminotomy, laminectomy); 2) 1-3 levels of MIS transforaminal lumbar interbody fusion (TLIF)"]).painfulLevelsMax).toBeNull(); // NCT05029726
    expect(rules(["Patient has Degenerative Disc Disease (DDD) at one or more levels between L1 and S1 but must have a single level identified as the pain generator."]).painfulLevelsMax).toBe(1); // NCT05105490
  });

  it("does not read an osteoporotic fracture as osteoporosis ruled out", () => {
    expect(rules([], ["History of vertebral fracture or osteoporotic fracture"]).osteoporosis).toBe("not-stated"); // NCT04214535
    expect(rules([], ["Have osteoporosis or is at increased risk of osteoporosis"]).osteoporosis).toBe("excluded"); // NCT04012996
  });
});

describe("allowances and exceptions", () => {
  it("does not read what a criterion says it does not include", () => {
    expect(rules([], ["Has a condition that requires post-operative medications that interfere with fusion, such as immunosuppressive drugs, steroids or prolonged use of non-steroidal anti-inflammatory drugs. This does not include low dose aspirin for prophylactic anticoagulation"]).bleeding).toBe("not-stated"); // NCT04015791
    expect(rules([], ["Currently using other tobacco cessation treatments at the time of screening, including pharmacotherapy or behavioral support (note: use of these treatments is allowable during trial participation)."]).smoking).toBe("not-stated"); // NCT05897242
  });

  it("keeps an allowance in brackets to what the brackets hold", () => {
    expect(rules([], ["Has had prior lumbar back surgery or intradiscal treatments at any lumbar level (Note: diagnostic provocative or anesthetic discography are not excluded; micro-discectomy +- laminectomy patients greater than 6 months postop are not excluded)"]).spineInjectionWeeks).toEqual({ excludedWithin: null }); // NCT04015791
    expect(rules([], ["Presence of active malignancy or prior history of malignancy (non-invasive basal cell carcinoma of the skin is allowed)."]).cancer).toBe("excluded-any-history"); // NCT05405374
  });
});

describe("imaging, pain area, units, cell therapy", () => {
  it("does not require imaging that is one option of several, or the study's own scans", () => {
    expect(rules(["Proof for one of the following tests already performed in the clinical care of the patient for lower back pain: 1) MRI scan demonstrating at least one disc level with grade II or greater disc degeneration using the Pfirrmann grading system; 2) Oswestry Disability Index for Back Pain score of 21-80%; 3) Visual Analogue Scale for pain of >5 on a scale of 0-10."]).imagingRequired).toBe("not-stated"); // NCT06053242
    expect(rules(["Are willing and able to return for the scheduled follow-up visits, follow post operative instructions and undergo the required radiographic exams for up to 5 time points between 4 weeks and 24 months post-surgery"]).imagingRequired).toBe("not-stated"); // NCT02300909
  });

  it("places the pain: a lumbar puncture is not low back pain, the cervico-thoracic junction is the neck", () => {
    expect(rules([], [], { title: "Virtual Reality as a Distraction Technique for Performing Lumbar Punctures in Children and Young Adults" }).painArea).toBe("any"); // NCT04092803
    expect(rules([], [], { title: "Clinical and Radiological Outcomes of Posterior Cervical Fusion With Medtronic Infinity Occipitocervical-Upper Thoracic (OCT) System" }).painArea).toBe("neck"); // NCT04056520
  });

  it("turns months into weeks at 4.3 a month (SPEC §9), the shorter window", () => {
    expect(rules([], ["Epidural or facet joint steroid, platelet rich plasma (PRP) or bone marrow concentrate (BMC) injections, or radio frequency ablation (RFA), within 6 months prior to baseline."]).spineInjectionWeeks).toEqual({ excludedWithin: 25.8 }); // NCT06144970
  });

  it("does not widen 'gene therapy' to any cell or biologic treatment", () => {
    expect(rules([], ["Any patient who has received gene therapy in the past."]).priorCellTherapy).toBe("not-stated"); // NCT06053242
  });
});

// Version 9: kinds found on fresh-1.jsonl, the first fresh set once measured (40 records).
describe("prior spine surgery, version 9", () => {
  it("reads 'surgical history' and 'operated patients' as past spine operations", () => {
    expect(rules([], ["surgical history in the lumbar region"]).spineSurgery).toBe("excluded-any"); // NCT06569069
    expect(rules([], ["Congenital abnormalities or surgical history on lumbar regions"]).spineSurgery).toBe("excluded-any"); // NCT03236753
    expect(rules([], ["Operated patients (spine)"]).spineSurgery).toBe("excluded-any"); // NCT04653870
    // "postoperative" is otherwise the study's own operation; "postoperative cases" are people operated before
    expect(rules([], ["Postoperative cases of the lumbar spine"]).spineSurgery).toBe("excluded-any");
    expect(rules([], ["Postoperative pain requiring opioids beyond the lumbar spine protocol"]).spineSurgery).toBe("not-stated");
  });

  it("does not widen a rule on prior fusions or disc arthroplasty to every spine operation", () => {
    expect(rules([], ["Any prior history of cervical fusion"]).spineSurgery).toBe("not-stated"); // NCT04214535
    expect(rules([], ["A previous history of lumbar fusion surgery."]).spineSurgery).toBe("not-stated"); // NCT04469387
    expect(rules([], ["Reported to have had any prior fusion or CDA surgery in the cervical spine"]).spineSurgery).toBe("not-stated"); // NCT06485206
    expect(rules([], ["The individual has had any previous attempts at fusion, at any lumbar levels."]).spineSurgery).toBe("not-stated"); // NCT04615260
    // an allergy to "fusion proteins" is no operation at all
    expect(rules([], ["History of severe allergic, anaphylactic, or other hypersensitivity reactions to chimeric or humanized antibodies or fusion proteins."]).spineSurgery).toBe("not-stated"); // NCT05798663
    // other operations named beside the fusion still rule out
    expect(rules([], ["Previous lumbar spine surgery (e.g. discectomy, fusion)"]).spineSurgery).toBe("excluded-any");
  });

  it("does not read a condition that would contraindicate surgery, or the study's fusion, as a past operation", () => {
    expect(rules([], ["History of osteoporosis, osteopenia, or osteomalacia that would contraindicate spinal surgery"]).spineSurgery).toBe("not-stated"); // NCT04214535
    expect(rules(["Subject must have been unresponsive to conservative care for at least 6 months prior to fusion surgery."]).spineSurgery).toBe("not-stated"); // NCT05614284
    // a contraindication in one sentence does not hide a surgery rule in the next
    expect(rules([], ["Patients with specific pathologies of the lumbar spine that are contraindications to chiropractic manipulative treatment, such as tumors, infections, inflammatory spondylarthropathies, acute fractures, Paget's disease and severe osteoporosis, will be excluded. Also excluded will be patients with previous spinal surgery, signs of cauda equina syndrome (CES), sequestration of disc material, body mass index >30, spondylolisthesis, neurogenic claudication and pregnancy."]).spineSurgery).toBe("excluded-any"); // NCT04305509
  });

  it("reads 'the spinal segment intended to undergo the surgery' as the treated level", () => {
    expect(rules([], ["Has undergone other decompression, fusion, and/or other non-fusion spinal surgery at the spinal segment intended to undergo the surgery prior to the screening (except for transforaminal endoscopic discectomy);"]).spineSurgery).toBe("excluded-at-level"); // NCT06115512
  });
});

describe("osteoporosis and imaging, version 9", () => {
  it("reads metabolic bone disease as ruling out osteoporosis, unless only some of it is meant", () => {
    expect(rules([], ["Metabolic bone disease."]).osteoporosis).toBe("excluded"); // NCT06209684
    expect(rules([], ["Has metabolic bone disease"]).osteoporosis).toBe("excluded"); // NCT05299762
    expect(rules([], ["Congenital bone diseases (hypophosphatemia), metabolic bone disease associated with primary or secondary hypoparathyroidism."]).osteoporosis).toBe("not-stated"); // NCT02483364
  });

  it("reads radiological evidence of a spine finding as imaging required, not other radiological words", () => {
    expect(rules(["Patients with clinical and radiological evidence of L4-L5 disc prolapse manifesting as radicular pain and/or low back pain unresponsive to medical treatment and physiotherapy over a period of at least three months."]).imagingRequired).toBe("required"); // NCT05626283
    expect(rules(["radiculalgia related to lumbar disc herniation with clinical radiological concordance"]).imagingRequired).toBe("required"); // NCT05772143
    expect(rules(["Informed Consent in the documentation of clinical and radiological results"]).imagingRequired).toBe("not-stated"); // NCT05296889
    expect(rules(["Radiological Classification: Kellgren-Lawrence scale greater or equal to 2."]).imagingRequired).toBe("not-stated"); // NCT02123368
  });
});

describe("pain duration, version 9", () => {
  it("reads a duration whose pain words come after it", () => {
    expect(rules(["presence of posterolateral disc herniation of the L4-L5 and/or L5-S1 vertebral segment of more than 3 months of evolution diagnosed by magnetic resonance imaging"]).painMonths).toEqual({ min: 3, max: null }); // NCT06569069
    expect(rules(["Men and women with diagnosis of herniated lumbar disc with nerve root compression, up to 3 months from beginning of symptoms."]).painMonths).toEqual({ min: null, max: 3 }); // NCT00405041
    // the "evolution" of an operation or of another disease is not the pain's
    expect(rules(["Surgery of lumbar discectomy or lumbar arthrodesis with at least 3 months of evolution."]).painMonths).toEqual({ min: null, max: null }); // NCT03784144
    expect(rules(["Genuine or combined stress urinary incontinence diagnosed with at least 1 year of evolution"]).painMonths).toEqual({ min: null, max: null }); // NCT01804153
  });

  it("judges a cancer rule near the duration in one long run-on list, not over the whole list", () => {
    expect(rules([], ["bilateral and multilevel disc prolapse, sequestrated , migrated and disc herniation defined by MRI , acute onset of pain (pain less than three months), presence of active infection in the lumbar spine, any spinal deformities e.g., moderate, or severe scoliosis deformity (Cobb angle ≥ 25°), postoperative cases, Cauda equine lesion, the presence of any comorbidities, history of patients who suffered from cancer, unexplained weight loss, immunosuppression"]).painMonths).toEqual({ min: 3, max: null }); // NCT06359470
    expect(rules([], ["imaging (CT or MRI) showing that the tumor invades large vessels or is poorly demarcated from them, or those who, in the opinion of the investigator, are predisposed to hemorrhage, with symptoms of hemoptysis or daily hemoptysis ≥ 2.5 mL within 3 months prior to screening"]).painMonths).toEqual({ min: null, max: null }); // NCT06332300
  });
});

describe("care, surgery lists, opioids and bone disease, version 9", () => {
  it("requires care tried in both ways in, without the length only one of them gives", () => {
    const both = rules(["Unresponsive to non-operative treatment of at least 6 weeks or presence of progressive symptoms or signs of nerve root/spinal cord compression despite continued non-operative treatment;"]); // NCT04550923
    expect([both.conservativeRequired, both.conservativeMonths]).toEqual([true, { min: null }]);
    expect(rules(["Inadequate response to conservative medical care over a period of at least 6 weeks or have the presence of progressive symptoms or signs of nerve root/spinal cord compression in the face of continued non-operative management"]).conservativeRequired).toBe(true); // NCT04982835
    // progressive symptoms alone, without care, remain a way in without care
    expect(rules(["Failed at least 6 weeks of conservative care or presence of progressive neurological deficit"]).conservativeRequired).toBe(false);
  });

  it("reads 'N weeks prior conservative treatment' as care tried for that long", () => {
    const got = rules(["At least 6 weeks prior conservative treatment (i.e. physical therapy, pain medication)."]); // NCT05883436
    expect([got.conservativeRequired, got.conservativeMonths]).toEqual([true, { min: 1.38 }]);
  });

  it("judges 'not the spine' on the list item that names the operation", () => {
    expect(rules([], ["History of spinal surgery, spinal trauma, spinal deformities, spinal neoplasm or any spinal inflammatory lesion, hip osteoarthritis or sacroiliitis."]).spineSurgery).toBe("excluded-any"); // NCT05626283
    expect(rules([], ["Previous hip surgery, chronic low back pain or sciatica"]).spineSurgery).toBe("not-stated");
  });

  it("keeps 'strong' opioids as only some opioid use", () => {
    expect(rules([], ["Taking long-term strong opiates ."]).opioids).toBe("not-stated"); // NCT01811251
  });

  it("reads any known bone disease as ruling out osteoporosis", () => {
    expect(rules([], ["Patients with tumor/ spine trauma/ known bone disease / parkinsons disease and similar central nervous system (CNS) disorders / diseases or injuries of the peripheral nerves"]).osteoporosis).toBe("excluded"); // NCT05238740
  });
});

describe("leg pain as one way in, version 11", () => {
  it("does not require leg pain that another inclusion offers as one option", () => {
    expect(rules(["All patients with severe CLBP and/or leg pain", "Patients with static or dynamic leg pain", "Patients with leg pain resulting from localized lumbar or lumbosacral segmental instability"]).legPain).toBe("not-stated"); // NCT04653792
    expect(rules(["Patients with leg pain resulting from localized lumbar or lumbosacral segmental instability"]).legPain).toBe("required");
  });

  it("does not read 'with or without radicular symptoms' as leg pain ruled out", () => {
    expect(rules(["Has symptomatic degenerative disc disease (DDD) of the lumbosacral spine in two levels (L2 to S1). Lumbar DDD is defined as discogenic back pain with or without radicular symptoms confirmed by patient history and radiographic studies"]).legPain).toBe("not-stated"); // NCT05405374
  });
});
