import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, FDA_WARNS, ISSCR_PATIENTS, NASS, NIH_TRIALS_BASICS } from "../sources";

export const risks: ExplainerPage = {
  slug: "risks",
  title: "Risks and side effects",
  summary: "The side effects that are common, the rare but serious risks, and what is not yet known.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Every shot has some risk",
      body: [
        {
          kind: "paragraph",
          text: "Any needle placed in or near the spine carries some risk. Part of the reason trials exist is to learn what the risks are. Here is what has been reported so far.",
        },
      ],
    },
    {
      id: "common",
      heading: "Common, short-term effects",
      body: [
        {
          kind: "list",
          items: [
            "More back pain for a few days",
            "Swelling or bruising where the needle went in, or where the cells were taken",
            "A headache that goes away",
          ],
        },
      ],
    },
    {
      id: "rare-serious",
      heading: "Rare but serious risks",
      body: [
        {
          kind: "list",
          items: [
            "Infection. This includes infection inside the disc after a shot into the disc.",
            "Harm to a nerve",
            "Allergic reactions. These are more likely with donor cells than with your own.",
          ],
        },
      ],
    },
    {
      id: "unapproved-products",
      heading: "Harm from products sold outside trials",
      body: [
        {
          kind: "paragraph",
          text: "The FDA has had reports of serious harm from stem cell products sold without approval. The harm includes blindness, tumors and infections. Products given in a trial that the FDA oversees go through safety checks first.",
        },
      ],
    },
    {
      id: "unknowns",
      heading: "What is not yet known",
      body: [
        {
          kind: "paragraph",
          text: "Most trials are small and short. Rare problems, or problems that take years to show up, may not have been seen yet.",
        },
      ],
    },
    {
      id: "trial-safety",
      heading: "How trials watch for harm",
      body: [
        {
          kind: "paragraph",
          text: "Before a trial starts, a review board checks its plan to protect the people in it. During the trial, the team tracks side effects and must report serious ones. You can ask the team how they will watch over your safety and who to call if something goes wrong.",
        },
      ],
    },
  ],
  sources: [FDA_REGEN_CONSUMER, FDA_WARNS, AAOS_ORTHOINFO, NASS, ISSCR_PATIENTS, NIH_TRIALS_BASICS],
};
