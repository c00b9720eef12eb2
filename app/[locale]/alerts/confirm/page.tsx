import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/paths";
import { TokenAction } from "../token-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "alerts" });
  return { title: t("confirm.title"), robots: { index: false } };
}

/** /alerts/confirm?token=… (SPEC §10): the confirmation email's link; the button confirms. (/es/… in Spanish) */
export default async function ConfirmPage({ params, searchParams }: Props) {
  const [{ locale }, sp] = await Promise.all([params, searchParams]);
  return <TokenAction locale={isLocale(locale) ? locale : "en"} kind="confirm" token={one(sp.token)} status={one(sp.status)} />;
}
