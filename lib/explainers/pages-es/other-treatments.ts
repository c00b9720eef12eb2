import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, MAYO_STEM_CELLS, NASS } from "../sources";
import { inSpanish } from "../sources-es";

export const otherTreatments: ExplainerPage = {
  slug: "other-treatments",
  title: "Cómo se compara con otros tratamientos",
  summary: "Las medicinas, la terapia física, las inyecciones de esteroides y la cirugía al lado de la terapia con células: lo que cada una puede y no puede hacer.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "La terapia con células es una opción entre muchas",
      body: [
        {
          kind: "paragraph",
          text: "Casi todas las personas con dolor de espalda por discos gastados empiezan con una atención más sencilla. La terapia con células aún está en prueba. Así se comparan las opciones.",
        },
      ],
    },
    {
      id: "usual-options",
      heading: "Tratamientos comunes",
      body: [
        {
          kind: "definitions",
          items: [
            {
              term: "Medicinas",
              definition: "Las pastillas para el dolor y los fármacos que bajan la hinchazón pueden aliviar las molestias. No reparan el disco, y tomarlos por mucho tiempo puede causar efectos no deseados.",
            },
            {
              term: "Terapia física",
              definition: "Los ejercicios le dan fuerza y le ayudan a moverse mejor. Puede no bastar cuando un disco está muy gastado.",
            },
            {
              term: "Inyecciones de esteroides",
              definition: "Las inyecciones epidurales de esteroides pueden aliviar el dolor por un tiempo. El alivio a menudo se pasa.",
            },
            {
              term: "Cirugía",
              definition: "Una operación, como unir dos huesos de la columna, puede ayudar en algunos casos graves. Tiene riesgos mayores y la recuperación es más larga.",
            },
          ],
        },
      ],
    },
    {
      id: "hoped-for-advantages",
      heading: "Lo que se espera de la terapia con células",
      body: [
        {
          kind: "list",
          items: [
            "Apunta a la causa, el disco gastado, y no solo al dolor.",
            "Es una inyección, no una operación, y por lo general se vuelve a casa el mismo día.",
            "Sus efectos tal vez duren mucho tiempo.",
            "Puede tener menos riesgo que la cirugía.",
            "Deja en su lugar las partes propias de la columna.",
          ],
        },
        { kind: "paragraph", text: "Son cosas que se esperan. Los estudios aún no las han probado." },
      ],
    },
    {
      id: "limits",
      heading: "Sus límites hoy",
      body: [
        {
          kind: "list",
          items: [
            "No sirve para todo tipo de dolor de espalda.",
            "Hay pocos datos a largo plazo.",
            "Cuesta mucho, y el seguro casi nunca paga. Vea [costos y seguro médico](/learn/costs-and-insurance).",
            "Los resultados cambian mucho de una persona a otra.",
            "Aún es experimental.",
          ],
        },
      ],
    },
  ],
  sources: [AAOS_ORTHOINFO, NASS, MAYO_STEM_CELLS, FDA_REGEN_CONSUMER].map(inSpanish),
};
