import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, DISCGENICS_TRIALS, FDA_REGEN_CONSUMER, ISSCR_PATIENTS, MAYO_STEM_CELLS } from "../sources";

export const cellSources: ExplainerPage = {
  slug: "cell-sources",
  title: "Where the cells come from",
  summary: "Bone marrow, fat, umbilical cord and other sources, and the difference between your own cells and a donor's.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Why the source matters",
      body: [
        {
          kind: "paragraph",
          text: "Cells for back pain trials come from several places in the body. The source changes how the cells are collected, what the visit is like, and what it may cost. No source has been shown to work better than the others for back pain.",
        },
      ],
    },
    {
      id: "common-sources",
      heading: "Where the cells are taken from",
      body: [{ kind: "paragraph", text: "A trial record usually says where its cells come from. These are the sources you will see on this site." }],
    },
    {
      id: "bone-marrow",
      heading: "Bone marrow",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Bone marrow is the soft tissue inside bones. For back pain, doctors most often draw it with a needle from the back of the hip bone, after numbing the skin. The cells may be spun into a thick mix, called a concentrate, or grown in a lab to make more of them. Some products, such as mesenchymal precursor cells, also come from bone marrow.",
        },
      ],
    },
    {
      id: "adipose",
      heading: "Fat (adipose tissue)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Fat can be taken out with a small liposuction, often from the belly. The cells are then separated from the fat. Adipose is the medical word for fat. You may also see the terms stromal vascular fraction or microfragmented fat.",
        },
      ],
    },
    {
      id: "umbilical-cord",
      heading: "Umbilical cord",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Some trials use cells from umbilical cords that parents give after a healthy birth. This can be the cord tissue, also called Wharton's jelly, or the cord blood. These are always donor cells.",
        },
      ],
    },
    {
      id: "placenta-amnion",
      heading: "Placenta and amnion",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The placenta and the amnion, the sac around a baby, can also be given after birth. Some products made from them hold living cells. Others do not.",
        },
      ],
    },
    {
      id: "disc-or-cartilage",
      heading: "Disc or cartilage cells",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Some treatments use cells taken from disc tissue or from cartilage, the smooth tissue in joints. One company, DiscGenics, grows cells from donated adult disc tissue and is testing them in trials.",
        },
      ],
    },
    {
      id: "peripheral-blood",
      heading: "Blood stem cells",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Stem cells can be collected from the blood in your arm, after a drug pushes them out of the bone marrow. Doctors call this peripheral blood. It is rare in back pain trials.",
        },
      ],
    },
    {
      id: "pluripotent",
      heading: "Pluripotent stem cells",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Pluripotent cells can turn into almost any kind of cell. They include stem cells from embryos and cells made in a lab from adult cells, called iPSCs. For discs, they are still in early research.",
        },
      ],
    },
    {
      id: "other-tissue",
      heading: "Other sources",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A few trials use cells from other tissue, such as the pulp inside teeth, muscle, skin or menstrual blood.",
        },
      ],
    },
    {
      id: "unspecified",
      heading: "Source not stated",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Some trial records say that cells are given but not where they come from. If such a trial interests you, ask the study team.",
        },
      ],
    },
    {
      id: "own-or-donor",
      heading: "Your own cells or a donor's",
      body: [
        {
          kind: "paragraph",
          text: "Cells can come from you or from another person. Trial records use two long words for this: autologous and allogeneic.",
        },
      ],
    },
    {
      id: "autologous",
      heading: "Your own cells (autologous)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Autologous means the cells come from your own body. They must be collected first, for example from your hip bone or belly. That adds a step, and some soreness where they were taken. Your body is less likely to react against its own cells.",
        },
      ],
    },
    {
      id: "allogeneic",
      heading: "Donor cells (allogeneic)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Allogeneic means the cells come from a donor. They are often made ahead of time, tested and stored, so they are ready to use. You skip the collection step. Allergic reactions are more likely than with your own cells, though they are still rare.",
        },
      ],
    },
    {
      id: "mixed",
      heading: "Both your own and donor cells",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A few trials give both your own cells and donor cells. On this site, these trials show up when you search for either kind.",
        },
      ],
    },
  ],
  sources: [ISSCR_PATIENTS, MAYO_STEM_CELLS, FDA_REGEN_CONSUMER, AAOS_ORTHOINFO, DISCGENICS_TRIALS],
};
