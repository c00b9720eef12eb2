import { expect, type Page, test } from "@playwright/test";
import { CHANGED_TRIAL } from "./changed-record";
import { e2eDatabaseForSpec } from "./from-setup";
import { axeViolations, ownWords } from "./page-helpers";

// The trial page in Spanish (issue 16, SPEC §11): /es/trials/{nctId} says everything in Spanish,
// keeps the ClinicalTrials.gov record's own text in English marked lang="en" with a note saying so,
// switches to the English page at the same address, and passes axe.

const db = e2eDatabaseForSpec();

async function firstTrial(where: string): Promise<string> {
  const { rows } = await db.client.query<{ nct_id: string }>(`SELECT nct_id FROM trial WHERE removed_at IS NULL AND ${where} ORDER BY nct_id LIMIT 1`);
  expect(rows.length, where).toBe(1);
  return rows[0]!.nct_id;
}

// Words that are English and not Spanish: none may show in main outside the record's own text.
const ENGLISH = /\b(the|and|of|with|this|that|from|you|your|is|are|was|were|not|has|have|been|will|for|trial|study|people|record|results|sites|started|ended|expected|phase|only|none|yet|more|added|removed|listed|posted|why|who|what|where)\b/i;

async function commonChecks(page: Page, id: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Datos principales" })).toBeVisible();
  await expect(page.getByTestId("record-language-note")).toHaveCount(1);
  await expect(page.getByTestId("record-language-note")).toContainText("en inglés");
  // The title and the criteria are the record's text: English, marked so.
  await expect(page.locator("h1")).toHaveAttribute("lang", "en");
  await expect(page.locator(".eligibility [data-kind][lang=en]").first()).toBeAttached();
  await expect(page.getByRole("heading", { name: "Requisitos para participar" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ver la ficha completa en ClinicalTrials.gov" })).toHaveAttribute("href", `https://clinicaltrials.gov/study/${id}`);
  const text = await ownWords(page, { skipTestId: "fit-view" });
  expect(text).toContain("Datos principales");
  expect(text).not.toContain(await page.locator("h1").innerText());
  expect(text.match(ENGLISH)?.[0], text).toBeUndefined();
  expect(text).not.toMatch(/\belegible\b|\beligible\b/i);
  expect(await axeViolations(page)).toEqual([]);
}

test("a trial with posted results reads in Spanish, with the record's text in English and marked so", async ({ page }) => {
  const id = await firstTrial("has_results");
  await page.goto(`/es/trials/${id}`);
  await commonChecks(page, id);
  const evidence = page.getByTestId("evidence");
  await expect(evidence.getByRole("heading", { name: "Lo que dice la ficha sobre los resultados" })).toBeVisible();
  await expect(evidence.getByRole("heading", { name: "Resultados publicados en ClinicalTrials.gov" })).toBeVisible();
  await expect(evidence.getByText("Su médico le puede ayudar a leerlos.", { exact: false })).toBeVisible();
  const outcome = page.getByTestId("primary-outcome").first();
  if (await outcome.count()) await expect(outcome.locator("h4")).toHaveAttribute("lang", "en");
  // Dates in Spanish form: "nov 2006", never "Nov 2006" or an ISO day.
  const dates = page.getByTestId("trial-dates");
  await expect(dates).toContainText(/Inicio|Fecha de inicio/);
  await expect(dates).not.toContainText(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);

  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(new RegExp(`/trials/${id}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Key facts" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What the record reports" })).toBeVisible();
  await expect(page.getByTestId("record-language-note")).toHaveCount(0);
  await expect(page.locator("main [lang=en]")).toHaveCount(0);
});

test("a trial with warning flags explains them in Spanish and links the explainer in Spanish", async ({ page }) => {
  const id = await firstTrial(`flags && ARRAY['stale','pay-to-participate','no-results']::text[]`);
  const { rows } = await db.client.query<{ flags: string[] }>("SELECT flags FROM trial WHERE nct_id = $1", [id]);
  await page.goto(`/es/trials/${id}?near=02115`);
  await commonChecks(page, id);
  await expect(page.getByRole("heading", { name: "Cosas que conviene revisar" })).toBeVisible();
  const flags = page.getByTestId("trial-flags");
  const spanish: Record<string, string> = {
    stale: "Pregunte al equipo del estudio si sigue en marcha.",
    "pay-to-participate": "Pregunte cuánto pagaría",
    "no-results": "No podemos decirle si el tratamiento sirvió.",
  };
  for (const f of rows[0]!.flags) if (spanish[f]) await expect(flags).toContainText(spanish[f]);
  await expect(flags.getByRole("link", { name: "Por qué importa" }).first()).toHaveAttribute("href", /^\/es\/learn\//);
  await expect(page.getByTestId("sites").locator("> li").first()).toContainText(/\d+ millas/);
  await expect(page.getByRole("link", { name: "← Volver a la búsqueda de ensayos" })).toHaveAttribute("href", "/es/trials");

  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(new RegExp(`/trials/${id}\\?near=02115$`));
  await expect(page.getByRole("heading", { name: "Things to double-check" })).toBeVisible();
});

test("what changed reads in Spanish, the place names kept as record text", async ({ page }) => {
  await page.goto(`/es/trials/${CHANGED_TRIAL}`);
  const section = page.getByTestId("what-changed");
  await expect(section.getByRole("heading", { name: "Qué cambió" })).toBeVisible();
  const item = section.getByRole("listitem").first();
  await expect(item).toHaveText(/^\d{1,2} [a-z]{3,4} \d{4}: 2 centros nuevos: Boston, Denver$/);
  await expect(item.locator("[lang=en]")).toHaveText("Boston, Denver");
});
