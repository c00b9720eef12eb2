import type { ExplainerPage } from "../schema";
import { CTGOV_GLOSSARY, FDA_CLINICAL_RESEARCH, ISSCR_PATIENTS, NIH_TRIALS_BASICS } from "../sources";

export const trialPhases: ExplainerPage = {
  slug: "trial-phases",
  title: "What trial phases mean",
  summary: "How a new treatment is tested step by step, from the first small study to large trials.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Why trials come in phases",
      body: [
        {
          kind: "paragraph",
          text: "New treatments are tested in steps, called phases. Each phase asks a different question. Early phases are small and look mostly at safety. Later phases are bigger and test how well the treatment works. A treatment can fail at any step.",
        },
      ],
    },
    {
      id: "the-phases",
      heading: "The phases one by one",
      body: [{ kind: "paragraph", text: "Trial records on this site use these phase names." }],
    },
    {
      id: "early-phase-1",
      heading: "Early Phase 1",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A very small first study in people. It may check how the body handles a tiny dose. It is not meant to show whether the treatment works.",
        },
      ],
    },
    {
      id: "phase-1",
      heading: "Phase 1",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The first real test in people, often with 20 to 100 of them. The main questions are: is it safe, and what dose can people take? In cell therapy, Phase 1 trials often take people who have the back problem.",
        },
      ],
    },
    {
      id: "phase-2",
      heading: "Phase 2",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A larger group, up to a few hundred people with the condition. It looks for signs that the treatment works and keeps checking safety. Many Phase 2 trials compare the treatment with a placebo, which is a fake treatment.",
        },
      ],
    },
    {
      id: "phase-3",
      heading: "Phase 3",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A large study, often with 300 to 3,000 people. It tests whether the treatment works better than a placebo or usual care, and looks for less common side effects. The FDA usually needs strong Phase 3 results before it approves a product.",
        },
      ],
    },
    {
      id: "phase-4",
      heading: "Phase 4",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A study done after a product is approved. It watches for rare and long-term side effects in many more people. Since no stem cell product is approved for back pain, few cell trials for back pain are Phase 4.",
        },
      ],
    },
    {
      id: "not-applicable",
      heading: "Not applicable (N/A)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Some studies do not use phases. They are often studies of devices, surgery, exercise or ways of giving care. Their records say the phase is not applicable.",
        },
      ],
    },
    {
      id: "combined-phases",
      heading: "Trials with two phases",
      body: [
        {
          kind: "paragraph",
          text: "Some trials join two phases, such as Phase 1/2. They start with safety and then look for early signs that the treatment helps. On this site, a Phase 1/2 trial shows up under both Phase 1 and Phase 2.",
        },
      ],
    },
    {
      id: "placebo-and-random-groups",
      heading: "Placebo and random groups",
      body: [
        {
          kind: "paragraph",
          text: "In many trials, people are put into groups by chance, like a coin toss. This is called randomization. One group may get a placebo, such as a shot of salt water. Often neither you nor your doctor knows which group you are in. This keeps the results fair.",
        },
        {
          kind: "paragraph",
          text: "If you join such a trial, you may not get the cells. Ask the team whether people in the placebo group can get the real treatment later.",
        },
      ],
    },
  ],
  sources: [FDA_CLINICAL_RESEARCH, NIH_TRIALS_BASICS, CTGOV_GLOSSARY, ISSCR_PATIENTS],
};
