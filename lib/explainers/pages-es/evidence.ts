import type { ExplainerPage } from "../schema";
import { AMBROSIO_2024, CORD_MSC_SEARCH, DISCGENICS_TRIALS, ISSCR_PATIENTS, MAYO_BACK_PAIN_STUDIES, NIH_HEAL, REVIEW_2022_SEARCH } from "../sources";
import { inSpanish, trialRecordEs } from "../sources-es";

export const evidence: ExplainerPage = {
  slug: "evidence",
  title: "Lo que se sabe hasta ahora",
  summary: "Lo que han hallado los estudios de terapia con células para el dolor de espalda, con las cifras y sus límites.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "in-short",
      heading: "En pocas palabras",
      body: [
        {
          kind: "callout",
          tone: "info",
          text: "Algunos estudios dicen que hubo menos dolor después de las inyecciones de células. Pero casi todos los estudios son pequeños, y muchos nunca se publican. Ningún estudio ha llevado aún a la FDA a aprobar un producto de células para el dolor de espalda.",
        },
      ],
    },
    {
      id: "trial-results",
      heading: "Lo que dicen los estudios",
      body: [
        {
          kind: "list",
          items: [
            "Un estudio de fase 2 con células de médula ósea de donante tuvo 100 personas. Dijo que una sola inyección en el disco bajó el dolor de la parte baja de la espalda por al menos 12 meses ([registro del estudio](https://clinicaltrials.gov/study/NCT01290367)).",
            "Los primeros datos de un estudio de este tipo miraron a quién le bajó el dolor a la mitad o más. A los 12 meses, hubo más personas con este resultado entre las que recibieron MSC en el disco que en el grupo de control.",
            "Los estudios con MSC del tejido del cordón umbilical dicen que hubo más alivio del dolor y mejor vida diaria. Los autores dicen que hacen falta más estudios.",
            "Una revisión de 2022 de muchos estudios halló que las inyecciones de células madre para el dolor de la parte baja de la espalda dieron buen resultado en unas 41 de cada 100 personas (40,7 %) a los seis meses. Solo 30 de cada 100 dijeron que podían hacer más cosas en su vida diaria.",
          ],
        },
      ],
    },
    {
      id: "limits",
      heading: "Lo que estas cifras no le dicen",
      body: [
        {
          kind: "list",
          items: [
            "Casi todos los estudios son pequeños, a menudo con menos de 100 personas. En un estudio pequeño, un resultado puede salir por pura suerte.",
            "Muchos estudios no tenían un grupo con placebo. La gente a menudo se siente mejor tras cualquier inyección, aun una falsa, así que un estudio necesita una comparación justa.",
            "Casi todos los estudios siguieron a las personas poco tiempo. Se sabe poco de lo que pasa después de unos años.",
            "Tener menos dolor no prueba que el disco se haya reparado.",
            "El dato de una revisión es un promedio de distintas células, dosis y personas. No le puede decir lo que le va a pasar a usted.",
          ],
        },
      ],
    },
    {
      id: "unpublished",
      heading: "Muchos estudios nunca dan a conocer sus resultados",
      body: [
        {
          kind: "paragraph",
          text: "Una revisión de 2024 de Ambrosio y otros miró 26 estudios anotados de terapia con células para el dolor de espalda de larga duración por discos gastados. Solo 7 de ellos, más o menos 1 de cada 4 (27 %), se habían publicado. Ninguno de los otros que estaban marcados como terminados había puesto sus resultados en ClinicalTrials.gov.",
        },
        {
          kind: "paragraph",
          text: "Cuando los resultados quedan ocultos, nadie puede saber si un tratamiento ayudó o hizo daño. Por eso este sitio marca los estudios [sin resultados publicados](/learn/listing-warnings#no-results).",
        },
      ],
    },
    {
      id: "late-stage",
      heading: "Estudios en fases más avanzadas",
      body: [
        { kind: "paragraph", text: "Unos pocos productos han llegado a estudios más grandes. Estos son ejemplos, no una lista completa:" },
        {
          kind: "list",
          items: [
            "Rexlemestrocel-L se hace con células de médula ósea de donante. Se inyecta en el disco. Un estudio de fase 3 con unas 400 personas ya terminó ([primer registro](https://clinicaltrials.gov/study/NCT02412735)). Un segundo estudio de fase 3 para confirmar los resultados ya empezó ([segundo registro](https://clinicaltrials.gov/study/NCT06325566)).",
            "BRTX-100 usa células de la médula ósea de la misma persona. Su [registro](https://clinicaltrials.gov/study/NCT04042844) dice que es de fase 2.",
            "DiscGenics prueba células cultivadas de tejido de disco donado en estudios de fases más avanzadas.",
          ],
        },
        {
          kind: "paragraph",
          text: "La FDA también dio permiso para un estudio de fase 3 de un producto de células en inyección para el dolor de espalda por discos gastados, con hasta 400 personas. Dar permiso para empezar un estudio no es lo mismo que aprobar un tratamiento. Vea [qué son las fases de un estudio](/learn/trial-phases).",
        },
      ],
    },
    {
      id: "why-results-vary",
      heading: "Por qué los resultados cambian de una persona a otra",
      body: [
        {
          kind: "paragraph",
          text: "Los resultados parecen depender de qué tan gastado está el disco, de la edad y la salud, del tipo de célula, de cómo y dónde se pone la inyección y del cuerpo de cada persona. Esta es una de las razones por las que los estudios tienen reglas estrictas sobre quién puede entrar.",
        },
      ],
    },
    {
      id: "who-funds-research",
      heading: "Quién paga estos estudios",
      body: [
        {
          kind: "paragraph",
          text: "En la revisión de 2024, la mitad de los estudios los pagaron universidades. Unos 4 de cada 10 los pagaron empresas, y el resto grupos privados. En Estados Unidos, la iniciativa NIH HEAL paga estudios sobre cómo rehacer los discos y evitar el dolor de espalda que viene de ellos.",
        },
      ],
    },
  ],
  sources: [
    inSpanish(AMBROSIO_2024),
    trialRecordEs("NCT01290367", "estudio de fase 2 con células de médula ósea de donante, 100 personas"),
    trialRecordEs("NCT02412735", "estudio de fase 3 de rexlemestrocel-L"),
    trialRecordEs("NCT06325566", "segundo estudio de fase 3 de rexlemestrocel-L"),
    trialRecordEs("NCT04042844", "estudio de BRTX-100"),
    ...[DISCGENICS_TRIALS, CORD_MSC_SEARCH, REVIEW_2022_SEARCH, MAYO_BACK_PAIN_STUDIES, NIH_HEAL, ISSCR_PATIENTS].map(inSpanish),
  ],
};
