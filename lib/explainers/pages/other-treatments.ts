import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, MAYO_STEM_CELLS, NASS } from "../sources";

export const otherTreatments: ExplainerPage = {
  slug: "other-treatments",
  title: "How it compares with other treatments",
  summary: "Medicines, physical therapy, steroid shots and surgery next to cell therapy: what each can and cannot do.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Cell therapy is one option among many",
      body: [
        {
          kind: "paragraph",
          text: "Most people with back pain from worn discs start with simpler care. Cell therapy is still being tested. Here is how the options compare.",
        },
      ],
    },
    {
      id: "usual-options",
      heading: "Common treatments",
      body: [
        {
          kind: "definitions",
          items: [
            {
              term: "Medicines",
              definition: "Pain pills and drugs that calm swelling can ease symptoms. They do not repair the disc, and taking them for a long time can cause side effects.",
            },
            {
              term: "Physical therapy",
              definition: "Exercises build strength and help you move better. It may not be enough when a disc is badly worn.",
            },
            {
              term: "Steroid shots",
              definition: "Epidural steroid shots can ease pain for a while. The relief often fades.",
            },
            {
              term: "Surgery",
              definition: "An operation, such as a spinal fusion, can help some severe cases. It has bigger risks and a longer recovery.",
            },
          ],
        },
      ],
    },
    {
      id: "hoped-for-advantages",
      heading: "What people hope cell therapy offers",
      body: [
        {
          kind: "list",
          items: [
            "It aims at the cause, the worn disc, not just the pain.",
            "It is a shot, not an operation, and you usually go home the same day.",
            "Its effects might last a long time.",
            "It may carry less risk than surgery.",
            "It keeps the spine's own parts in place.",
          ],
        },
        { kind: "paragraph", text: "These are hopes. Trials have not yet proven them." },
      ],
    },
    {
      id: "limits",
      heading: "Its limits today",
      body: [
        {
          kind: "list",
          items: [
            "It does not suit every kind of back pain.",
            "There is little long-term data.",
            "It costs a lot, and insurance rarely pays. See [costs and insurance](/learn/costs-and-insurance).",
            "Results vary a lot from person to person.",
            "It is still experimental.",
          ],
        },
      ],
    },
  ],
  sources: [AAOS_ORTHOINFO, NASS, MAYO_STEM_CELLS, FDA_REGEN_CONSUMER],
};
