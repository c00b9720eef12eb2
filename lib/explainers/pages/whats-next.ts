import type { ExplainerPage } from "../schema";
import { AMBROSIO_2024, CTGOV, ISSCR_PATIENTS, NIH_HEAL } from "../sources";

export const whatsNext: ExplainerPage = {
  slug: "whats-next",
  title: "What is coming next in research",
  summary: "New kinds of cells, gels that carry them, and treatment matched to each person.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Where research is going",
      body: [
        {
          kind: "paragraph",
          text: "Scientists are looking for ways to make cell therapy work better and more often. Most of this work is in the lab or in early trials. It may be years before any of it reaches patients.",
        },
      ],
    },
    {
      id: "new-cell-types",
      heading: "New kinds of cells",
      body: [
        {
          kind: "paragraph",
          text: "Some teams use iPSCs. These are adult cells that have been reset in a lab so they can become many kinds of cell. The hope is to make large numbers of cells like those in a healthy disc. Other teams change the genes of cells so that they send out more healing signals.",
        },
      ],
    },
    {
      id: "carriers",
      heading: "Gels and other carriers",
      body: [
        {
          kind: "paragraph",
          text: "A worn disc is a harsh place for cells to live. Researchers are mixing cells with soft gels, called hydrogels, and other materials. These may help the cells stay in place and survive.",
        },
      ],
    },
    {
      id: "personal-treatment",
      heading: "Treatment that fits the person",
      body: [
        {
          kind: "paragraph",
          text: "Research is also looking at how to match treatment to each person. The choice might depend on a person's genes, the kind of disc wear, how their body heals, and signs in the blood or on scans. Doctors call these signs biomarkers.",
        },
      ],
    },
    {
      id: "larger-trials",
      heading: "Larger trials and public funding",
      body: [
        {
          kind: "paragraph",
          text: "A few products are now in later-phase trials. See [trials in later phases](/learn/evidence#late-stage). In the US, the NIH HEAL Initiative pays for research on regrowing discs and on preventing back pain that comes from discs.",
        },
      ],
    },
  ],
  sources: [NIH_HEAL, ISSCR_PATIENTS, AMBROSIO_2024, CTGOV],
};
