import type { ExplainerPage } from "../schema";
import { CTGOV_GLOSSARY, CTGOV_LEARN, NIH_TRIALS_BASICS } from "../sources";
import { inSpanish } from "../sources-es";

export const trialStatus: ExplainerPage = {
  slug: "trial-status",
  title: "El estado de un estudio y sus centros",
  summary: "Qué quiere decir el estado de un estudio, qué estudios aceptan personas nuevas y qué saber de los centros y la distancia.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Qué quiere decir el estado",
      body: [
        {
          kind: "paragraph",
          text: "Cada registro de un estudio tiene un estado. Le dice si el estudio busca personas. El equipo del estudio debe tenerlo al día, pero no siempre lo hace. En [señales de alerta en la ficha de un estudio](/learn/listing-warnings) se explica qué mirar.",
        },
      ],
    },
    {
      id: "open-statuses",
      heading: "Estudios que pueden aceptar personas nuevas",
      body: [{ kind: "paragraph", text: "En este sitio, abierto quiere decir uno de estos tres estados." }],
    },
    {
      id: "recruiting",
      heading: "Reclutando (Recruiting)",
      level: 3,
      body: [{ kind: "paragraph", text: "El estudio busca personas ahora." }],
    },
    {
      id: "not-yet-recruiting",
      heading: "Aún no recluta (Not yet recruiting)",
      level: 3,
      body: [{ kind: "paragraph", text: "El estudio está planeado, pero aún no anota a nadie. Puede abrir pronto." }],
    },
    {
      id: "enrolling-by-invitation",
      heading: "Solo por invitación (Enrolling by invitation)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El estudio solo acepta a las personas que invita el equipo, a menudo de un estudio anterior o de una clínica. Por lo general usted no se puede anotar por su cuenta.",
        },
      ],
    },
    {
      id: "closed-statuses",
      heading: "Estudios que no aceptan personas nuevas",
      body: [{ kind: "paragraph", text: "Estos estudios no anotan a nadie. Aun así le pueden mostrar lo que se ha probado." }],
    },
    {
      id: "active-not-recruiting",
      heading: "Activo, sin reclutar (Active, not recruiting)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El estudio sigue, pero ya tiene a todas las personas que necesita. Las personas que ya están en él reciben el tratamiento o sus controles.",
        },
      ],
    },
    {
      id: "completed",
      heading: "Terminado (Completed)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El estudio acabó. Sus resultados pueden estar en ClinicalTrials.gov o en una revista, pero a menudo no están. Vea [sin resultados publicados](/learn/listing-warnings#no-results).",
        },
      ],
    },
    {
      id: "suspended",
      heading: "Suspendido (Suspended)",
      level: 3,
      body: [{ kind: "paragraph", text: "El estudio se paró por ahora. Puede volver a empezar." }],
    },
    {
      id: "terminated",
      heading: "Cancelado (Terminated)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El estudio se paró antes de tiempo y no va a volver a empezar. El registro puede dar la razón, como muy pocas personas, falta de dinero o un problema de seguridad.",
        },
      ],
    },
    {
      id: "withdrawn",
      heading: "Retirado (Withdrawn)",
      level: 3,
      body: [{ kind: "paragraph", text: "El estudio se paró antes de que entrara nadie." }],
    },
    {
      id: "unknown",
      heading: "Estado desconocido (Unknown status)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El estudio estaba como abierto o en curso, pero su equipo no ha revisado el registro en más de dos años. Entonces ClinicalTrials.gov marca el estado como desconocido. Puede que el estudio ya haya acabado.",
        },
      ],
    },
    {
      id: "locations",
      heading: "Centros del estudio y distancia",
      body: [
        {
          kind: "paragraph",
          text: "Un estudio se puede hacer en muchos lugares, llamados centros. Cada centro puede abrir y cerrar a su tiempo, así que el estado de un centro puede ser otro que el del estudio.",
        },
        {
          kind: "paragraph",
          text: "Cuando busca cerca de un lugar, este sitio mide una línea recta desde ese lugar hasta el centro de la ciudad de cada centro. Es una guía a grandes rasgos, no la distancia en carro. Hable con el centro antes de hacer planes de viaje.",
        },
      ],
    },
    {
      id: "contacting",
      heading: "Cómo hablar con un estudio",
      body: [
        {
          kind: "paragraph",
          text: "Cada ficha muestra el contacto que dio el equipo del estudio, a menudo un teléfono o un correo. Es el equipo quien decide si usted podría entrar. Preguntar no le obliga a nada, y puede dejar un estudio cuando quiera.",
        },
      ],
    },
  ],
  sources: [CTGOV_GLOSSARY, CTGOV_LEARN, NIH_TRIALS_BASICS].map(inSpanish),
};
