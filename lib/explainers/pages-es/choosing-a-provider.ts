import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, ISSCR_PATIENTS, NASS } from "../sources";
import { inSpanish } from "../sources-es";

/** The Spanish QUESTIONS_TO_ASK: shown on this page and, with checkboxes, on the printable checklist. */
export const QUESTIONS_TO_ASK: readonly string[] = [
  "¿Soy un buen candidato para este tratamiento? ¿Por qué sí o por qué no?",
  "¿Qué células usaría, y de dónde vienen?",
  "¿Qué resultado es probable para alguien como yo?",
  "¿Cuáles son los riesgos, y qué tan a menudo pasan?",
  "¿Cómo se compara esto con otros tratamientos que podría probar?",
  "¿Hay estudios clínicos en los que podría entrar?",
  "¿Cuál es el costo total, y qué incluye?",
  "¿Cuántos de estos procedimientos ha hecho usted?",
];

export const choosingAProvider: ExplainerPage = {
  slug: "choosing-a-provider",
  title: "Cómo elegir un médico o una clínica: señales de alerta y preguntas para hacer",
  summary: "Qué buscar en un médico o una clínica, las señales de alerta y las preguntas para llevar a su cita.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "what-to-look-for",
      heading: "Qué buscar",
      body: [
        {
          kind: "list",
          items: [
            "Un médico certificado por la junta de su área (board certified) que sepa de medicina regenerativa, como un médico de columna, de dolor o de huesos",
            "Una clínica que sigue las reglas de la FDA, por ejemplo, que da tratamientos con células solo dentro de un estudio vigilado por la FDA",
            "Alguien que le hable de estudios en los que podría entrar",
            "Una charla franca sobre los riesgos y los límites, sin promesas",
          ],
        },
      ],
    },
    {
      id: "red-flags",
      heading: "Señales de alerta",
      body: [
        {
          kind: "list",
          items: [
            "Promesas o garantías de que el tratamiento va a dar resultado",
            "El mismo tratamiento para muchos males que no tienen nada que ver entre sí",
            "Presión para decidir o pagar rápido",
            "Poca o ninguna información sobre los riesgos",
            "No se ven bien sus estudios ni sus credenciales",
            "Trabajar fuera de las reglas de la FDA, como vender productos sin aprobar fuera de un estudio",
          ],
        },
        {
          kind: "paragraph",
          text: "Las fichas de los estudios también pueden tener señales de alerta. Vea [señales de alerta en la ficha de un estudio](/learn/listing-warnings).",
        },
      ],
    },
    {
      id: "questions-to-ask",
      heading: "Preguntas para hacer",
      body: [
        {
          kind: "paragraph",
          text: "Lleve estas preguntas a su cita y anote las respuestas. También hay una [lista para imprimir](/learn/checklist).",
        },
        { kind: "list", style: "numbered", items: [...QUESTIONS_TO_ASK] },
      ],
    },
    {
      id: "reporting-problems",
      heading: "Si algo sale mal",
      body: [
        {
          kind: "paragraph",
          text: "Si tuvo una mala reacción después de un tratamiento con células madre u otro tratamiento regenerativo, puede avisar a la FDA por su programa MedWatch. La FDA también pide que la llamen si le ofrecen estos productos fuera de un estudio.",
        },
      ],
    },
  ],
  sources: [FDA_REGEN_CONSUMER, ISSCR_PATIENTS, AAOS_ORTHOINFO, NASS].map(inSpanish),
};
