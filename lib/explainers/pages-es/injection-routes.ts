import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, AMBROSIO_2024, CTGOV_GLOSSARY, FDA_REGEN_CONSUMER, NASS } from "../sources";
import { inSpanish } from "../sources-es";

export const injectionRoutes: ExplainerPage = {
  slug: "injection-routes",
  title: "Dónde se ponen las células",
  summary: "Qué quieren decir intradiscal, epidural y las otras vías de inyección que salen en los registros de los estudios.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Por qué importa la vía",
      body: [
        {
          kind: "paragraph",
          text: "La vía es el lugar del cuerpo adonde va el tratamiento. La mayoría de los estudios de dolor de espalda inyectan en el disco mismo. Otros inyectan cerca. La vía cambia cómo es la visita y cuáles son los riesgos.",
        },
        {
          kind: "paragraph",
          text: "Para guiar la aguja, el médico mira una radiografía en vivo, llamada fluoroscopia, o la pantalla de un ultrasonido. Vea [antes, durante y después del procedimiento](/learn/the-procedure).",
        },
      ],
    },
    {
      id: "near-the-spine",
      heading: "Vías dentro de la columna o cerca de ella",
      body: [{ kind: "paragraph", text: "Estas vías ponen el tratamiento en el disco que duele o cerca de él." }],
    },
    {
      id: "intradiscal",
      heading: "En el disco (intradiscal)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "La aguja entra al centro del disco. Es la vía más común en los estudios de discos. La idea es poner las células justo donde está el daño. Un riesgo raro pero serio es una infección dentro del disco.",
        },
      ],
    },
    {
      id: "epidural",
      heading: "Alrededor de los nervios (epidural)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El tratamiento va al espacio epidural. Es el espacio que rodea la médula espinal y las raíces de los nervios, dentro de la columna. Las inyecciones de esteroides para el dolor de espalda también usan a menudo esta vía.",
        },
      ],
    },
    {
      id: "intraosseous",
      heading: "En el hueso (intraósea)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El tratamiento va a uno de los huesos de la columna, a menudo justo al lado del disco. La capa donde el hueso toca el disco se llama placa terminal.",
        },
      ],
    },
    {
      id: "facet-or-joint",
      heading: "Facetas u otras coyunturas",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Las facetas son coyunturas pequeñas en la parte de atrás de la columna. Algunos estudios inyectan ahí o en otras coyunturas, como la que une la columna con la pelvis. Los registros pueden decir intraarticular, que quiere decir dentro de una coyuntura.",
        },
      ],
    },
    {
      id: "intrathecal",
      heading: "En el líquido de la columna (intratecal)",
      level: 3,
      body: [{ kind: "paragraph", text: "El tratamiento va al líquido que rodea la médula espinal. Es raro en los estudios de dolor de espalda." }],
    },
    {
      id: "elsewhere",
      heading: "Otras vías",
      body: [{ kind: "paragraph", text: "Estas vías no ponen el tratamiento de forma directa en la columna." }],
    },
    {
      id: "intravenous",
      heading: "En una vena (intravenosa)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Las células gotean en una vena por un tubo fino, como un suero. Viajan en la sangre, así que no van directo al disco.",
        },
      ],
    },
    {
      id: "soft-tissue",
      heading: "En el músculo u otro tejido blando",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El tratamiento va a un músculo, un ligamento, un tendón o justo bajo la piel. Los registros pueden nombrar los músculos paraespinales. Son los músculos que corren a lo largo de la columna.",
        },
      ],
    },
    {
      id: "surgical",
      heading: "Durante una cirugía",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Las células se ponen durante una operación. Por ejemplo, se pueden usar al unir dos huesos de la columna, o después de quitar parte de un disco.",
        },
      ],
    },
    {
      id: "other-routes",
      heading: "Vías que no están en esta lista",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Unos pocos registros nombran otras vías, como una arteria, el corazón o la nariz. A menudo estos estudios son sobre otros problemas de salud.",
        },
      ],
    },
    {
      id: "unspecified",
      heading: "Vía no indicada",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Algunos registros no dicen adónde va el tratamiento. Si un estudio así le interesa, pregunte al equipo del estudio.",
        },
      ],
    },
  ],
  sources: [AAOS_ORTHOINFO, NASS, AMBROSIO_2024, CTGOV_GLOSSARY, FDA_REGEN_CONSUMER].map(inSpanish),
};
