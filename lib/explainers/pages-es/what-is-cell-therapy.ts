import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, FDA_REGEN_CONSUMER, ISSCR_PATIENTS, MAYO_BACK_PAIN_STUDIES, MAYO_STEM_CELLS, NIH_HEAL } from "../sources";
import { inSpanish } from "../sources-es";

export const whatIsCellTherapy: ExplainerPage = {
  slug: "what-is-cell-therapy",
  title: "¿Qué es la terapia con células para el dolor de espalda?",
  summary: "Qué es este tratamiento, qué busca lograr y qué tipos de tratamiento verá en los estudios.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "in-short",
      heading: "En pocas palabras",
      body: [
        {
          kind: "callout",
          tone: "info",
          text: "La terapia con células para el dolor de espalda todavía está en prueba. La FDA no ha aprobado ningún producto de células madre para el dolor de espalda ni para los discos. Los estudios sirven para saber si es seguro y si ayuda.",
        },
      ],
    },
    {
      id: "discs",
      heading: "Qué son los discos de la espalda",
      body: [
        {
          kind: "paragraph",
          text: "La columna es una pila de huesos. Se llaman vértebras. Entre cada par de huesos hay un disco. El disco es como un cojín blando. Tiene un aro duro por fuera y un centro como de gel. Los discos dejan que la espalda se doble y gire. También frenan los golpes cuando usted se mueve.",
        },
        {
          kind: "paragraph",
          text: "Con la edad o con una lesión, un disco se puede secar, perder altura y romperse. Los médicos lo llaman desgaste del disco o enfermedad degenerativa del disco. No siempre duele. Cuando duele, puede causar dolor de espalda que no se va y una espalda rígida.",
        },
      ],
    },
    {
      id: "what-it-is",
      heading: "Qué es la terapia con células",
      body: [
        {
          kind: "paragraph",
          text: "En esta terapia, un médico pone células vivas con una aguja en un disco gastado o cerca de él. La mayoría de los estudios usan un tipo de célula madre llamada mesenquimal. Su sigla en inglés es MSC. Las células pueden venir de la médula de los huesos, de la grasa o de otro tejido. En [de dónde vienen las células](/learn/cell-sources) se explica cada opción.",
        },
        {
          kind: "paragraph",
          text: "Tal vez oiga también el nombre de medicina regenerativa. Incluye la terapia con células y otros tratamientos hechos de tejido vivo. Grandes centros, como la Mayo Clinic, han estudiado si las MSC son seguras para el dolor de la parte baja de la espalda y si ayudan.",
        },
      ],
    },
    {
      id: "how-it-is-meant-to-work",
      heading: "Cómo se espera que actúe",
      body: [
        { kind: "paragraph", text: "Los científicos esperan que las células ayuden de tres formas:" },
        {
          kind: "list",
          items: [
            "Reparar: las células tal vez se vuelvan como las de un disco sano y ayuden a rehacerlo.",
            "Calmar la hinchazón: las células mandan señales que pueden bajar la inflamación. La inflamación es la hinchazón y el dolor con que el cuerpo responde a un daño.",
            "Ayudar al cuerpo a sanar solo: las células sueltan factores de crecimiento y otras señales. Estas pueden ayudar a sanar a las células de al lado.",
          ],
        },
        {
          kind: "paragraph",
          text: "Son ideas que vienen del laboratorio y de los primeros estudios en personas. Los estudios ponen a prueba si se cumplen. Vea [lo que se sabe hasta ahora](/learn/evidence).",
        },
      ],
    },
    {
      id: "treatment-types",
      heading: "Tipos de tratamiento en los estudios",
      body: [
        {
          kind: "paragraph",
          text: "Un estudio de este sitio puede probar uno o más de los tipos de abajo. Por ejemplo, un grupo puede recibir células y otro grupo PRP.",
        },
      ],
    },
    {
      id: "cell-therapy",
      heading: "Terapia con células",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Se ponen células vivas. Es el tema central de este sitio. Las células pueden ser suyas o de un donante. Vea [sus propias células o las de un donante](/learn/cell-sources#own-or-donor).",
        },
      ],
    },
    {
      id: "prp",
      heading: "Plasma rico en plaquetas (PRP)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "El PRP se hace con su propia sangre. Una máquina gira la sangre para juntar las plaquetas. Las plaquetas son trocitos de la sangre que la ayudan a cuajar, y llevan factores de crecimiento. Unos estudios dan solo PRP. Otros lo mezclan con células. El lisado de plaquetas y la fibrina rica en plaquetas son parientes del PRP.",
        },
      ],
    },
    {
      id: "acellular-biologic",
      heading: "Productos biológicos sin células vivas",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Hay productos hechos de tejido vivo que no tienen células vivas. Por ejemplo, tejido de la bolsa que rodea al bebé (el amnios) o del cordón umbilical, factores de crecimiento hechos en un laboratorio, y exosomas. Los exosomas son paquetes muy pequeños que sueltan las células. La FDA advierte que muchos de estos productos se venden sin aprobación.",
        },
      ],
    },
    {
      id: "other-treatments",
      heading: "Otros tratamientos",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Hay estudios que prueban o comparan otro tipo de atención, como un fármaco, una cirugía, un aparato o ejercicio. En este sitio se agrupan como otros tratamientos. Vea [cómo se compara con otros tratamientos](/learn/other-treatments).",
        },
      ],
    },
  ],
  sources: [MAYO_STEM_CELLS, MAYO_BACK_PAIN_STUDIES, ISSCR_PATIENTS, FDA_REGEN_CONSUMER, AAOS_ORTHOINFO, NIH_HEAL].map(inSpanish),
};
