import { expect, type Page, test } from "@playwright/test";
import { e2eDatabaseForSpec } from "./from-setup";
import { axeViolations, cardIds, openSearch as open, ownWords, settled } from "./page-helpers";

// The search page in Spanish (issue 16, SPEC §11): /es/trials says everything in Spanish (filters,
// counts, cards, pager, map, the phone's filter panel, the message for a bad parameter, the print
// view) while the URL keeps the English parameter names, so a shared link works in either language,
// and the language switch keeps the search both ways. The record's own text stays English, marked so.

const db = e2eDatabaseForSpec();

// Words that are English and not Spanish: none may show in main outside the record's own text.
const ENGLISH =
  /\b(the|and|of|with|this|that|from|you|your|is|are|was|were|not|has|have|been|will|for|trial|trials|study|people|record|results|sites|site|started|ended|expected|phase|only|none|yet|more|added|removed|listed|posted|why|who|what|where|filters|search|sort|page|next|previous|map|list|loading|apply|clear|close|near|miles|sponsor|updated)\b/i;

async function noEnglish(page: Page) {
  // Addresses (the search's URL, clinicaltrials.gov/study/…) are not words.
  const text = (await ownWords(page, { attributes: true })).replace(/\S*\/\S*|\S+\.(gov|org|com)\b\S*/g, " ");
  expect(text.match(ENGLISH)?.[0], text).toBeUndefined();
  expect(text).not.toMatch(/\belegible\b|\beligible\b/i);
}

const count = async (where: string) => (await db.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM trial WHERE removed_at IS NULL AND 'cell-therapy' = ANY(therapy) AND ${where}`)).rows[0]!.n;

test("filters, counts and cards read in Spanish; a phase and a source change the results and the URL keeps its names", async ({ page }) => {
  await open(page, "/es/trials?status=any");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Busque un ensayo de terapia con células para el dolor de espalda y de disco");
  await expect(page.getByRole("form", { name: "Filtrar ensayos" })).toBeVisible();
  await expect(page.getByTestId("result-count")).toContainText(`${await count("true")} ensayos`);
  // The record's text (titles, sponsors, site names) is English, marked so; the card's own words are Spanish.
  const card = page.locator("li.card").first();
  await expect(card.locator("h3 a")).toHaveAttribute("lang", "en");
  await expect(card.locator("h3 a")).toHaveAttribute("href", /^\/es\/trials\/NCT\d{8}$/);
  await expect(card.locator(".card-foot")).toContainText(/Actualizado: \d{1,2} [a-z]{3,4}\.? \d{4}|Sin fecha de actualización/);
  await expect(page.locator("[data-filter-help-link=phase]")).toHaveText("Saber más");
  await expect(page.locator("[data-filter-help-link=phase]")).toHaveAttribute("href", /^\/es\/learn\//);
  await noEnglish(page);
  expect(await axeViolations(page)).toEqual([]);

  const before = await cardIds(page);
  await page.getByRole("checkbox", { name: /^Fase 2\b/ }).check();
  await settled(page);
  await expect(page).toHaveURL(/\/es\/trials\?phase=2&status=any$/);
  await expect(page.getByTestId("result-count")).toContainText(`${await count("phase && '{2}'")} ensayo`);
  expect(await cardIds(page)).not.toEqual(before);
  await page.getByRole("checkbox", { name: /^Médula ósea\b/ }).check();
  await settled(page);
  await expect(page).toHaveURL(/\/es\/trials\?source=bone-marrow&phase=2&status=any$/);
  await expect(page.getByTestId("result-count")).toContainText(`${await count("phase && '{2}' AND source && '{bone-marrow}'")} ensayo`);
  await page.getByRole("combobox", { name: "Ordenar por" }).selectOption("updated");
  await settled(page);
  await expect(page).toHaveURL(/\/es\/trials\?source=bone-marrow&phase=2&status=any&sort=updated$/);
  await noEnglish(page);
  // The CSV and print links keep the search; the print view is the Spanish one.
  await expect(page.getByTestId("print-link")).toHaveAttribute("href", "/es/trials/print?source=bone-marrow&phase=2&status=any&sort=updated");
  await expect(page.getByTestId("csv-link")).toHaveText("Descargar CSV (hoja de cálculo)");
  // "Follow this search" in Spanish.
  await expect(page.getByTestId("follow-search").locator("summary")).toHaveText("Seguir esta búsqueda");
});

test("with answers given, the cards say in Spanish what rules the patient out", async ({ page }) => {
  await open(page, "/es/trials?status=any");
  await page.getByRole("button", { name: "Contestar las preguntas" }).click();
  const form = page.getByRole("form", { name: "Preguntas para ver si podría participar" });
  await form.getByLabel("¿Qué edad tiene?").fill("15");
  await settled(page);
  const ruledOut = page.locator("li.card [data-fit='ruled-out']").first();
  await expect(ruledOut).toHaveText(/^Le deja fuera: la edad\b/);
  const ok = page.locator("li.card [data-fit='no-conflict']");
  for (const text of await ok.allInnerTexts()) expect(text).toMatch(/^Sin conflicto con sus respuestas · \d+ cosas? que preguntar$/);
  await noEnglish(page);
});

test("the pager and the map speak Spanish", async ({ page }) => {
  const total = await count("true");
  const pages = Math.ceil(total / 20);
  expect(pages).toBeGreaterThan(1);
  await open(page, "/es/trials?status=any");
  const pager = page.getByRole("navigation", { name: "Páginas de resultados" });
  await expect(pager).toContainText(`Página 1 de ${pages}`);
  const first = await cardIds(page);
  await pager.getByRole("link", { name: "Página siguiente →" }).click();
  await settled(page);
  await expect(page).toHaveURL(/\/es\/trials\?status=any&page=2$/);
  await expect(pager).toContainText(`Página 2 de ${pages}`);
  await expect(pager.getByRole("link", { name: "← Página anterior" })).toHaveAttribute("href", "/es/trials?status=any");
  expect(await cardIds(page)).not.toEqual(first);
  await noEnglish(page);

  await page.getByRole("group", { name: "Ver los resultados como" }).getByRole("button", { name: "Mapa" }).click();
  await expect(page).toHaveURL(/\/es\/trials\?status=any&page=2&view=map$/);
  await expect(page.getByRole("region", { name: "Mapa de los centros de los ensayos encontrados" })).toBeVisible();
  const { rows } = await db.client.query<{ sites: number; places: number }>(
    `SELECT count(*)::int AS sites, count(DISTINCT (s.lat, s.lon))::int AS places FROM site s JOIN trial t ON t.nct_id = s.nct_id
     WHERE t.removed_at IS NULL AND 'cell-therapy' = ANY(t.therapy) AND s.lat IS NOT NULL AND s.lon IS NOT NULL`,
  );
  await expect(page.getByTestId("map-summary")).toContainText(`${rows[0]!.sites} centros de los ensayos encontrados, en ${rows[0]!.places} lugares.`);
  await expect(page.locator("path.site-marker, path.site-cluster").first()).toBeAttached();
  // A place's tooltip says its trials in Spanish.
  const marker = page.locator("path.site-marker").first();
  if (await marker.count()) {
    await marker.hover({ force: true });
    await expect(page.locator(".leaflet-tooltip").first()).toContainText(/: \d+ ensayos?$/);
  }
  await noEnglish(page);
  expect(await axeViolations(page)).toEqual([]);
});

test("invalid parameters: a Spanish message naming each parameter, the other filters still applied", async ({ page }) => {
  await open(page, "/es/trials?phase=9&source=bone-marrow&status=any&near=Atlantisville&page=0");
  const alert = page.getByTestId("param-errors");
  await expect(alert).toContainText("Una parte de esta búsqueda no se pudo usar, así que se dejó fuera.");
  await expect(alert.locator("li[data-param=phase]")).toHaveText("phase: no conocemos el valor de «9». Valores posibles: early-1, 1, 2, 3, 4, na.");
  await expect(alert.locator("li[data-param=page]")).toHaveText("page: un número entero del 1 al 500.");
  await expect(alert.locator("li[data-param=near]")).toContainText("near: no encontramos «Atlantisville».");
  await expect(page.getByRole("checkbox", { name: /^Médula ósea\b/ })).toBeChecked();
  expect((await cardIds(page)).length).toBeGreaterThan(0);
  // Apart from the parameters' own names (as in the URL), the message is Spanish.
  const said = (await alert.innerText()).replace(/\b(phase|page|near|early-1|na)\b/g, "");
  expect(said.match(ENGLISH)?.[0], said).toBeUndefined();
  expect(await axeViolations(page)).toEqual([]);
  // The API's own words stay English.
  const api = await (await page.request.get("/api/trials?phase=9")).json();
  expect(api.errors[0]).toMatchObject({ param: "phase", code: "unknown-value", message: 'phase: unknown value "9"' });
});

test("the print view is in Spanish, the record's text marked English", async ({ page }) => {
  await page.goto("/es/trials/print?phase=1,2&status=any");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ensayos clínicos: lista impresa");
  await expect(page.getByRole("columnheader")).toHaveText(["Ensayo", "Estado y fase", "Células y vía", "Centro más cercano"]);
  const n = await count("phase && '{1,2}'");
  await expect(page.getByTestId("print-summary")).toContainText(`${n} ensayos. Lista impresa el `);
  await expect(page.getByRole("link", { name: "← Volver a la búsqueda" })).toHaveAttribute("href", "/es/trials?phase=1,2&status=any");
  expect(await page.locator(".print-table tbody tr").count()).toBe(n);
  await expect(page.locator(".print-table tbody tr td:first-child > span[lang=en]").first()).toBeAttached();
  await noEnglish(page);
  expect(await axeViolations(page)).toEqual([]);
  await page.goto("/es/trials/print?phase=9");
  await expect(page.getByTestId("print-left-out")).toHaveText("Se dejó fuera de esta búsqueda: phase: no conocemos el valor de «9».");
});

test("the language switch keeps the search both ways, also after filters change in the page", async ({ page }) => {
  await open(page, "/es/trials?phase=2&status=any");
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/trials\?phase=2&status=any$/);
  expect(new URL(page.url()).pathname).toBe("/trials");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("checkbox", { name: /^Phase 2\b/ })).toBeChecked();
  await expect(page.locator('[data-hydrated="true"]')).toBeAttached();
  // A filter chosen in the page (no reload) goes along too.
  await page.getByRole("checkbox", { name: /^Phase 3\b/ }).check();
  await settled(page);
  await expect(page).toHaveURL(/\/trials\?phase=2,3&status=any$/);
  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(/\/es\/trials\?phase=2,3&status=any$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("checkbox", { name: /^Fase 3\b/ })).toBeChecked();
});

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the filter panel opens, applies and clears in Spanish", async ({ page }) => {
    await open(page, "/es/trials?status=any");
    const toggle = page.getByTestId("filters-toggle");
    await expect(toggle).toHaveText("Filtros (1 activo)");
    await noEnglish(page);
    expect(await axeViolations(page)).toEqual([]);
    await toggle.click();
    const panel = page.getByRole("dialog", { name: "Filtros" });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("link", { name: "Cerrar" })).toBeVisible();
    await noEnglish(page);
    expect(await axeViolations(page)).toEqual([]);
    await panel.getByRole("checkbox", { name: /^Fase 2\b/ }).check();
    await panel.getByRole("button", { name: "Aplicar" }).click();
    await expect(panel).toBeHidden();
    await expect(page).toHaveURL(/\/es\/trials\?phase=2&status=any$/);
    await expect(toggle).toHaveText("Filtros (2 activos)");
    await expect(page.getByTestId("result-count")).toContainText(`${await count("phase && '{2}'")} ensayo`);
    await toggle.click();
    await page.getByRole("dialog", { name: "Filtros" }).getByRole("link", { name: "Quitar todos" }).click();
    await expect(page).toHaveURL(/\/es\/trials$/);
    await expect(toggle).toHaveText("Filtros (0 activos)");
    await expect(page.getByRole("dialog")).toHaveCount(0);
  });

  test("without JavaScript, Apply submits to the Spanish page", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/es/trials?status=any");
    await page.getByRole("link", { name: "Filtros (1 activo)" }).click();
    await page.getByRole("checkbox", { name: /^Fase 2\b/ }).check();
    await page.getByRole("button", { name: "Aplicar" }).click();
    await expect(page).toHaveURL(/\/es\/trials\?phase=2&status=any$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await context.close();
  });
});
