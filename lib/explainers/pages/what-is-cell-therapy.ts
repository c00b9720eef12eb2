import type { ExplainerPage } from "../schema";
import { FDA_REGEN_CONSUMER, ISSCR_PATIENTS, MAYO_BACK_PAIN_STUDIES, MAYO_STEM_CELLS, NIH_HEAL, AAOS_ORTHOINFO } from "../sources";

export const whatIsCellTherapy: ExplainerPage = {
  slug: "what-is-cell-therapy",
  title: "What is cell therapy for back pain?",
  summary: "What the treatment is, what it tries to do, and the kinds of treatment you will see in trials.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "in-short",
      heading: "In short",
      body: [
        {
          kind: "callout",
          tone: "info",
          text: "Cell therapy for back pain is still being tested. The FDA has not approved any stem cell product for back pain or disc disease. Trials are how doctors find out if it is safe and if it helps.",
        },
      ],
    },
    {
      id: "discs",
      heading: "What the discs in your back are",
      body: [
        {
          kind: "paragraph",
          text: "Your spine is a stack of bones called vertebrae. Between each pair of bones sits a disc. A disc is a soft cushion. It has a tough outer ring and a center like gel. Discs let your back bend and twist, and they soak up shocks when you move.",
        },
        {
          kind: "paragraph",
          text: "With age or injury, a disc can dry out, get thin and crack. Doctors call this disc degeneration, or degenerative disc disease. It does not always hurt. When it does, it can cause back pain that lasts, and a stiff back.",
        },
      ],
    },
    {
      id: "what-it-is",
      heading: "What cell therapy is",
      body: [
        {
          kind: "paragraph",
          text: "In cell therapy, a doctor injects living cells into a worn disc or the area around it. Most trials use a kind of cell called a mesenchymal stem cell, or MSC for short. Some papers call them stromal cells. The cells can come from bone marrow, fat or other tissue. [Where the cells come from](/learn/cell-sources) explains the choices.",
        },
        {
          kind: "paragraph",
          text: "You may also hear the words regenerative medicine. This covers cell therapy and other treatments made from living tissue. Large medical centers, such as the Mayo Clinic, have studied how safe MSCs are for low back pain and how well they work.",
        },
      ],
    },
    {
      id: "how-it-is-meant-to-work",
      heading: "How it is meant to work",
      body: [
        { kind: "paragraph", text: "Researchers hope the cells help in three ways:" },
        {
          kind: "list",
          items: [
            "Repair: the cells might turn into cells like the ones in a healthy disc, and help rebuild it.",
            "Calm swelling: the cells send out signals that may lower inflammation. Inflammation is the body's swelling and pain response.",
            "Boost the body's own repair: the cells release growth factors and other signals. These may help nearby cells heal.",
          ],
        },
        {
          kind: "paragraph",
          text: "These are hopes, based on lab work and early studies in people. Trials are testing whether they come true. See [what the evidence shows so far](/learn/evidence).",
        },
      ],
    },
    {
      id: "treatment-types",
      heading: "Kinds of treatment in trials",
      body: [
        {
          kind: "paragraph",
          text: "A trial on this site may test one or more of the kinds below. For example, one group may get cells while another group gets PRP.",
        },
      ],
    },
    {
      id: "cell-therapy",
      heading: "Cell therapy",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Living cells are injected. This is the main focus of this site. The cells may be your own or come from a donor. See [your own cells or a donor's](/learn/cell-sources#own-or-donor).",
        },
      ],
    },
    {
      id: "prp",
      heading: "Platelet-rich plasma (PRP)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "PRP is made from your own blood. The blood is spun in a machine to collect platelets. Platelets are tiny bits in the blood that help it clot, and they carry growth factors. Some trials give PRP on its own. Others mix it with cells. Platelet lysate and platelet-rich fibrin are close cousins of PRP.",
        },
      ],
    },
    {
      id: "acellular-biologic",
      heading: "Biologics without living cells",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Some products are made from living tissue but hold no living cells. Examples are tissue from the sac around a baby (the amnion) or from the umbilical cord, growth factors made in a lab, and exosomes. Exosomes are tiny packets that cells give off. The FDA warns that many such products are sold without approval.",
        },
      ],
    },
    {
      id: "other-treatments",
      heading: "Other treatments",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Some trials test or compare other care, such as a drug, surgery, a device or exercise. On this site these are grouped as other treatments. See [how cell therapy compares with other treatments](/learn/other-treatments).",
        },
      ],
    },
  ],
  sources: [MAYO_STEM_CELLS, MAYO_BACK_PAIN_STUDIES, ISSCR_PATIENTS, FDA_REGEN_CONSUMER, AAOS_ORTHOINFO, NIH_HEAL],
};
