import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, MAYO_STEM_CELLS, NASS, NIH_TRIALS_BASICS } from "../sources";

export const theProcedure: ExplainerPage = {
  slug: "the-procedure",
  title: "Before, during and after the procedure",
  summary: "What usually happens at each step, from the first check-up to the weeks after the injection.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "before",
      heading: "Before: the check-up",
      body: [
        { kind: "paragraph", text: "First, a doctor checks whether the treatment might fit you. This usually includes:" },
        {
          kind: "list",
          items: [
            "Questions about your health and the treatments you have tried",
            "A physical exam",
            "Scans of your spine, such as an MRI or a CT scan",
            "A talk about your goals and what you can expect",
          ],
        },
        {
          kind: "paragraph",
          text: "In a trial, you will also read and sign a consent form. It explains the study, its risks and your rights. You can ask questions and take it home before you sign. You can leave a trial at any time.",
        },
      ],
    },
    {
      id: "collecting-cells",
      heading: "Collecting your own cells",
      body: [
        {
          kind: "paragraph",
          text: "If the treatment uses your own cells, they are collected first. The doctor numbs the skin, then draws bone marrow from the back of your hip bone with a needle, or takes a small amount of fat. The cells are then cleaned and concentrated. In some trials they are grown in a lab for a few weeks before the injection. Donor cells skip this step.",
        },
      ],
    },
    {
      id: "during",
      heading: "During: the injection",
      body: [
        {
          kind: "paragraph",
          text: "You lie on your front. The skin is numbed, and you may get medicine to help you relax. The doctor watches a live X-ray or ultrasound to guide a thin needle to the right spot, then injects the cells. The whole visit often takes two to four hours. Most people go home the same day.",
        },
      ],
    },
    {
      id: "after",
      heading: "After: recovery",
      body: [
        {
          kind: "list",
          items: [
            "Rest for a day or two (24 to 48 hours).",
            "Go back to normal activities step by step over one to two weeks.",
            "Go to follow-up visits so the doctor can check your progress. Trials often ask you to fill in forms about pain and daily life for a year or more.",
          ],
        },
        {
          kind: "callout",
          tone: "warning",
          title: "Signs to report",
          text: "The team will tell you which signs to report at once. These often include fever, pain that keeps getting worse, and new weakness or numbness in the legs. See [risks and side effects](/learn/risks).",
        },
      ],
    },
  ],
  sources: [AAOS_ORTHOINFO, NASS, MAYO_STEM_CELLS, NIH_TRIALS_BASICS],
};
