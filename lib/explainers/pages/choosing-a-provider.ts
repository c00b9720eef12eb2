import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, ISSCR_PATIENTS, NASS } from "../sources";

/** Shown on this page and, with checkboxes, on the printable checklist at /learn/checklist. */
export const QUESTIONS_TO_ASK: readonly string[] = [
  "Am I a good candidate for this treatment? Why or why not?",
  "Which cells would you use, and where do they come from?",
  "What result is likely for someone like me?",
  "What are the risks, and how often do they happen?",
  "How does this compare with other treatments I could try?",
  "Are there clinical trials I could join?",
  "What is the total cost, and what does it include?",
  "How many of these procedures have you done?",
];

export const choosingAProvider: ExplainerPage = {
  slug: "choosing-a-provider",
  title: "Choosing a provider: red flags and questions to ask",
  summary: "What to look for in a doctor or clinic, the warning signs, and the questions to bring to your visit.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "what-to-look-for",
      heading: "What to look for",
      body: [
        {
          kind: "list",
          items: [
            "A doctor who is board certified and has experience with regenerative medicine, such as a spine, pain or bone specialist",
            "A clinic that follows FDA rules, for example by giving cell treatments only within a trial that the FDA oversees",
            "Someone who tells you about trials you could join",
            "Honest talk about risks and limits, with no promises",
          ],
        },
      ],
    },
    {
      id: "red-flags",
      heading: "Red flags",
      body: [
        {
          kind: "list",
          items: [
            "Promises or guarantees that the treatment will work",
            "The same treatment offered for many conditions that have nothing to do with each other",
            "Pressure to decide or to pay fast",
            "Little or no information about risks",
            "No clear training or credentials",
            "Working outside FDA rules, such as selling unapproved products outside a trial",
          ],
        },
        {
          kind: "paragraph",
          text: "Listings can show warning signs too. See [warning signs on a trial listing](/learn/listing-warnings).",
        },
      ],
    },
    {
      id: "questions-to-ask",
      heading: "Questions to ask",
      body: [
        {
          kind: "paragraph",
          text: "Take these questions to your visit and write down the answers. There is also a [printable checklist](/learn/checklist).",
        },
        { kind: "list", style: "numbered", items: [...QUESTIONS_TO_ASK] },
      ],
    },
    {
      id: "reporting-problems",
      heading: "If something goes wrong",
      body: [
        {
          kind: "paragraph",
          text: "If you had a bad reaction after a stem cell or other regenerative treatment, you can report it to the FDA through its MedWatch program. The FDA also asks people to get in touch if they are offered these products outside a trial.",
        },
      ],
    },
  ],
  sources: [FDA_REGEN_CONSUMER, ISSCR_PATIENTS, AAOS_ORTHOINFO, NASS],
};
