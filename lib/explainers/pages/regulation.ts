import type { ExplainerPage } from "../schema";
import { CTGOV, FDA_APPROVED_PRODUCTS, FDA_REGEN_CONSUMER, FDA_WARNS, ISSCR_GUIDELINES, TURNER_2017 } from "../sources";

export const regulation: ExplainerPage = {
  slug: "regulation",
  title: "The rules and the FDA's position",
  summary: "What the FDA says about stem cell treatments for back pain, and how to tell a proper trial from a sales pitch.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "fda-position",
      heading: "What the FDA says",
      body: [
        {
          kind: "paragraph",
          text: "The FDA is the US agency that decides if a medical product is safe and works well enough to be sold. It has said that no stem cell product is approved to treat any bone, joint or muscle problem. Its list names disc disease, back pain and neck pain.",
        },
        {
          kind: "paragraph",
          text: "So stem cell shots for back pain are still experimental. Until a product is approved, the FDA says it should only be given in a trial that the FDA oversees.",
        },
      ],
    },
    {
      id: "what-is-approved",
      heading: "What is approved",
      body: [
        {
          kind: "paragraph",
          text: "The FDA has approved a small number of cell products, such as some made from cord blood for certain blood and immune diseases. None is approved for back pain. The FDA keeps a public list of approved cell and gene therapies that shows what each one is approved for.",
        },
      ],
    },
    {
      id: "same-day-clinics",
      heading: "Same-day clinic treatments",
      body: [
        {
          kind: "paragraph",
          text: "Some clinics take your own fat or bone marrow and inject it back the same day. They may say FDA rules allow this, because the tissue is only lightly handled. The rules call this minimally manipulated, and they are narrow. A clinic offering a treatment does not mean the treatment is proven or approved.",
        },
      ],
    },
    {
      id: "marketing",
      heading: "Unapproved products are widely sold",
      body: [
        {
          kind: "paragraph",
          text: "Many clinics sell products they call regenerative. These include stem cells, exosomes, fluid from the sac around a baby, and cord blood. The FDA warns that if you are charged for these outside a trial, you are likely being misled. Some people have been badly hurt by them.",
        },
      ],
    },
    {
      id: "listing-is-not-approval",
      heading: "A listing is not an approval",
      body: [
        {
          kind: "paragraph",
          text: "Studies are listed on ClinicalTrials.gov by the people who run them. A listing does not mean that the FDA or anyone else has checked the study. The FDA says some clinics point people to their listings to make a product look legal.",
        },
        {
          kind: "paragraph",
          text: "In 2017, a researcher named Leigh Turner looked at the listings. He found at least 18 studies run by stem cell businesses that charged people to take part. See [pay to take part](/learn/listing-warnings#pay-to-participate).",
        },
      ],
    },
    {
      id: "guidelines",
      heading: "International guidelines",
      body: [
        {
          kind: "paragraph",
          text: "The International Society for Stem Cell Research is a group of scientists. It writes rules of good practice, called guidelines. They say new cell treatments should be tested in careful trials before they are sold to patients.",
        },
      ],
    },
  ],
  sources: [FDA_REGEN_CONSUMER, FDA_WARNS, FDA_APPROVED_PRODUCTS, TURNER_2017, ISSCR_GUIDELINES, CTGOV],
};
