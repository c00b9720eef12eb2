import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, FDA_WARNS, ISSCR_PATIENTS, NASS, NIH_TRIALS_BASICS } from "../sources";
import { inSpanish } from "../sources-es";

export const risks: ExplainerPage = {
  slug: "risks",
  title: "Riesgos y efectos no deseados",
  summary: "Los efectos no deseados comunes, los riesgos raros pero serios, y lo que aún no se sabe.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Toda inyección tiene algún riesgo",
      body: [
        {
          kind: "paragraph",
          text: "Toda aguja que se pone en la columna o cerca de ella tiene algún riesgo. Los estudios existen en parte para saber cuáles son los riesgos. Esto es lo que se ha visto hasta ahora.",
        },
      ],
    },
    {
      id: "common",
      heading: "Efectos comunes que pasan pronto",
      body: [
        {
          kind: "list",
          items: [
            "Más dolor de espalda por unos pocos días",
            "Hinchazón o moretones donde entró la aguja, o donde se sacaron las células",
            "Un dolor de cabeza que se quita solo",
          ],
        },
      ],
    },
    {
      id: "rare-serious",
      heading: "Riesgos raros pero serios",
      body: [
        {
          kind: "list",
          items: [
            "Infección. Incluye la infección dentro del disco después de una inyección en el disco.",
            "Daño a un nervio",
            "Reacciones alérgicas. Son más probables con células de donante que con sus propias células.",
          ],
        },
      ],
    },
    {
      id: "unapproved-products",
      heading: "Daños por productos que se venden fuera de los estudios",
      body: [
        {
          kind: "paragraph",
          text: "La FDA ha recibido informes de daños serios por productos de células madre que se venden sin aprobación. Entre los daños hay ceguera, tumores e infecciones. Los productos que se dan en un estudio vigilado por la FDA pasan antes por controles de seguridad.",
        },
      ],
    },
    {
      id: "unknowns",
      heading: "Lo que aún no se sabe",
      body: [
        {
          kind: "paragraph",
          text: "Casi todos los estudios son pequeños y cortos. Puede que aún no se hayan visto los problemas raros, o los que tardan años en salir.",
        },
      ],
    },
    {
      id: "trial-safety",
      heading: "Cómo vigilan los estudios los daños",
      body: [
        {
          kind: "paragraph",
          text: "Antes de que empiece un estudio, un comité revisa su plan para cuidar a las personas que entran. Durante el estudio, el equipo anota los efectos no deseados y debe informar de los serios. Puede preguntar al equipo cómo va a cuidar su seguridad y a quién llamar si algo sale mal.",
        },
      ],
    },
  ],
  sources: [FDA_REGEN_CONSUMER, FDA_WARNS, AAOS_ORTHOINFO, NASS, ISSCR_PATIENTS, NIH_TRIALS_BASICS].map(inSpanish),
};
