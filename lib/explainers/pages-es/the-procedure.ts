import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, MAYO_STEM_CELLS, NASS, NIH_TRIALS_BASICS } from "../sources";
import { inSpanish } from "../sources-es";

export const theProcedure: ExplainerPage = {
  slug: "the-procedure",
  title: "Antes, durante y después del procedimiento",
  summary: "Lo que suele pasar en cada paso, desde la primera consulta hasta las semanas después de la inyección.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "before",
      heading: "Antes: la consulta",
      body: [
        { kind: "paragraph", text: "Primero, un médico mira si el tratamiento podría ser para usted. Esto suele incluir:" },
        {
          kind: "list",
          items: [
            "Preguntas sobre su salud y los tratamientos que ya probó",
            "Un examen físico",
            "Imágenes de la columna, como una resonancia magnética (MRI) o una tomografía (CT)",
            "Una charla sobre lo que usted busca y lo que puede esperar",
          ],
        },
        {
          kind: "paragraph",
          text: "En un estudio, también va a leer y firmar un formulario de consentimiento. Explica el estudio, sus riesgos y sus derechos. Puede hacer preguntas y llevarlo a casa antes de firmar. Puede dejar un estudio cuando quiera.",
        },
      ],
    },
    {
      id: "collecting-cells",
      heading: "Cómo se sacan sus propias células",
      body: [
        {
          kind: "paragraph",
          text: "Si el tratamiento usa sus propias células, primero hay que sacarlas. El médico duerme la piel. Luego saca médula ósea de la parte de atrás del hueso de la cadera con una aguja, o saca un poco de grasa. Después se limpian las células y se concentran. En algunos estudios se cultivan en un laboratorio unas semanas antes de la inyección. Con células de donante no hace falta este paso.",
        },
      ],
    },
    {
      id: "during",
      heading: "Durante: la inyección",
      body: [
        {
          kind: "paragraph",
          text: "Usted se acuesta boca abajo. Le duermen la piel y tal vez le den una medicina para que se relaje. El médico mira una radiografía en vivo o un ultrasonido para guiar una aguja fina al lugar justo. Luego inyecta las células. Toda la visita suele durar de dos a cuatro horas. La mayoría de las personas vuelve a casa el mismo día.",
        },
      ],
    },
    {
      id: "after",
      heading: "Después: la recuperación",
      body: [
        {
          kind: "list",
          items: [
            "Descanso de uno o dos días (de 24 a 48 horas).",
            "Vuelta poco a poco a la vida de siempre, en una a dos semanas.",
            "Visitas de control para que el médico vea cómo va. Los estudios a menudo piden llenar hojas sobre el dolor y la vida diaria durante un año o más.",
          ],
        },
        {
          kind: "callout",
          tone: "warning",
          title: "Señales que hay que avisar",
          text: "El equipo le dirá qué señales debe avisar de inmediato. Suelen ser fiebre, un dolor que va a peor, y debilidad o falta de sensación nueva en las piernas. Vea [riesgos y efectos no deseados](/learn/risks).",
        },
      ],
    },
  ],
  sources: [AAOS_ORTHOINFO, NASS, MAYO_STEM_CELLS, NIH_TRIALS_BASICS].map(inSpanish),
};
