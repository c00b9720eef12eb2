import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, CTGOV_LEARN, NASS, NIH_TRIALS_BASICS, trialRecord } from "../sources";

export const candidates: ExplainerPage = {
  slug: "candidates",
  title: "Who may be a candidate",
  summary: "Who cell therapy trials usually look for, and who is usually not a good fit.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Every trial has its own rules",
      body: [
        {
          kind: "paragraph",
          text: "Each trial sets rules about who can join. These are called eligibility criteria, and they are written in the trial record. The lists below show common patterns, not the rules of any one trial. Only a doctor who knows your health can say whether a treatment might suit you.",
        },
      ],
    },
    {
      id: "usually-included",
      heading: "Who is often included",
      body: [
        {
          kind: "list",
          items: [
            "People with degenerative disc disease that shows on a scan",
            "People whose low back pain has lasted more than three months. Some trials ask for six months or more.",
            "People whose discs are mildly or moderately worn. Badly worn discs tend to respond less.",
            "People who have tried physical therapy and medicine without enough relief",
            "People who hope to avoid or put off surgery",
          ],
        },
      ],
    },
    {
      id: "usually-excluded",
      heading: "Who is often left out",
      body: [
        {
          kind: "list",
          items: [
            "People whose spine is badly unstable, with bones that slip out of place",
            "People who have an infection right now",
            "People with some autoimmune diseases, where the body's defense system attacks its own tissue",
            "People with very worn discs and major damage to the spine's structure",
          ],
        },
        {
          kind: "paragraph",
          text: "Trials often have other rules too, such as an age range or limits on past back surgery.",
        },
      ],
    },
    {
      id: "reading-criteria",
      heading: "Reading a trial's rules",
      body: [
        {
          kind: "paragraph",
          text: "A trial record lists inclusion criteria, which you must meet, and exclusion criteria, which rule you out. They often name an age range, how long the pain has lasted, what scans show, and which treatments you have tried. The rules help keep you safe and make the results clear. If a word is unclear, ask the study contact to explain it.",
        },
      ],
    },
    {
      id: "your-doctor",
      heading: "Talking with your doctor",
      body: [
        {
          kind: "paragraph",
          text: "Take the trial record to your doctor. Ask whether your scans and health history fit its rules. Your doctor can also tell you about other treatments that might suit you better. See [questions to ask](/learn/choosing-a-provider#questions-to-ask).",
        },
      ],
    },
  ],
  sources: [NASS, AAOS_ORTHOINFO, CTGOV_LEARN, NIH_TRIALS_BASICS, trialRecord("NCT04042844", "an example of a trial's eligibility rules")],
};
