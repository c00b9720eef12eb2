import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, DISCGENICS_TRIALS, FDA_REGEN_CONSUMER, ISSCR_PATIENTS, MAYO_STEM_CELLS } from "../sources";
import { inSpanish } from "../sources-es";

export const cellSources: ExplainerPage = {
  slug: "cell-sources",
  title: "De dónde vienen las células",
  summary: "La médula ósea, la grasa, el cordón umbilical y otras fuentes, y la diferencia entre sus propias células y las de un donante.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Por qué importa de dónde vienen",
      body: [
        {
          kind: "paragraph",
          text: "Las células de los estudios de dolor de espalda vienen de varias partes del cuerpo. La fuente cambia cómo se sacan las células, cómo es la visita y cuánto puede costar. Ninguna fuente ha dado mejores resultados que las otras para el dolor de espalda.",
        },
      ],
    },
    {
      id: "common-sources",
      heading: "De dónde se sacan las células",
      body: [
        {
          kind: "paragraph",
          text: "El registro de un estudio casi siempre dice de dónde vienen sus células. Estas son las fuentes que verá en este sitio.",
        },
      ],
    },
    {
      id: "bone-marrow",
      heading: "Médula ósea",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "La médula ósea es el tejido blando que hay dentro de los huesos. Para el dolor de espalda, casi siempre se saca con una aguja de la parte de atrás del hueso de la cadera. Antes se duerme la piel. Las células se pueden girar en una máquina para hacer una mezcla espesa, llamada concentrado. También se pueden cultivar en un laboratorio para tener más. Algunos productos, como las células precursoras mesenquimales, también vienen de la médula ósea.",
        },
      ],
    },
    {
      id: "adipose",
      heading: "Grasa (tejido adiposo)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "La grasa se puede sacar con una liposucción pequeña, a menudo del vientre. Luego se separan las células de la grasa. Adiposo es la palabra médica para grasa. También puede ver los nombres fracción vascular del estroma o grasa microfragmentada.",
        },
      ],
    },
    {
      id: "umbilical-cord",
      heading: "Cordón umbilical",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Algunos estudios usan células del cordón umbilical que los padres donan tras un parto sano. Puede ser el tejido del cordón, que también se llama gelatina de Wharton, o la sangre del cordón. Estas células son siempre de un donante.",
        },
      ],
    },
    {
      id: "placenta-amnion",
      heading: "Placenta y amnios",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "La placenta y el amnios, la bolsa que rodea al bebé, también se pueden donar tras el parto. Algunos productos hechos con ellos tienen células vivas. Otros no.",
        },
      ],
    },
    {
      id: "disc-or-cartilage",
      heading: "Células de disco o de cartílago",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Algunos tratamientos usan células sacadas de tejido del disco o del cartílago. El cartílago es el tejido liso de las coyunturas. Una empresa, DiscGenics, cultiva células de tejido de disco donado por adultos y las prueba en estudios.",
        },
      ],
    },
    {
      id: "peripheral-blood",
      heading: "Células madre de la sangre",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Se pueden sacar células madre de la sangre del brazo, después de que un fármaco las empuja fuera de la médula ósea. Los médicos lo llaman sangre periférica. Es raro en los estudios de dolor de espalda.",
        },
      ],
    },
    {
      id: "pluripotent",
      heading: "Células madre pluripotentes",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Las células pluripotentes se pueden volver casi cualquier tipo de célula. Entre ellas están las células madre de embriones y las que se hacen en un laboratorio a partir de células de adulto, llamadas iPSC. Para los discos, aún están en las primeras etapas de estudio.",
        },
      ],
    },
    {
      id: "other-tissue",
      heading: "Otras fuentes",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Unos pocos estudios usan células de otro tejido, como la pulpa de los dientes, el músculo, la piel o la sangre menstrual.",
        },
      ],
    },
    {
      id: "unspecified",
      heading: "Fuente no indicada",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Algunos registros dicen que se dan células, pero no de dónde vienen. Si un estudio así le interesa, pregunte al equipo del estudio.",
        },
      ],
    },
    {
      id: "own-or-donor",
      heading: "Sus propias células o las de un donante",
      body: [
        {
          kind: "paragraph",
          text: "Las células pueden venir de usted o de otra persona. Los registros usan dos palabras largas para esto: autólogas y alogénicas.",
        },
      ],
    },
    {
      id: "autologous",
      heading: "Sus propias células (autólogas)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Autólogas quiere decir que las células vienen de su propio cuerpo. Primero hay que sacarlas, por ejemplo del hueso de la cadera o del vientre. Eso suma un paso y algo de dolor donde se sacaron. Es menos probable que su cuerpo reaccione contra sus propias células.",
        },
      ],
    },
    {
      id: "allogeneic",
      heading: "Células de donante (alogénicas)",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Alogénicas quiere decir que las células vienen de un donante. A menudo se preparan antes, se revisan y se guardan, así que están listas para usar. Usted se salta el paso de sacar células. Las reacciones alérgicas son más probables que con sus propias células, pero siguen siendo raras.",
        },
      ],
    },
    {
      id: "mixed",
      heading: "Células propias y de donante",
      level: 3,
      body: [
        {
          kind: "paragraph",
          text: "Unos pocos estudios dan a la vez sus propias células y células de donante. En este sitio, estos estudios salen cuando busca cualquiera de los dos tipos.",
        },
      ],
    },
  ],
  sources: [ISSCR_PATIENTS, MAYO_STEM_CELLS, FDA_REGEN_CONSUMER, AAOS_ORTHOINFO, DISCGENICS_TRIALS].map(inSpanish),
};
