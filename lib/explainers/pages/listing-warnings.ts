import type { ExplainerPage } from "../schema";
import { AMBROSIO_2024, CTGOV_GLOSSARY, CTGOV_LEARN, FDA_REGEN_CONSUMER, TURNER_2017 } from "../sources";

export const listingWarnings: ExplainerPage = {
  slug: "listing-warnings",
  title: "Warning signs on a trial listing",
  summary: "What the warning flags on this site mean, and why a listing may need a second look.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "warning-signs",
      heading: "Why some listings carry a warning",
      body: [
        {
          kind: "paragraph",
          text: "This site reads each trial record and flags things that are worth checking. A flag does not mean the trial is bad. It means you should ask more questions before you count on it.",
        },
      ],
    },
    {
      id: "stale",
      heading: "Out-of-date listing",
      body: [
        {
          kind: "paragraph",
          text: "The record says the trial is open, but the study team has not checked its status in more than two years. Or the date when the trial was meant to end has already passed. The trial may have closed. Contact the team to check before you make plans.",
        },
      ],
    },
    {
      id: "pay-to-participate",
      heading: "Pay to take part",
      body: [
        {
          kind: "paragraph",
          text: "The record says that people pay for the treatment. In most proper trials, the group running the study pays for the product being tested. In 2017, Leigh Turner found at least 18 listings on ClinicalTrials.gov from stem cell businesses that charged people to join. The FDA warns that if you are charged for these products outside a trial, you are likely being misled.",
        },
      ],
    },
    {
      id: "no-results",
      heading: "No results posted",
      body: [
        {
          kind: "paragraph",
          text: "The trial ended more than two years ago, but no results are posted on ClinicalTrials.gov. US law asks many trials to post results, most often within a year after they end. A 2024 review found that none of the completed cell therapy trials for back pain from worn discs had posted results there.",
        },
        {
          kind: "paragraph",
          text: "Missing results do not mean the treatment failed. But they do mean no one outside the team can judge it. You can ask the team whether results were shared anywhere else.",
        },
      ],
    },
    {
      id: "other-warnings",
      heading: "Other signs to watch for",
      body: [
        {
          kind: "list",
          items: [
            "A listing that promises results or calls the treatment a cure",
            "No doctor, hospital or university named",
            "The same cells offered for many unrelated conditions",
            "Pressure to sign up or pay quickly",
          ],
        },
        {
          kind: "paragraph",
          text: "See also [red flags when choosing a provider](/learn/choosing-a-provider#red-flags).",
        },
      ],
    },
  ],
  sources: [TURNER_2017, FDA_REGEN_CONSUMER, AMBROSIO_2024, CTGOV_GLOSSARY, CTGOV_LEARN],
};
