import type { ReactNode } from "react";
import { labelsFor } from "@/lib/i18n/labels";
import { messagesFor, translatorFor } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/paths";
import { numberIn } from "@/lib/i18n/record-dates";
import { parseEligibility } from "@/lib/search/eligibility";
import { mailtoHref } from "@/lib/search/mailto";
import type { Contact, TrialDetail } from "@/lib/trials/data";
import type { Resolution } from "@/lib/geo/resolve";

// Parts of the trial page. Every record text is rendered as React text: nothing becomes HTML. On a
// Spanish page the record's own words (names, criteria, the classifier's quoted phrases) are marked
// lang="en" (RecordText).

/** The record's own English text: marked lang="en" on a page in another language. */
export function RecordText({ locale, children, as = "span" }: { locale: Locale; children: ReactNode; as?: "span" | "div" }) {
  if (locale === "en") return <>{children}</>;
  const Tag = as;
  return <Tag lang="en">{children}</Tag>;
}

/** The address as a link only when it is one plain address (lib/search/mailto.ts); otherwise as text. */
function EmailLink({ email }: { email: string }) {
  const href = mailtoHref(email);
  return href ? <a href={href}>{email}</a> : <>{email}</>;
}

function ContactLine({ c, locale }: { c: Contact; locale: Locale }) {
  const t = translatorFor(locale, "trial");
  const roles: Record<string, string> = messagesFor(locale).trial.contacts.roles;
  const role = c.role ? roles[c.role] : undefined;
  return (
    <>
      {c.name ? <RecordText locale={locale}>{c.name}</RecordText> : t("contacts.contact")}
      {c.role ? (
        <span className="muted">
          {" "}
          ({role ?? <RecordText locale={locale}>{c.role.toLowerCase().replace(/_/g, " ")}</RecordText>})
        </span>
      ) : null}
      {c.phone ? (
        <>
          {" · "}
          <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a>
          {c.phoneExt ? ` ${t("contacts.ext", { ext: c.phoneExt })}` : ""}
        </>
      ) : null}
      {c.email ? (
        <>
          {" · "}
          <EmailLink email={c.email} />
        </>
      ) : null}
    </>
  );
}

export function Contacts({ contacts, locale = "en" }: { contacts: Contact[]; locale?: Locale }) {
  const t = translatorFor(locale, "trial");
  return (
    <section aria-labelledby="contacts-h">
      <h2 id="contacts-h">{t("contacts.heading")}</h2>
      {contacts.length ? (
        <ul>
          {contacts.map((c, i) => (
            <li key={i}>
              <ContactLine c={c} locale={locale} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t("contacts.none")}</p>
      )}
    </section>
  );
}

/** lib/geo/resolve's message (English) said in the page's language. */
function nearMessage(locale: Locale, near: string | null, message: string): string {
  if (locale === "en") return message;
  const t = translatorFor(locale, "trial");
  if (message.startsWith("Those coordinates")) return t("sites.nearCoordinates");
  if (message.includes("postal code")) return t("sites.nearPostal", { input: near ?? "" });
  return t("sites.nearUnknown", { input: near ?? "" });
}

export function Sites({ trial, near, resolved, locale = "en" }: { trial: TrialDetail; near: string | null; resolved: Resolution | null; locale?: Locale }) {
  const t = translatorFor(locale, "trial");
  const status = labelsFor(locale).status;
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t("sites.heading", { count: numberIn(locale, trial.sites.length) })}</h2>
      <form method="get" className="toolbar">
        <label htmlFor="site-near">{t("sites.sortLabel")}</label>
        <input id="site-near" name="near" type="text" defaultValue={near ?? ""} placeholder={t("sites.placeholder")} />
        <button type="submit">{t("sites.sort")}</button>
      </form>
      {resolved && !resolved.ok ? (
        <p className="notice" role="alert">
          {nearMessage(locale, near, resolved.message)}
          {resolved.suggestions.length ? ` ${t("sites.didYouMean", { list: resolved.suggestions.join("; ") })}` : ""}
        </p>
      ) : null}
      {resolved?.ok ? <p className="muted">{t("sites.distancesFrom", { place: resolved.label })}</p> : null}
      {trial.sites.length ? (
        <ol className="sites" data-testid="sites">
          {trial.sites.map((s, i) => (
            <li key={i}>
              {s.distanceMiles !== null ? <strong className="distance">{t("sites.miles", { miles: numberIn(locale, Math.round(s.distanceMiles)) })} · </strong> : null}
              <RecordText locale={locale}>
                {s.facility ?? t("sites.site")}, {[s.city, s.state, s.zip, s.country].filter(Boolean).join(", ")}
              </RecordText>
              {s.status ? <span className="muted"> ({status[s.status]!.toLowerCase()})</span> : null}
              {s.contacts.length ? (
                <ul>
                  {s.contacts.map((c, j) => (
                    <li key={j}>
                      <ContactLine c={c} locale={locale} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("sites.none")}</p>
      )}
    </section>
  );
}

export function Eligibility({ text, locale = "en" }: { text: string | null; locale?: Locale }) {
  const t = translatorFor(locale, "trial");
  const blocks = parseEligibility(text);
  return (
    <section aria-labelledby="elig-h" className="eligibility">
      <h2 id="elig-h">{t("eligibility.heading")}</h2>
      {blocks.length === 0 ? <p className="muted">{t("eligibility.none")}</p> : null}
      {blocks.map((b, i) => (
        <div key={i} data-kind={b.kind} lang={locale === "en" ? undefined : "en"}>
          {b.heading ? <h3>{b.heading}</h3> : null}
          {b.paragraphs.map((p, j) => (
            <p key={j}>{p}</p>
          ))}
          {b.items.length ? (
            <ul>
              {b.items.map((it, j) => (
                <li key={j} className={`depth-${it.depth}`}>
                  {it.text}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
    </section>
  );
}

export function Why({ why, locale = "en" }: { why: Record<string, string[]>; locale?: Locale }) {
  const t = translatorFor(locale, "trial");
  const labels: Record<string, string> = messagesFor(locale).trial.why.labels;
  const entries = Object.entries(why).filter(([, v]) => Array.isArray(v) && v.length);
  if (!entries.length) return null;
  return (
    <section aria-labelledby="why-h">
      <h2 id="why-h">{t("why.heading")}</h2>
      <p className="muted">{t("why.intro")}</p>
      <dl className="facts">
        {entries.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt>{labels[k] ?? <RecordText locale={locale}>{k}</RecordText>}</dt>
            <dd lang={locale === "en" ? undefined : "en"}>{v.map(String).join("; ")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
