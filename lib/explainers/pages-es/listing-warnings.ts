import type { ExplainerPage } from "../schema";
import { AMBROSIO_2024, CTGOV_GLOSSARY, CTGOV_LEARN, FDA_REGEN_CONSUMER, TURNER_2017 } from "../sources";
import { inSpanish } from "../sources-es";

export const listingWarnings: ExplainerPage = {
  slug: "listing-warnings",
  title: "Señales de alerta en la ficha de un estudio",
  summary: "Qué quieren decir las alertas de este sitio, y por qué vale la pena mirar una ficha dos veces.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "warning-signs",
      heading: "Por qué algunas fichas llevan una alerta",
      body: [
        {
          kind: "paragraph",
          text: "Este sitio lee el registro de cada estudio y marca las cosas que vale la pena revisar. Una alerta no quiere decir que el estudio sea malo. Quiere decir que conviene hacer más preguntas antes de contar con él.",
        },
      ],
    },
    {
      id: "stale",
      heading: "Ficha sin poner al día",
      body: [
        {
          kind: "paragraph",
          text: "El registro dice que el estudio está abierto, pero el equipo no ha revisado su estado en más de dos años. O ya pasó la fecha en que el estudio debía acabar. Puede que el estudio ya esté cerrado. Hable con el equipo para saberlo antes de hacer planes.",
        },
      ],
    },
    {
      id: "pay-to-participate",
      heading: "Pagar para entrar",
      body: [
        {
          kind: "paragraph",
          text: "El registro dice que las personas pagan por el tratamiento. En casi todos los estudios serios, el grupo que hace el estudio paga el producto que se prueba. En 2017, Leigh Turner halló al menos 18 fichas en ClinicalTrials.gov de negocios de células madre que cobraban a las personas por entrar. La FDA advierte que si le cobran por estos productos fuera de un estudio, es probable que le estén engañando.",
        },
      ],
    },
    {
      id: "no-results",
      heading: "Sin resultados publicados",
      body: [
        {
          kind: "paragraph",
          text: "El estudio acabó hace más de dos años, pero no hay resultados en ClinicalTrials.gov. La ley de Estados Unidos pide a muchos estudios que den sus resultados, casi siempre en el año después de acabar. Una revisión de 2024 halló que ninguno de los estudios terminados de terapia con células para el dolor de espalda por discos gastados había puesto sus resultados ahí.",
        },
        {
          kind: "paragraph",
          text: "Que falten los resultados no quiere decir que el tratamiento falló. Pero sí quiere decir que nadie fuera del equipo lo puede juzgar. Puede preguntar al equipo si dio a conocer los resultados en otro lugar.",
        },
      ],
    },
    {
      id: "other-warnings",
      heading: "Otras señales para tener en cuenta",
      body: [
        {
          kind: "list",
          items: [
            "Una ficha que promete resultados o que llama cura al tratamiento",
            "No se nombra a ningún médico, hospital o universidad",
            "Las mismas células para muchos males que no tienen nada que ver",
            "Presión para anotarse o pagar rápido",
          ],
        },
        {
          kind: "paragraph",
          text: "Vea también [señales de alerta al elegir un médico o una clínica](/learn/choosing-a-provider#red-flags).",
        },
      ],
    },
  ],
  sources: [TURNER_2017, FDA_REGEN_CONSUMER, AMBROSIO_2024, CTGOV_GLOSSARY, CTGOV_LEARN].map(inSpanish),
};
