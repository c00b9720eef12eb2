import type { ExplainerPage } from "../schema";
import { FDA_REGEN_CONSUMER, NIH_TRIALS_BASICS, TURNER_2017 } from "../sources";

export const costsAndInsurance: ExplainerPage = {
  slug: "costs-and-insurance",
  title: "Costs and insurance",
  summary: "What clinics in the US charge, why insurance rarely pays, and what a trial may cost you.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "price-ranges",
      heading: "What clinics charge",
      body: [
        { kind: "paragraph", text: "Outside of trials, clinics in the US charge roughly these amounts for one treatment:" },
        {
          kind: "list",
          items: [
            "Your own cells: about $3,000 to $10,000",
            "Donor cells: about $5,000 to $15,000",
            "Cells together with PRP or other treatments: about $5,000 to $20,000",
          ],
        },
        {
          kind: "paragraph",
          text: "These are rough ranges. Prices vary a lot from clinic to clinic and by what is included. Ask for the total cost in writing, with scans and follow-up visits.",
        },
      ],
    },
    {
      id: "insurance",
      heading: "Will insurance pay?",
      body: [
        {
          kind: "paragraph",
          text: "Insurance rarely pays for stem cell shots for back pain. Insurers see them as experimental. They are not FDA-approved for this use, and there is little data on how they do over the long term.",
        },
        {
          kind: "paragraph",
          text: "Sometimes you can use a health savings account (HSA) or a flexible spending account (FSA). Check with your plan first.",
        },
      ],
    },
    {
      id: "trial-costs",
      heading: "Costs in a clinical trial",
      body: [
        {
          kind: "paragraph",
          text: "In most trials, the group running the study pays for the treatment being tested. Some trials also help with travel. Your own insurance may still be billed for routine care. Ask the team which costs are yours before you join.",
        },
        {
          kind: "callout",
          tone: "warning",
          title: "Be careful with trials that charge you",
          text: "A trial that asks you to pay for the treatment itself is a warning sign. See [pay to take part](/learn/listing-warnings#pay-to-participate).",
        },
      ],
    },
  ],
  sources: [
    {
      ...NIH_TRIALS_BASICS,
      note: "The price ranges on this page are rough figures quoted by US clinics and patient guides, not from an official survey.",
    },
    FDA_REGEN_CONSUMER,
    TURNER_2017,
  ],
};
