import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, AMBROSIO_2024, CTGOV_GLOSSARY, FDA_REGEN_CONSUMER, NASS } from "../sources";

export const injectionRoutes: ExplainerPage = {
  slug: "injection-routes",
  title: "Where the cells are injected",
  summary: "What intradiscal, epidural and the other injection routes in trial records mean.",
  lastReviewed: "2026-11-24",
  sections: [
    {
      id: "overview",
      heading: "Why the route matters",
      body: [
        {
          kind: "paragraph",
          text: "The route is the place in the body where the treatment goes. Most back pain trials inject into the disc itself. Some inject near it. The route changes what the visit is like and what the risks are.",
        },
        {
          kind: "paragraph",
          text: "To guide the needle, doctors watch a live X-ray, called fluoroscopy, or an ultrasound screen. See [before, during and after the procedure](/learn/the-procedure).",
        },
      ],
    },
    {
      id: "near-the-spine",
      heading: "Routes into or near the spine",
      body: [{ kind: "paragraph", text: "These routes put the treatment in or close to the painful disc." }],
    },
    {
      id: "intradiscal",
      heading: "Into the disc (intradiscal)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The needle goes into the center of the disc. This is the most common route in disc trials. The aim is to put the cells right where the damage is. A rare but serious risk is an infection inside the disc.",
        },
      ],
    },
    {
      id: "epidural",
      heading: "Around the nerves (epidural)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The treatment goes into the epidural space. This is the space around the spinal cord and the nerve roots, inside the spine. Steroid shots for back pain often use this route too.",
        },
      ],
    },
    {
      id: "intraosseous",
      heading: "Into the bone (intraosseous)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The treatment goes into one of the spine's bones, often just next to the disc. The layer where bone meets disc is called the end plate.",
        },
      ],
    },
    {
      id: "facet-or-joint",
      heading: "Facet or other joints",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Facet joints are small joints at the back of the spine. Some trials inject there, or into other joints, such as the joint where the spine meets the pelvis. Records may call this intra-articular, which means into a joint.",
        },
      ],
    },
    {
      id: "intrathecal",
      heading: "Into the spinal fluid (intrathecal)",
      level: 3,
      body: [{ kind: "paragraph", text: "The treatment goes into the fluid around the spinal cord. This is rare in back pain trials." }],
    },
    {
      id: "elsewhere",
      heading: "Other routes",
      body: [{ kind: "paragraph", text: "These routes do not put the treatment straight into the spine." }],
    },
    {
      id: "intravenous",
      heading: "Into a vein (intravenous)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The cells drip into a vein through a thin tube, like an IV. They travel in the blood, so they do not go straight to the disc.",
        },
      ],
    },
    {
      id: "soft-tissue",
      heading: "Into muscle or other soft tissue",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The treatment goes into muscle, a ligament, a tendon or just under the skin. Records may name the paraspinal muscles. These are the muscles that run along the spine.",
        },
      ],
    },
    {
      id: "surgical",
      heading: "During surgery",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "The cells are placed during an operation. For example, they may be used in a spinal fusion, or after part of a disc is taken out.",
        },
      ],
    },
    {
      id: "other-routes",
      heading: "Routes not listed here",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "A few records name other routes, such as into an artery, the heart or the nose. These trials are often about other health problems.",
        },
      ],
    },
    {
      id: "unspecified",
      heading: "Route not stated",
      level: 3,
      body: [{ kind: "paragraph", text: "Some records do not say where the treatment goes. If such a trial interests you, ask the study team." }],
    },
  ],
  sources: [AAOS_ORTHOINFO, NASS, AMBROSIO_2024, CTGOV_GLOSSARY, FDA_REGEN_CONSUMER],
};
