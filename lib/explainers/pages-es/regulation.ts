import type { ExplainerPage } from "../schema";
import { CTGOV, FDA_APPROVED_PRODUCTS, FDA_REGEN_CONSUMER, FDA_WARNS, ISSCR_GUIDELINES, TURNER_2017 } from "../sources";
import { inSpanish } from "../sources-es";

export const regulation: ExplainerPage = {
  slug: "regulation",
  title: "Las reglas y lo que dice la FDA",
  summary: "Lo que dice la FDA sobre los tratamientos con células madre para el dolor de espalda, y cómo saber si algo es un estudio serio o una venta.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "fda-position",
      heading: "Lo que dice la FDA",
      body: [
        {
          kind: "paragraph",
          text: "La FDA es una agencia de Estados Unidos. Decide si un producto médico es seguro y si da buenos resultados antes de que se pueda vender. Ha dicho que no hay ningún producto de células madre aprobado para tratar problemas de huesos, coyunturas o músculos. Su lista nombra la enfermedad de los discos, el dolor de espalda y el dolor de cuello.",
        },
        {
          kind: "paragraph",
          text: "Por eso, las inyecciones de células madre para el dolor de espalda son aún experimentales. Mientras un producto no esté aprobado, la FDA dice que solo se debe dar en un estudio que ella vigila.",
        },
      ],
    },
    {
      id: "what-is-approved",
      heading: "Qué está aprobado",
      body: [
        {
          kind: "paragraph",
          text: "La FDA ha aprobado unos pocos productos de células. Por ejemplo, algunos hechos con sangre del cordón para ciertas enfermedades de la sangre y de las defensas. Ninguno está aprobado para el dolor de espalda. La FDA tiene una lista pública de las terapias de células y de genes aprobadas, con el uso de cada una.",
        },
      ],
    },
    {
      id: "same-day-clinics",
      heading: "Tratamientos de un solo día en clínicas",
      body: [
        {
          kind: "paragraph",
          text: "Algunas clínicas le sacan grasa o médula ósea y se la vuelven a poner el mismo día. Pueden decir que las reglas de la FDA lo permiten, porque el tejido se trata muy poco. Las reglas lo llaman mínimamente manipulado, y solo valen para pocos casos. Que una clínica ofrezca un tratamiento no quiere decir que esté probado ni aprobado.",
        },
      ],
    },
    {
      id: "marketing",
      heading: "Se venden muchos productos sin aprobar",
      body: [
        {
          kind: "paragraph",
          text: "Muchas clínicas venden productos que llaman regenerativos. Entre ellos hay células madre, exosomas, líquido de la bolsa que rodea al bebé y sangre del cordón. La FDA advierte que si le cobran por esto fuera de un estudio, es probable que le estén engañando. Algunas personas han sufrido daños graves por ellos.",
        },
      ],
    },
    {
      id: "listing-is-not-approval",
      heading: "Estar en la lista no es estar aprobado",
      body: [
        {
          kind: "paragraph",
          text: "Las mismas personas que hacen un estudio lo anotan en ClinicalTrials.gov. Estar en la lista no quiere decir que la FDA u otra persona haya revisado el estudio. La FDA dice que algunas clínicas mandan a la gente a ver su ficha para que un producto parezca legal.",
        },
        {
          kind: "paragraph",
          text: "En 2017, un experto llamado Leigh Turner revisó esas fichas. Halló al menos 18 estudios de negocios de células madre que cobraban a las personas por entrar. Vea [pagar para entrar](/learn/listing-warnings#pay-to-participate).",
        },
      ],
    },
    {
      id: "guidelines",
      heading: "Guías internacionales",
      body: [
        {
          kind: "paragraph",
          text: "La Sociedad Internacional para la Investigación con Células Madre (ISSCR) es un grupo de científicos. Escribe reglas de buena práctica, llamadas guías. Dicen que los tratamientos nuevos con células se deben probar en estudios cuidadosos antes de venderlos a los pacientes.",
        },
      ],
    },
  ],
  sources: [FDA_REGEN_CONSUMER, FDA_WARNS, FDA_APPROVED_PRODUCTS, TURNER_2017, ISSCR_GUIDELINES, CTGOV].map(inSpanish),
};
