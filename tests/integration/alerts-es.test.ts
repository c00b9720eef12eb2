import { beforeAll, describe, expect, it } from "vitest";

import { POST as subscribeRoute } from "../../app/api/alerts/route";
import { POST as confirmRoute } from "../../app/api/alerts/confirm/route";
import { POST as unsubscribeRoute } from "../../app/api/alerts/unsubscribe/route";
import { resetSubscribeLimits } from "../../lib/alerts/rate-limit";
import { rawHeader } from "./helpers/smtp";
import { captureLog, MAIL_ORIGIN, mailWorld } from "./helpers/world";

// Alerts asked for from a Spanish page (SPEC §10, §11, issue 16): the alert keeps its language, its
// confirmation email and digests are in Spanish with links to /es pages, and the confirm and
// unsubscribe buttons lead back to the Spanish pages. Route handlers, real syncs from the stand-in, a
// real database and a real SMTP server in this process.

const world = mailWorld();
const logLines = captureLog();

const ADDRESS = "Paciente.Uno@Example.org";
const ENGLISH_ADDRESS = "english.reader@example.org";
const ORIGIN = MAIL_ORIGIN;
const BRTX = "NCT04042844";
let client = 0;

const post = (route: (r: Request) => Promise<Response>, path: string, body: BodyInit, headers: Record<string, string>) =>
  route(new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { "x-forwarded-for": `10.1.0.${++client % 250}`, ...headers } }));
const subscribe = (body: object) => post(subscribeRoute, "/api/alerts", JSON.stringify(body), { "content-type": "application/json" });
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const linkIn = (text: string, path: string) => new RegExp(`${ORIGIN}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
const to = (m: (typeof world.inbox.messages)[number]) => (m.to && "text" in m.to ? m.to.text : "").toLowerCase();
const mailsTo = (address: string) => world.inbox.messages.filter((m) => to(m) === address.toLowerCase());

beforeAll(async () => {
  resetSubscribeLimits();
  await world.sync();
});

describe("email alerts in Spanish", () => {
  let confirmToken = "";

  it("refuses a language it does not have with a 400 naming locale, and stores nothing", async () => {
    const res = await subscribe({ email: ADDRESS, query: "status=any", locale: "fr" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors.map((e: { param: string }) => e.param)).toEqual(["locale"]);
    expect(body.errors[0].message).toMatch(/^locale /);
    expect(await world.database.prisma.alert.count()).toBe(0);
    expect(world.inbox.messages).toHaveLength(0);
  });

  it("a request from a Spanish page gets a Spanish confirmation email with links to /es pages", async () => {
    const res = await subscribe({ email: ADDRESS, query: "status=any", locale: "es" });
    expect(res.status).toBe(202);
    const [mail, ...rest] = mailsTo(ADDRESS);
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toBe("Confirme su alerta de estudios");
    const text = mail!.text ?? "";
    expect(text).toContain("Para activar las alertas, abra este enlace y pulse el botón:");
    expect(text).toContain(`${ORIGIN}/es/trials?status=any`);
    confirmToken = linkIn(text, "/es/alerts/confirm")!;
    expect(confirmToken).toBeTruthy();
    expect(linkIn(String(mail!.html), "/es/alerts/confirm")).toBe(confirmToken);
    expect(linkIn(text, "/es/alerts/unsubscribe")).toBeTruthy();
    expect(String(mail!.html)).toContain('<html lang="es">');
    // No link to an English page, and the one-click address is the API's, which has no language.
    expect(text).not.toMatch(new RegExp(`${ORIGIN}/(trials|alerts)`));
    const raw = world.inbox.raw[world.inbox.messages.indexOf(mail!)]!;
    expect(rawHeader(raw, "List-Unsubscribe")).toMatch(new RegExp(`^<${ORIGIN}/api/alerts/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`));
    expect(await world.database.prisma.alert.findFirstOrThrow()).toMatchObject({ locale: "es" });
  });

  it("the Spanish page's button confirms and sends the visitor back to the Spanish page", async () => {
    const res = await post(confirmRoute, "/api/alerts/confirm", new URLSearchParams({ token: confirmToken, locale: "es" }).toString(), FORM);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/es/alerts/confirm?status=confirmed");
    // A language the site does not have falls back to the English page rather than failing.
    const again = await post(confirmRoute, "/api/alerts/confirm", new URLSearchParams({ token: confirmToken, locale: "fr" }).toString(), FORM);
    expect(again.headers.get("location")).toBe("/alerts/confirm?status=invalid");
  });

  it("an English request without a locale still gets English mail with English links", async () => {
    expect((await subscribe({ email: ENGLISH_ADDRESS, query: "status=any" })).status).toBe(202);
    const [mail] = mailsTo(ENGLISH_ADDRESS);
    expect(mail!.subject).toBe("Confirm your trial alert");
    expect(linkIn(mail!.text ?? "", "/alerts/confirm")).toBeTruthy();
    expect(mail!.text).not.toContain(`${ORIGIN}/es/`);
    const token = linkIn(mail!.text ?? "", "/alerts/confirm")!;
    const res = await post(confirmRoute, "/api/alerts/confirm", new URLSearchParams({ token }).toString(), FORM);
    expect(res.headers.get("location")).toBe("/alerts/confirm?status=confirmed");
  });

  it("a matching change brings a Spanish digest with /es links, the record text marked English; the English alert's digest stays English", async () => {
    await world.editStudy(BRTX, (r) => (r.protocolSection.statusModule!.overallStatus = "ACTIVE_NOT_RECRUITING"));
    await world.sync();
    const spanish = mailsTo(ADDRESS).filter((m) => m.subject?.startsWith("Alerta de estudios"));
    expect(spanish).toHaveLength(1);
    const mail = spanish[0]!;
    expect(mail.subject).toBe("Alerta de estudios: 1 estudio nuevo o con cambios");
    const text = mail.text ?? "";
    expect(text).toContain("Estos estudios de su búsqueda son nuevos o cambiaron en ClinicalTrials.gov:");
    expect(text).toContain(`${ORIGIN}/es/trials/${BRTX}`);
    expect(text).toContain(`Su búsqueda: status=any\n${ORIGIN}/es/trials?status=any`);
    expect(text).toContain("El texto del registro de ClinicalTrials.gov se muestra en inglés");
    expect(text).toContain("Hable con su médico");
    expect(linkIn(text, "/es/alerts/unsubscribe")).toBeTruthy();
    expect(text).not.toMatch(new RegExp(`${ORIGIN}/(trials|alerts)`));
    // The change sentence is Spanish (lib/changes/describe.ts in the alert's language), not marked English.
    expect(text).toContain("Ahora: En curso, ya no busca participantes");
    expect(text).not.toMatch(/\bNow\b/);
    const html = String(mail.html);
    expect(html).toContain(`<a href="${ORIGIN}/es/trials/${BRTX}"><span lang="en">`);
    expect(html).toMatch(/<br>Ahora: En curso, ya no busca participantes/);
    expect(html).not.toContain('<span lang="en">Ahora');

    const english = mailsTo(ENGLISH_ADDRESS).filter((m) => m.subject?.startsWith("Trial alert"));
    expect(english.map((m) => m.subject)).toEqual(["Trial alert: 1 trial new or changed"]);
    expect(english[0]!.text).toContain(`${ORIGIN}/trials/${BRTX}`);
    expect(english[0]!.text).toContain("Now active, not recruiting");
    expect(english[0]!.text).not.toContain("/es/");
  });

  it("the Spanish unsubscribe page's button unsubscribes and leads back to the Spanish page", async () => {
    const digest = mailsTo(ADDRESS).find((m) => m.subject?.startsWith("Alerta de estudios"))!;
    const token = linkIn(digest.text ?? "", "/es/alerts/unsubscribe")!;
    const res = await post(unsubscribeRoute, "/api/alerts/unsubscribe", new URLSearchParams({ token, locale: "es" }).toString(), FORM);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/es/alerts/unsubscribe?status=unsubscribed");
    expect(await world.database.prisma.alertSubscriber.count({ where: { email: ADDRESS.toLowerCase() } })).toBe(0);
  });

  it("never wrote an email address to the log", () => {
    expect(logLines.length).toBeGreaterThan(0);
    const all = logLines.join("\n").toLowerCase();
    expect(all).not.toContain(ADDRESS.toLowerCase());
    expect(all).not.toContain(ENGLISH_ADDRESS);
    expect(all).not.toMatch(/@example\.org/);
  });
});
