import { beforeAll, describe, expect, it } from "vitest";

import { GET as alertsInfo, POST as subscribeRoute } from "../../app/api/alerts/route";
import { POST as confirmRoute } from "../../app/api/alerts/confirm/route";
import { POST as unsubscribeRoute } from "../../app/api/alerts/unsubscribe/route";
import { afterSync } from "../../lib/alerts/after-sync";
import { alertsConfig } from "../../lib/alerts/config";
import { deliverPending } from "../../lib/alerts/digests";
import { resetSubscribeLimits, SUBSCRIBE_LIMITS } from "../../lib/alerts/rate-limit";
import { closeTransports } from "../../lib/alerts/smtp";
import { deadSmtpUrl, type Inbox, rawHeader } from "./helpers/smtp";
import { captureLog, MAIL_ORIGIN, mailWorld, type StudyRaw } from "./helpers/world";

// Email alerts (SPEC §10) end to end through the route handlers, real syncs from the stand-in, a
// real database and a real SMTP server in this process.

const world = mailWorld();
// Everything the logger writes during this file, at every level, for the last test.
const logLines = captureLog();

const ADDRESS = "Patient.One@Example.org";
const ORIGIN = MAIL_ORIGIN;
const BRTX = "NCT04042844";
let client = 0;

/** Every POST from its own client address unless one is given, so the per-client limit stays out of the way. */
const post = (route: (r: Request) => Promise<Response>, path: string, body: BodyInit, headers: Record<string, string> = {}) =>
  route(new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { "x-forwarded-for": `10.0.0.${++client % 250}`, ...headers } }));
const subscribe = (email: string, query: string, headers: Record<string, string> = {}) =>
  post(subscribeRoute, "/api/alerts", JSON.stringify({ email, query }), { "content-type": "application/json", ...headers });
const form = (token: string) => new URLSearchParams({ token }).toString();
const FORM = { "content-type": "application/x-www-form-urlencoded" };

const changeBrtx = (edit: (raw: StudyRaw) => void) => world.editStudy(BRTX, edit);
const linkIn = (text: string, path: string) => new RegExp(`${ORIGIN}${path}\\?token=([A-Za-z0-9_-]{43})`).exec(text)?.[1];
const rawOf = (m: object) => world.inbox.raw[world.inbox.messages.indexOf(m as Inbox["messages"][number])]!;

beforeAll(async () => {
  resetSubscribeLimits();
  await world.sync();
});

describe("email alerts", () => {
  let confirmToken = "";
  let alertId = 0;

  it("subscribing answers 202 and sends one confirmation email with unsubscribe headers; nothing else before confirming", async () => {
    const res = await subscribe(ADDRESS, "status=any");
    expect(res.status).toBe(202);
    expect(world.inbox.messages).toHaveLength(1);
    const mail = world.inbox.messages[0]!;
    expect((mail.to && "text" in mail.to ? mail.to.text : "").toLowerCase()).toBe(ADDRESS.toLowerCase());
    expect(mail.subject).toBe("Confirm your trial alert");
    expect(rawHeader(world.inbox.raw[0]!, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(world.inbox.raw[0]!, "List-Unsubscribe")).toMatch(new RegExp(`^<${ORIGIN}/api/alerts/unsubscribe\\?token=[A-Za-z0-9_-]{43}>$`));
    expect(mail.html).toBeTruthy();
    confirmToken = linkIn(mail.text ?? "", "/alerts/confirm")!;
    expect(confirmToken).toBeTruthy();
    expect(linkIn(String(mail.html), "/alerts/confirm")).toBe(confirmToken);
    expect(linkIn(mail.text ?? "", "/alerts/unsubscribe")).toBeTruthy();
    // Only the hash of a token is stored; the address is stored once, lower-cased.
    const tokens = await world.database.prisma.alertToken.findMany();
    expect(tokens.map((t) => t.hash)).not.toContain(confirmToken);
    expect((await world.database.prisma.alertSubscriber.findMany()).map((s) => s.email)).toEqual([ADDRESS.toLowerCase()]);
    alertId = (await world.database.prisma.alert.findFirstOrThrow()).id;

    await changeBrtx((r) => (r.protocolSection.statusModule!.overallStatus = "ACTIVE_NOT_RECRUITING"));
    await world.sync();
    expect(world.inbox.messages).toHaveLength(1); // unconfirmed: no digest
    expect(await world.database.prisma.alertDigest.count()).toBe(0);
  });

  it("the confirmation link's page does nothing on GET; its button confirms once", async () => {
    const res = await post(confirmRoute, "/api/alerts/confirm", form(confirmToken), FORM);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/alerts/confirm?status=confirmed");
    const again = await post(confirmRoute, "/api/alerts/confirm", form(confirmToken), FORM);
    expect(again.headers.get("location")).toBe("/alerts/confirm?status=invalid");
    expect((await world.database.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).confirmedAt).not.toBeNull();
  });

  it("a sync with a matching change sends one digest with the change, links and RFC 8058 headers; the next sync sends nothing", async () => {
    await changeBrtx((r) => {
      (r.protocolSection.contactsLocationsModule!.locations as object[]).push({ facility: "Spine <Center> & Co", city: "Boston", country: "United States", status: "RECRUITING" });
    });
    await world.sync();
    expect(world.digests()).toHaveLength(1);
    const mail = world.digests()[0]!;
    expect(mail.subject).toBe("Trial alert: 1 trial new or changed");
    expect(mail.text).toContain("1 site added: Boston");
    expect(mail.text).toContain(`${ORIGIN}/trials/${BRTX}`);
    expect(rawHeader(rawOf(mail), "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    expect(rawHeader(rawOf(mail), "List-Unsubscribe")).toMatch(/^<http:\/\/finder\.test\/api\/alerts\/unsubscribe\?token=/);
    expect(String(mail.html)).toContain(`<a href="${ORIGIN}/trials/${BRTX}">`);
    // The status change seen before confirming is not mailed: digests start at confirmation.
    expect(mail.text).not.toContain("Active, not recruiting");
    const [row] = await world.database.prisma.alertDigest.findMany();
    expect(row).toMatchObject({ status: "sent", attempts: 1 });

    await world.sync();
    expect(world.digests()).toHaveLength(1);
  });

  it("never mails the same change twice: not on a rerun after a restart, and not a digest a crash left half-sent", async () => {
    // A new process running the after-sync step again finds nothing to queue or send.
    closeTransports();
    expect(await afterSync(world.database.prisma, null)).toMatchObject({ queued: 0, sent: 0 });
    await changeBrtx((r) => ((r.protocolSection.designModule!.enrollmentInfo as { count: number }) = { count: 321 }));
    const outcome = await world.sync();
    expect(world.digests()).toHaveLength(2);
    // Pretend a process died between claiming a digest and marking it sent.
    const extra = await world.database.prisma.alertDigest.create({
      data: { alertId, runId: outcome.runId, entries: [{ nctId: BRTX, title: "x", summary: "y" }], status: "sending", nextAttemptAt: new Date(Date.now() - 3600_000) },
    });
    expect((await deliverPending(world.database.prisma, alertsConfig())).sent).toBe(0);
    expect((await world.database.prisma.alertDigest.findUniqueOrThrow({ where: { id: extra.id } })).status).toBe("unknown");
    expect(world.digests()).toHaveLength(2);
  });

  it("a dead SMTP server leaves the sync green and the digest pending; it goes out once when mail works again", async () => {
    world.useSmtp(await deadSmtpUrl());
    await changeBrtx((r) => (r.protocolSection.statusModule!.overallStatus = "RECRUITING"));
    await world.sync();
    const pending = await world.database.prisma.alertDigest.findFirstOrThrow({ where: { status: "pending" } });
    expect(pending.attempts).toBe(1);
    expect(pending.error).toBeTruthy();
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(world.digests()).toHaveLength(2);

    world.useSmtp(world.inbox.url);
    await world.database.prisma.alertDigest.update({ where: { id: pending.id }, data: { nextAttemptAt: new Date() } });
    expect((await deliverPending(world.database.prisma, alertsConfig())).sent).toBe(1);
    expect((await deliverPending(world.database.prisma, alertsConfig())).sent).toBe(0);
    expect(world.digests()).toHaveLength(3);
    expect(world.digests()[2]!.text).toContain("Now recruiting");
  });

  it("answers the same 202 for a known, a confirmed and an unknown address, and mails a confirmed one nothing", async () => {
    const before = world.inbox.messages.length;
    const known = await subscribe(ADDRESS, "status=any");
    const unknown = await subscribe("someone.else@example.org", "status=any");
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    expect(world.inbox.messages.length).toBe(before + 1); // only the new address gets a confirmation
  });

  it("holds the rate limits per address and per client address", async () => {
    resetSubscribeLimits();
    const before = world.inbox.messages.length;
    for (let i = 0; i < SUBSCRIBE_LIMITS.perAddress + 2; i++) expect((await subscribe("limited@example.org", "status=any")).status).toBe(202);
    expect(world.inbox.messages.length - before).toBe(SUBSCRIBE_LIMITS.perAddress);
    // The per-client limit on its own: fresh counters, and no X-Forwarded-For (untrusted without
    // TRUST_PROXY, so rotating it cannot buy an attacker more requests: see the last check).
    resetSubscribeLimits();
    const statuses: number[] = [];
    for (let i = 0; i < SUBSCRIBE_LIMITS.perClient + 1; i++) statuses.push((await subscribe(`c${i}@example.org`, "", { "x-forwarded-for": `192.0.2.${i}` })).status);
    expect(statuses.slice(0, SUBSCRIBE_LIMITS.perClient).every((s) => s === 202)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    resetSubscribeLimits();
  });

  it("names what is wrong with a bad address or search, with a 400", async () => {
    const bad = await subscribe("not-an-address", "status=any");
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].param).toBe("email");
    const badQuery = await subscribe("ok@example.org", "phase=9");
    expect(badQuery.status).toBe(400);
    expect((await badQuery.json()).errors[0].param).toBe("phase");
  });

  it("unsubscribing by RFC 8058 one-click deletes the alert and the address; the next sync sends nothing", async () => {
    const token = /token=([A-Za-z0-9_-]{43})/.exec(rawHeader(rawOf(world.digests().at(-1)!), "List-Unsubscribe") ?? "")![1]!;
    const res = await post(unsubscribeRoute, `/api/alerts/unsubscribe?token=${token}`, "List-Unsubscribe=One-Click", FORM);
    expect(res.status).toBe(200);
    expect(await world.database.prisma.alert.count({ where: { id: alertId } })).toBe(0);
    expect(await world.database.prisma.alertSubscriber.count({ where: { email: ADDRESS.toLowerCase() } })).toBe(0);
    const sent = world.digests().length;
    await changeBrtx((r) => (r.protocolSection.statusModule!.overallStatus = "COMPLETED"));
    await world.sync();
    expect(world.digests()).toHaveLength(sent);
    const again = await post(unsubscribeRoute, "/api/alerts/unsubscribe", form(token), FORM);
    expect(again.headers.get("location")).toBe("/alerts/unsubscribe?status=invalid");
  });

  it("with SMTP_URL unset alerts are off (503, the form is told) and feeds are unaffected", async () => {
    world.useSmtp(undefined);
    expect(await (await alertsInfo()).json()).toEqual({ enabled: false });
    const res = await subscribe("new@example.org", "status=any");
    expect(res.status).toBe(503);
    expect((await res.json()).error).toBe("alerts_off");
    world.useSmtp(world.inbox.url);
  });

  it("never wrote an email address to the log", () => {
    expect(logLines.length).toBeGreaterThan(0);
    const all = logLines.join("\n").toLowerCase();
    for (const address of [ADDRESS, "someone.else@example.org", "limited@example.org", "not-an-address", "c0@example.org"]) {
      expect(all).not.toContain(address.toLowerCase());
    }
    expect(all).not.toMatch(/@example\.org/);
  });
});
