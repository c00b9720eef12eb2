import type { ExplainerPage } from "../schema";
import { CTGOV_GLOSSARY, CTGOV_LEARN, NIH_TRIALS_BASICS } from "../sources";

export const trialStatus: ExplainerPage = {
  slug: "trial-status",
  title: "Trial status and trial sites",
  summary: "What a trial's status means, which trials take new people, and how sites and distance work.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "What status means",
      body: [
        {
          kind: "paragraph",
          text: "Every trial record has a status. It tells you whether the trial is looking for people. The study team is meant to keep it up to date, but that does not always happen. [Warning signs on a trial listing](/learn/listing-warnings) explains what to look out for.",
        },
      ],
    },
    {
      id: "open-statuses",
      heading: "Trials that may take new people",
      body: [{ kind: "paragraph", text: "On this site, open means any of these three." }],
    },
    {
      id: "recruiting",
      heading: "Recruiting",
      level: 3,
      body: [{ kind: "paragraph", text: "The trial is looking for people now." }],
    },
    {
      id: "not-yet-recruiting",
      heading: "Not yet recruiting",
      level: 3,
      body: [{ kind: "paragraph", text: "The trial is planned but has not started to sign people up. It may open soon." }],
    },
    {
      id: "enrolling-by-invitation",
      heading: "Enrolling by invitation",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The trial only takes people the study team invites, often from an earlier study or a certain clinic. You usually cannot apply on your own.",
        },
      ],
    },
    {
      id: "closed-statuses",
      heading: "Trials that do not take new people",
      body: [{ kind: "paragraph", text: "These trials are not signing people up. They can still teach you what has been tried." }],
    },
    {
      id: "active-not-recruiting",
      heading: "Active, not recruiting",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The trial is still going, but it has all the people it needs. The people already in it are being treated or checked on.",
        },
      ],
    },
    {
      id: "completed",
      heading: "Completed",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The trial has ended. Its results may be posted on ClinicalTrials.gov or in a journal, but often they are not. See [no results posted](/learn/listing-warnings#no-results).",
        },
      ],
    },
    {
      id: "suspended",
      heading: "Suspended",
      level: 3,
      body: [{ kind: "paragraph", text: "The trial has stopped for now. It may start again." }],
    },
    {
      id: "terminated",
      heading: "Terminated",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The trial stopped early and will not start again. The record may give a reason, such as too few people, money or safety.",
        },
      ],
    },
    {
      id: "withdrawn",
      heading: "Withdrawn",
      level: 3,
      body: [{ kind: "paragraph", text: "The trial stopped before anyone joined." }],
    },
    {
      id: "unknown",
      heading: "Unknown status",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The trial was listed as open or under way, but its team has not checked the record in more than two years. ClinicalTrials.gov then marks the status as unknown. The trial may have ended.",
        },
      ],
    },
    {
      id: "locations",
      heading: "Trial sites and distance",
      body: [
        {
          kind: "paragraph",
          text: "A trial can run at many places, called sites. Each site can open and close at its own time, so a site's status can differ from the trial's.",
        },
        {
          kind: "paragraph",
          text: "When you search near a place, this site measures a straight line from that place to the center of each site's city. It is a rough guide, not a driving distance. Check with the site before you make travel plans.",
        },
      ],
    },
    {
      id: "contacting",
      heading: "Getting in touch with a trial",
      body: [
        {
          kind: "paragraph",
          text: "Each listing shows the contact that the study team gave, often a phone number or an email. The team will check whether you might qualify. Asking does not bind you to anything, and you can leave a trial at any time.",
        },
      ],
    },
  ],
  sources: [CTGOV_GLOSSARY, CTGOV_LEARN, NIH_TRIALS_BASICS],
};
