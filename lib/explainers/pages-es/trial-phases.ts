import type { ExplainerPage } from "../schema";
import { CTGOV_GLOSSARY, FDA_CLINICAL_RESEARCH, ISSCR_PATIENTS, NIH_TRIALS_BASICS } from "../sources";
import { inSpanish } from "../sources-es";

export const trialPhases: ExplainerPage = {
  slug: "trial-phases",
  title: "Qué son las fases de un estudio",
  summary: "Cómo se prueba un tratamiento nuevo paso a paso, desde el primer estudio pequeño hasta los estudios grandes.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Por qué los estudios van por fases",
      body: [
        {
          kind: "paragraph",
          text: "Los tratamientos nuevos se prueban por pasos, llamados fases. Cada fase hace una pregunta distinta. Las primeras fases son pequeñas y miran sobre todo si es seguro. Las fases de después son más grandes y miran cuánto ayuda el tratamiento. Un tratamiento puede fallar en cualquier paso.",
        },
      ],
    },
    {
      id: "the-phases",
      heading: "Las fases una por una",
      body: [{ kind: "paragraph", text: "Los registros de este sitio usan estos nombres de fase." }],
    },
    {
      id: "early-phase-1",
      heading: "Fase 1 temprana",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Un primer estudio muy pequeño en personas. Puede ver qué hace el cuerpo con una dosis muy baja. No busca saber si el tratamiento ayuda.",
        },
      ],
    },
    {
      id: "phase-1",
      heading: "Fase 1",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "La primera prueba real en personas, a menudo con 20 a 100 de ellas. Las preguntas son: ¿es seguro?, ¿qué dosis se puede dar? En la terapia con células, los estudios de fase 1 a menudo aceptan a personas que ya tienen el problema de espalda.",
        },
      ],
    },
    {
      id: "phase-2",
      heading: "Fase 2",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Un grupo más grande, de hasta unos cientos de personas con el problema. Busca señales de que el tratamiento ayuda y sigue mirando si es seguro. Muchos estudios de fase 2 comparan el tratamiento con un placebo. Un placebo es un tratamiento falso.",
        },
      ],
    },
    {
      id: "phase-3",
      heading: "Fase 3",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Un estudio grande, a menudo con 300 a 3000 personas. Mira si el tratamiento da mejores resultados que un placebo o que la atención de siempre. También busca efectos no deseados menos comunes. La FDA casi siempre pide buenos resultados de fase 3 antes de aprobar un producto.",
        },
      ],
    },
    {
      id: "phase-4",
      heading: "Fase 4",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Un estudio que se hace después de aprobar un producto. Busca efectos no deseados raros o que tardan en salir, en muchas más personas. Como no hay ningún producto de células madre aprobado para el dolor de espalda, pocos estudios de células para la espalda son de fase 4.",
        },
      ],
    },
    {
      id: "not-applicable",
      heading: "No corresponde (N/A)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Algunos estudios no usan fases. A menudo son estudios de aparatos, de cirugía, de ejercicio o de formas de dar atención. Sus registros dicen que la fase no corresponde. En inglés dice not applicable.",
        },
      ],
    },
    {
      id: "combined-phases",
      heading: "Estudios con dos fases",
      body: [
        {
          kind: "paragraph",
          text: "Algunos estudios juntan dos fases, como la fase 1/2. Empiezan por ver si es seguro y luego buscan las primeras señales de que ayuda. En este sitio, un estudio de fase 1/2 sale en la fase 1 y en la fase 2.",
        },
      ],
    },
    {
      id: "placebo-and-random-groups",
      heading: "Placebo y grupos al azar",
      body: [
        {
          kind: "paragraph",
          text: "En muchos estudios, las personas se ponen en grupos al azar, como al tirar una moneda. Esto se llama aleatorizar. Un grupo puede recibir un placebo, como una inyección de agua con sal. A menudo ni usted ni su médico saben en qué grupo está. Así los resultados son justos.",
        },
        {
          kind: "paragraph",
          text: "Si entra en un estudio así, puede que no reciba las células. Pregunte al equipo si las personas del grupo del placebo pueden recibir el tratamiento real más tarde.",
        },
      ],
    },
  ],
  sources: [FDA_CLINICAL_RESEARCH, NIH_TRIALS_BASICS, CTGOV_GLOSSARY, ISSCR_PATIENTS].map(inSpanish),
};
