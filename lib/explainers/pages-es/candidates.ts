import type { ExplainerPage } from "../schema";
import { AAOS_ORTHOINFO, CTGOV_LEARN, NASS, NIH_TRIALS_BASICS } from "../sources";
import { inSpanish, trialRecordEs } from "../sources-es";

export const candidates: ExplainerPage = {
  slug: "candidates",
  title: "A quién suelen buscar los estudios",
  summary: "A quién suelen buscar los estudios de terapia con células, y a quién no suelen aceptar.",
  lastReviewed: "2026-12-06",
  sections: [
    {
      id: "overview",
      heading: "Cada estudio tiene sus propias reglas",
      body: [
        {
          kind: "paragraph",
          text: "Cada estudio pone reglas sobre quién puede entrar. Se llaman criterios de inclusión y de exclusión, y están en el registro del estudio. Las listas de abajo muestran lo que se ve a menudo, no las reglas de un estudio en concreto. Solo un médico que conoce su salud puede decir si un tratamiento podría ser para usted. Y es el equipo del estudio quien decide quién entra.",
        },
      ],
    },
    {
      id: "usually-included",
      heading: "A quién suelen aceptar",
      body: [
        {
          kind: "list",
          items: [
            "Personas con enfermedad degenerativa del disco que se ve en una imagen",
            "Personas con dolor en la parte baja de la espalda desde hace más de tres meses. Algunos estudios piden seis meses o más.",
            "Personas con discos gastados de forma leve o moderada. Los discos muy gastados tienden a responder menos.",
            "Personas que ya probaron la terapia física y las medicinas sin alivio suficiente",
            "Personas que esperan evitar o retrasar una cirugía",
          ],
        },
      ],
    },
    {
      id: "usually-excluded",
      heading: "A quién no suelen aceptar",
      body: [
        {
          kind: "list",
          items: [
            "Personas con una columna muy inestable, con huesos que se salen de su lugar",
            "Personas que tienen una infección ahora",
            "Personas con algunas enfermedades autoinmunes, en las que las defensas del cuerpo atacan su propio tejido",
            "Personas con discos muy gastados y un gran daño en la forma de la columna",
          ],
        },
        {
          kind: "paragraph",
          text: "Los estudios a menudo tienen otras reglas, como un rango de edad o límites sobre cirugías de espalda que ya tuvo.",
        },
      ],
    },
    {
      id: "reading-criteria",
      heading: "Cómo leer las reglas de un estudio",
      body: [
        {
          kind: "paragraph",
          text: "El registro tiene criterios de inclusión, que hay que cumplir, y criterios de exclusión, que dejan a una persona fuera. A menudo dicen un rango de edad, cuánto tiempo lleva el dolor, qué muestran las imágenes y qué tratamientos ya probó. Las reglas ayudan a cuidar su salud y a que los resultados sean claros. Si no entiende una palabra, pida al contacto del estudio que se la explique.",
        },
      ],
    },
    {
      id: "your-doctor",
      heading: "Hablar con su médico",
      body: [
        {
          kind: "paragraph",
          text: "Lleve el registro del estudio a su médico. Pregúntele si sus imágenes y su historia de salud van con las reglas del estudio. Su médico también le puede hablar de otros tratamientos que tal vez le vayan mejor. Vea [preguntas para hacer](/learn/choosing-a-provider#questions-to-ask).",
        },
      ],
    },
  ],
  sources: [
    ...[NASS, AAOS_ORTHOINFO, CTGOV_LEARN, NIH_TRIALS_BASICS].map(inSpanish),
    trialRecordEs("NCT04042844", "un ejemplo de las reglas de un estudio para saber quién puede entrar"),
  ],
};
