import type { ExplainerPage } from "../schema";
import { FDA_REGEN_CONSUMER, NIH_TRIALS_BASICS, TURNER_2017 } from "../sources";
import { inSpanish, withNoteEs } from "../sources-es";

export const costsAndInsurance: ExplainerPage = {
  slug: "costs-and-insurance",
  title: "Costos y seguro médico",
  summary: "Lo que cobran las clínicas en Estados Unidos, por qué el seguro casi nunca paga, y lo que le puede costar un estudio.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "price-ranges",
      heading: "Lo que cobran las clínicas",
      body: [
        { kind: "paragraph", text: "Fuera de los estudios, las clínicas de Estados Unidos cobran más o menos esto por un tratamiento:" },
        {
          kind: "list",
          items: [
            "Sus propias células: de unos 3 mil a 10 mil dólares",
            "Células de donante: de unos 5 mil a 15 mil dólares",
            "Células junto con PRP u otros tratamientos: de unos 5 mil a 20 mil dólares",
          ],
        },
        {
          kind: "paragraph",
          text: "Son cifras a grandes rasgos. Los precios cambian mucho de una clínica a otra y según lo que incluyen. Pida el costo total por escrito, con las imágenes y las visitas de control.",
        },
      ],
    },
    {
      id: "insurance",
      heading: "¿Lo paga el seguro?",
      body: [
        {
          kind: "paragraph",
          text: "El seguro casi nunca paga las inyecciones de células madre para el dolor de espalda. Las aseguradoras las ven como experimentales. La FDA no las ha aprobado para este uso, y hay pocos datos sobre cómo les va a las personas a largo plazo.",
        },
        {
          kind: "paragraph",
          text: "A veces se puede usar una cuenta de ahorros para la salud (HSA) o una cuenta de gastos flexibles (FSA). Pregunte primero a su plan.",
        },
      ],
    },
    {
      id: "trial-costs",
      heading: "Costos en un estudio clínico",
      body: [
        {
          kind: "paragraph",
          text: "En la mayoría de los estudios, el grupo que hace el estudio paga el tratamiento que se prueba. Algunos estudios también ayudan con el viaje. Puede que igual le cobren a su seguro la atención de rutina. Pregunte al equipo qué gastos le tocan a usted antes de entrar.",
        },
        {
          kind: "callout",
          tone: "warning",
          title: "Cuidado con los estudios que le cobran",
          text: "Un estudio que le pide pagar por el tratamiento mismo es una señal de alerta. Vea [pagar para entrar](/learn/listing-warnings#pay-to-participate).",
        },
      ],
    },
  ],
  sources: [
    withNoteEs(NIH_TRIALS_BASICS, "Los precios de esta página son cifras a grandes rasgos que dan clínicas y guías para pacientes de Estados Unidos, no de una encuesta oficial."),
    ...[FDA_REGEN_CONSUMER, TURNER_2017].map(inSpanish),
  ],
};
