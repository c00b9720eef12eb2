import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";

// Following a search from the Spanish site (SPEC §10, §11, issue 16): the confirm and unsubscribe
// pages under /es/alerts/… in Spanish, their buttons leading back to the Spanish pages, and the
// "Follow this search" form on /es/trials in Spanish.

const axe = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

const TOKEN = "B".repeat(43);

test("the Spanish confirm page asks in Spanish, and its button leads back to the Spanish page", async ({ page }) => {
  await page.goto(`/es/alerts/confirm?token=${TOKEN}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirme su alerta de estudios");
  await expect(page).toHaveTitle(/^Confirme su alerta de estudios/);
  await expect(page.getByRole("link", { name: "Volver a la búsqueda de estudios" })).toHaveAttribute("href", "/es/trials");
  expect(await axe(page)).toEqual([]);
  await page.getByRole("button", { name: "Activar mi alerta" }).click();
  await expect(page).toHaveURL(/\/es\/alerts\/confirm\?status=invalid$/);
  await expect(page.getByTestId("alert-outcome")).toHaveText(/ya se usó o ya venció/);
  expect(await axe(page)).toEqual([]);
});

test("the Spanish unsubscribe page asks in Spanish, and its button leads back to the Spanish page", async ({ page }) => {
  await page.goto(`/es/alerts/unsubscribe?token=${TOKEN}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dejar de recibir alertas de estudios");
  await page.getByRole("button", { name: "No enviarme más correos" }).click();
  await expect(page).toHaveURL(/\/es\/alerts\/unsubscribe\?status=invalid$/);
  await expect(page.getByTestId("alert-outcome")).toHaveText("Este enlace ya se usó, o la alerta ya no existe.");
  expect(await axe(page)).toEqual([]);
});

test("a Spanish alert page opened without its link says so in Spanish; the English page is unchanged", async ({ page }) => {
  await page.goto("/es/alerts/confirm");
  await expect(page.getByRole("status")).toHaveText("Esta página necesita el enlace de su correo.");
  await page.goto("/alerts/confirm");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("status")).toHaveText("This page needs the link from your email.");
  await expect(page.getByRole("link", { name: "Back to trial search" })).toHaveAttribute("href", "/trials");
});
