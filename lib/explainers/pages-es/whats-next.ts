import type { ExplainerPage } from "../schema";
import { AMBROSIO_2024, CTGOV, ISSCR_PATIENTS, NIH_HEAL } from "../sources";
import { inSpanish } from "../sources-es";

export const whatsNext: ExplainerPage = {
  slug: "whats-next",
  title: "Lo que viene en la investigación",
  summary: "Nuevos tipos de células, geles que las llevan, y tratamientos hechos a la medida de cada persona.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Hacia dónde va la investigación",
      body: [
        {
          kind: "paragraph",
          text: "Los científicos buscan formas de que la terapia con células dé mejores resultados y más a menudo. Casi todo este trabajo está en el laboratorio o en los primeros estudios. Pueden pasar años antes de que algo de esto llegue a los pacientes.",
        },
      ],
    },
    {
      id: "new-cell-types",
      heading: "Nuevos tipos de células",
      body: [
        {
          kind: "paragraph",
          text: "Algunos equipos usan iPSC. Son células de adulto que se han vuelto a su estado inicial en un laboratorio, para que se puedan volver muchos tipos de célula. La idea es hacer muchas células como las de un disco sano. Otros equipos cambian los genes de las células para que manden más señales que ayuden a sanar.",
        },
      ],
    },
    {
      id: "carriers",
      heading: "Geles y otros vehículos",
      body: [
        {
          kind: "paragraph",
          text: "Un disco gastado es un lugar duro para que vivan las células. Los científicos mezclan las células con geles blandos, llamados hidrogeles, y con otros materiales. Estos podrían ayudar a que las células se queden en su lugar y vivan.",
        },
      ],
    },
    {
      id: "personal-treatment",
      heading: "Un tratamiento a la medida de la persona",
      body: [
        {
          kind: "paragraph",
          text: "La investigación también busca cómo elegir el tratamiento para cada persona. La elección podría depender de sus genes, del tipo de desgaste del disco, de cómo sana su cuerpo, y de señales en la sangre o en las imágenes. Los médicos llaman a estas señales biomarcadores.",
        },
      ],
    },
    {
      id: "larger-trials",
      heading: "Estudios más grandes y fondos públicos",
      body: [
        {
          kind: "paragraph",
          text: "Unos pocos productos ya están en estudios de fases más avanzadas. Vea [estudios en fases más avanzadas](/learn/evidence#late-stage). En Estados Unidos, la iniciativa NIH HEAL paga estudios sobre cómo rehacer los discos y cómo evitar el dolor de espalda que viene de los discos.",
        },
      ],
    },
  ],
  sources: [NIH_HEAL, ISSCR_PATIENTS, AMBROSIO_2024, CTGOV].map(inSpanish),
};
