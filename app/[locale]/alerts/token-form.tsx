import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { localePath, type Locale, localeOrDefault } from "@/lib/i18n/paths";

type Props = {
  locale: Locale;
  kind: "confirm" | "unsubscribe";
  token: string | undefined;
  status: string | undefined;
};

const OUTCOMES = { confirm: ["confirmed", "invalid"], unsubscribe: ["unsubscribed", "invalid"] } as const;

/**
 * A page that acts on an emailed link only when its button is pressed: opening the link (or a mail
 * scanner prefetching it) changes nothing. Works without JavaScript (a plain form POST); the form
 * names its language so the API sends the visitor back to the page in the same one.
 */
export async function TokenAction({ locale, kind, token, status }: Props) {
  const t = await getTranslations({ locale, namespace: "alerts" });
  const outcome = (OUTCOMES[kind] as readonly string[]).includes(status ?? "") ? t(`${kind}.${status as (typeof OUTCOMES)[typeof kind][number]}`) : undefined;
  return (
    <article>
      <h1>{t(`${kind}.title`)}</h1>
      {outcome ? (
        <p role="status" data-testid="alert-outcome">
          {outcome}
        </p>
      ) : token ? (
        <form method="post" action={`/api/alerts/${kind}`}>
          <p>{t(`${kind}.ask`)}</p>
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit">{t(`${kind}.button`)}</button>
        </form>
      ) : (
        <p role="status">{t("noToken")}</p>
      )}
      <p>
        <a href={localePath(locale, "/trials")}>{t("backToSearch")}</a>
      </p>
    </article>
  );
}

type PageProps = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** The page (and its title) for one kind of emailed link: /alerts/confirm and /alerts/unsubscribe (/es/… in Spanish). */
export function tokenPage(kind: Props["kind"]) {
  return {
    async generateMetadata({ params }: PageProps): Promise<Metadata> {
      const { locale } = await params;
      const t = await getTranslations({ locale: localeOrDefault(locale), namespace: "alerts" });
      return { title: t(`${kind}.title`), robots: { index: false } };
    },
    async Page({ params, searchParams }: PageProps) {
      const [{ locale }, sp] = await Promise.all([params, searchParams]);
      return <TokenAction locale={localeOrDefault(locale)} kind={kind} token={one(sp.token)} status={one(sp.status)} />;
    },
  };
}
