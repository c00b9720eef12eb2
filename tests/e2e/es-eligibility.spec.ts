import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { e2eServerLog } from "./from-setup";
import { axeViolations, openSearch as open, settled, watchRequests as watch } from "./page-helpers";

// The "Could I join?" self-check in Spanish (issue 16, SPEC §9 and §11) in Chromium against the
// production build: on /es/trials the questions, their choices, hints and errors are in Spanish and
// take a decimal comma; the results on the cards and on /es/trials/{id} are in Spanish beside the
// record's own words (marked as English); no answer reaches a URL or the server's log; axe is clean.
// English is unchanged: tests/e2e/eligibility.spec.ts.

/** Typed the Spanish way; an age no trial, id, date or count on these pages would show by chance. */
const AGE_TYPED = "13,25";
const AGE = "13.25";

test("the questions and results are in Spanish on /es/trials and a trial's page, and no answer reaches a URL or the log", async ({ page }) => {
  // Two pages, a dozen answers and an axe run: longer than the default on a busy machine.
  test.slow();
  const seen = watch(page);
  await open(page, "/es/trials?status=any");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const box = page.locator("#could-i-join");
  await expect(box.getByRole("heading", { name: "¿Podría participar?" })).toBeVisible();
  await expect(box).toContainText("Sus respuestas se quedan en este navegador");
  await expect(box.getByRole("checkbox", { name: "Recordar mis respuestas en este dispositivo" })).not.toBeChecked();

  await box.getByRole("button", { name: "Contestar las preguntas" }).click();
  const form = page.getByRole("form", { name: "Preguntas para ver si podría participar" });
  await expect(form.getByRole("group", { name: "Sobre usted" })).toBeVisible();
  await form.getByLabel("¿Qué edad tiene?").fill(AGE_TYPED);
  await form.getByRole("group", { name: "¿Fuma o usa nicotina?" }).getByLabel("Sí", { exact: true }).check();
  await form.getByRole("group", { name: "¿Tiene diabetes?" }).getByLabel("No tengo").check();
  // A number out of range says so in Spanish, and is not sent.
  const discs = form.getByLabel("Según su médico, ¿cuántos discos le causan el dolor?");
  await discs.fill("2,5");
  await expect(form.getByText("Escriba un número entero del 0 al 30.")).toBeVisible();
  await discs.fill("");
  await settled(page);
  await expect(box.getByRole("button", { name: "Ocultar las preguntas" })).toBeVisible();
  await expect(box.getByRole("button", { name: "Borrar mis respuestas" })).toBeVisible();
  await expect(box.getByRole("checkbox", { name: "Ocultar los estudios que me dejan fuera" })).toBeVisible();
  await expect(form).not.toContainText(/How old|Skip|Answer only/);

  // The cards mark the trials the answers conflict with. (Their words are the /trials page's, from its
  // own catalogue: tests/e2e/es-trials.spec.ts; the phrase and names here match the trial page's.)
  const ruledOut = page.locator("li.card:has([data-fit='ruled-out'])").first();
  await expect(ruledOut.locator("[data-fit]")).toBeVisible();
  const id = await ruledOut.getAttribute("data-nct");
  expect(id).toMatch(/^NCT\d{8}$/);

  // The answers live in this tab: the trial's Spanish page compares them.
  await page.goto(`/es/trials/${id}`);
  const view = page.getByTestId("fit-view");
  await expect(view.getByRole("heading", { name: "¿Podría participar?" })).toBeVisible();
  await expect(view).toContainText("Se compara con 3 respuestas suyas de la página de búsqueda.");
  await expect(view.getByRole("link", { name: "Cambiar sus respuestas" })).toHaveAttribute("href", "/es/trials#could-i-join");
  await expect(view.locator("[data-fit='ruled-out']")).toContainText("Le deja fuera: la edad");
  const age = view.locator("li[data-question='age']");
  await expect(age).toHaveAttribute("data-result", "fails");
  await expect(age.locator(".result-label")).toHaveText("Le deja fuera");
  await expect(age).toContainText("Su respuesta sobre la edad choca con esta regla del registro.");
  // The record's words stay as written, marked as English.
  await expect(age.locator(".record-words")).toContainText("El registro dice:");
  await expect(age.locator(".record-words [lang='en']")).toHaveCount(1);
  await expect(page.getByTestId("questions-to-ask").getByRole("heading", { name: "Preguntas para el equipo del estudio" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Imprimir estas preguntas" })).toBeVisible();
  await expect(view).not.toContainText(/Rules you out|No conflict|Ask the study team|The record says|You said|You answered/);
  expect(await axeViolations(page)).toEqual([]);

  expect(page.url()).not.toContain(AGE);
  for (const url of seen.urls) {
    expect(decodeURIComponent(url)).not.toContain(AGE);
    expect(decodeURIComponent(url)).not.toContain(AGE_TYPED);
  }
  expect(seen.bodies.some((b) => b.includes(`"age":${AGE}`))).toBe(true);
  const log = readFileSync(e2eServerLog(), "utf8");
  expect(log).not.toContain(AGE);
  expect(log).not.toContain(AGE_TYPED);
});

test("BMI is worked out in the browser with Spanish numbers, the questions can be forgotten, and axe finds no violations", async ({ page }) => {
  test.slow();
  const seen = watch(page);
  await open(page, "/es/trials?status=any");
  const box = page.locator("#could-i-join");
  await box.getByRole("button", { name: "Contestar las preguntas" }).click();
  const bmi = page.getByRole("group", { name: "Índice de masa corporal (IMC)" });
  await expect(bmi).toContainText("El cálculo se hace aquí, en su navegador");
  await expect(page.getByTestId("bmi-value")).toHaveText("IMC: sin dato");
  await bmi.getByLabel("Estatura").fill("170");
  await bmi.getByLabel("Peso").fill("85,5");
  await expect(page.getByTestId("bmi-value")).toContainText("IMC: 29,6");
  await bmi.getByLabel("Unidades").selectOption({ label: "pulgadas y libras" });
  await expect(bmi).toContainText("pulg.");
  await bmi.getByLabel("Unidades").selectOption({ label: "cm y kg" });
  const injection = page.getByRole("group", { name: /¿Hace cuántas semanas fue su última inyección/ });
  await injection.getByLabel("Nunca me han puesto una").check();
  await settled(page);
  await expect(page.locator("li.card [data-fit]").first()).toBeVisible();
  // Height and weight never leave the browser; the BMI does, in a POST body only.
  for (const body of seen.bodies) expect(body).not.toMatch(/170|85[.,]5/);
  expect(seen.bodies.some((b) => b.includes('"bmi":29.6'))).toBe(true);
  expect(await axeViolations(page)).toEqual([]);

  await box.getByRole("button", { name: "Borrar mis respuestas" }).click();
  await settled(page);
  await expect(page.locator("li.card [data-fit]")).toHaveCount(0);
  expect(await page.evaluate(() => [localStorage.getItem("dtf-eligibility"), sessionStorage.getItem("dtf-eligibility")])).toEqual([null, null]);
});
