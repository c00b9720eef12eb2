import { parseEligibility } from "@/lib/search/eligibility";
import { STATUS_LABEL } from "@/lib/search/labels";
import { mailtoHref } from "@/lib/search/mailto";
import type { Contact, TrialDetail } from "@/lib/trials/data";
import type { Resolution } from "@/lib/geo/resolve";

// Parts of the trial page. Every record text is rendered as React text: nothing becomes HTML.

/** The address as a link only when it is one plain address (lib/search/mailto.ts); otherwise as text. */
function EmailLink({ email }: { email: string }) {
  const href = mailtoHref(email);
  return href ? <a href={href}>{email}</a> : <>{email}</>;
}

function ContactLine({ c }: { c: Contact }) {
  return (
    <>
      {c.name ?? "Contact"}
      {c.role ? <span className="muted"> ({c.role.toLowerCase().replace(/_/g, " ")})</span> : null}
      {c.phone ? (
        <>
          {" · "}
          <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a>
          {c.phoneExt ? ` ext. ${c.phoneExt}` : ""}
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

export function Contacts({ contacts }: { contacts: Contact[] }) {
  return (
    <section aria-labelledby="contacts-h">
      <h2 id="contacts-h">Contacts</h2>
      {contacts.length ? (
        <ul>
          {contacts.map((c, i) => (
            <li key={i}>
              <ContactLine c={c} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">The record lists no central contact. Try the site contacts above, or the sponsor.</p>
      )}
    </section>
  );
}

export function Sites({ trial, near, resolved }: { trial: TrialDetail; near: string | null; resolved: Resolution | null }) {
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">Sites ({trial.sites.length})</h2>
      <form method="get" className="toolbar">
        <label htmlFor="site-near">Sort sites by distance from</label>
        <input id="site-near" name="near" type="text" defaultValue={near ?? ""} placeholder="ZIP code or city" />
        <button type="submit">Sort</button>
      </form>
      {resolved && !resolved.ok ? (
        <p className="notice" role="alert">
          {resolved.message}
          {resolved.suggestions.length ? ` Did you mean: ${resolved.suggestions.join("; ")}?` : ""}
        </p>
      ) : null}
      {resolved?.ok ? <p className="muted">Distances from {resolved.label}, to the centre of each site&apos;s city.</p> : null}
      {trial.sites.length ? (
        <ol className="sites" data-testid="sites">
          {trial.sites.map((s, i) => (
            <li key={i}>
              {s.distanceMiles !== null ? <strong className="distance">{Math.round(s.distanceMiles)} mi · </strong> : null}
              {s.facility ?? "Site"}, {[s.city, s.state, s.zip, s.country].filter(Boolean).join(", ")}
              {s.status ? <span className="muted"> ({STATUS_LABEL[s.status].toLowerCase()})</span> : null}
              {s.contacts.length ? (
                <ul>
                  {s.contacts.map((c, j) => (
                    <li key={j}>
                      <ContactLine c={c} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">No sites are listed yet.</p>
      )}
    </section>
  );
}

export function Eligibility({ text }: { text: string | null }) {
  const blocks = parseEligibility(text);
  return (
    <section aria-labelledby="elig-h" className="eligibility">
      <h2 id="elig-h">Who can take part</h2>
      {blocks.length === 0 ? <p className="muted">The record gives no eligibility criteria.</p> : null}
      {blocks.map((b, i) => (
        <div key={i} data-kind={b.kind}>
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

export function Why({ why }: { why: Record<string, string[]> }) {
  const entries = Object.entries(why).filter(([, v]) => Array.isArray(v) && v.length);
  if (!entries.length) return null;
  return (
    <section aria-labelledby="why-h">
      <h2 id="why-h">Why we labelled it this way</h2>
      <p className="muted">The words or known products in the record that decided each label.</p>
      <dl className="facts">
        {entries.map(([k, v]) => (
          <div key={k} style={{ display: "contents" }}>
            <dt>{k}</dt>
            <dd>{v.map(String).join("; ")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
