import type { ExplainerPage } from "../schema";
import { AMBROSIO_2024, CORD_MSC_SEARCH, DISCGENICS_TRIALS, ISSCR_PATIENTS, MAYO_BACK_PAIN_STUDIES, NIH_HEAL, REVIEW_2022_SEARCH, trialRecord } from "../sources";

export const evidence: ExplainerPage = {
  slug: "evidence",
  title: "What the evidence shows so far",
  summary: "What trials of cell therapy for back pain have found, with the numbers and their limits.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "in-short",
      heading: "In short",
      body: [
        {
          kind: "callout",
          tone: "info",
          text: "Some trials report less pain after cell shots. But most studies are small, and many are never published. No trial has yet led the FDA to approve a cell product for back pain.",
        },
      ],
    },
    {
      id: "trial-results",
      heading: "What trials have reported",
      body: [
        {
          kind: "list",
          items: [
            "A Phase 2 trial of donor cells from bone marrow took in 100 people. It reported that one shot into the disc eased low back pain for at least 12 months ([trial record](https://clinicaltrials.gov/study/NCT01290367)).",
            "Early data from a trial of this kind looked at who had their pain cut by half or more. At 12 months, more people given MSCs in the disc had this result than people in the control group.",
            "Trials of MSCs from umbilical cord tissue reported better pain relief and daily function. The researchers say more studies are needed.",
            "A 2022 review of many studies found that stem cell shots for low back pain worked for about 41 in 100 people (40.7%) at six months. Only 30 in 100 said they could do more in daily life.",
          ],
        },
      ],
    },
    {
      id: "limits",
      heading: "What these numbers do not tell you",
      body: [
        {
          kind: "list",
          items: [
            "Most trials are small, often fewer than 100 people. Small trials can show results that happen by chance.",
            "Many trials had no placebo group. People often feel better after any shot, even a fake one, so a trial needs a fair comparison.",
            "Most trials did not follow people for long. Little is known about results after a few years.",
            "Less pain does not prove that the disc was repaired.",
            "The success rate in one review is an average across different cells, doses and people. It cannot tell you what will happen to you.",
          ],
        },
      ],
    },
    {
      id: "unpublished",
      heading: "Many trials never share results",
      body: [
        {
          kind: "paragraph",
          text: "A 2024 review by Ambrosio and others looked at 26 listed trials of cell therapy for long-term back pain from worn discs. Only 7 of them, about 1 in 4 (27%), had been published. None of the others that were marked as done had posted results on ClinicalTrials.gov.",
        },
        {
          kind: "paragraph",
          text: "When results stay hidden, no one can tell whether a treatment helped or harmed. That is why this site flags trials with [no results posted](/learn/listing-warnings#no-results).",
        },
      ],
    },
    {
      id: "late-stage",
      heading: "Trials in later phases",
      body: [
        { kind: "paragraph", text: "A few products have reached larger trials. These are examples, not a full list:" },
        {
          kind: "list",
          items: [
            "Rexlemestrocel-L is made from donor bone marrow cells. It is injected into the disc. A Phase 3 trial with about 400 people has ended ([first trial record](https://clinicaltrials.gov/study/NCT02412735)). A second Phase 3 trial to check the results has started ([second trial record](https://clinicaltrials.gov/study/NCT06325566)).",
            "BRTX-100 uses a person's own bone marrow cells. Its [trial record](https://clinicaltrials.gov/study/NCT04042844) lists it as Phase 2.",
            "DiscGenics is testing cells grown from donated disc tissue in later-phase trials.",
          ],
        },
        {
          kind: "paragraph",
          text: "The FDA has also cleared a Phase 3 trial of an injected cell product for back pain from worn discs, with up to 400 people. Clearing a trial to start is not the same as approving a treatment. See [what trial phases mean](/learn/trial-phases).",
        },
      ],
    },
    {
      id: "why-results-vary",
      heading: "Why results vary from person to person",
      body: [
        {
          kind: "paragraph",
          text: "Results seem to depend on how worn the disc is, your age and health, the type of cell, how and where the shot is given, and each person's body. This is one reason trials have strict rules about who can join.",
        },
      ],
    },
    {
      id: "who-funds-research",
      heading: "Who pays for this research",
      body: [
        {
          kind: "paragraph",
          text: "In the 2024 review, half of the trials were paid for by universities. About 4 in 10 were paid for by companies, and the rest by private groups. In the US, the NIH HEAL Initiative pays for research on how to regrow discs and stop back pain that comes from them.",
        },
      ],
    },
  ],
  sources: [
    AMBROSIO_2024,
    trialRecord("NCT01290367", "Phase 2 trial of donor bone marrow cells, 100 people"),
    trialRecord("NCT02412735", "Phase 3 trial of rexlemestrocel-L"),
    trialRecord("NCT06325566", "second Phase 3 trial of rexlemestrocel-L"),
    trialRecord("NCT04042844", "BRTX-100 trial"),
    DISCGENICS_TRIALS,
    CORD_MSC_SEARCH,
    REVIEW_2022_SEARCH,
    MAYO_BACK_PAIN_STUDIES,
    NIH_HEAL,
    ISSCR_PATIENTS,
  ],
};
