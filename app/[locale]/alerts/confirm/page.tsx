import type { Metadata } from "next";
import { ALERT_TEXT } from "@/lib/alerts/text";
import { TokenAction } from "../token-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: ALERT_TEXT.confirmTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** /alerts/confirm?token=… (SPEC §10): the confirmation email's link; the button confirms. */
export default async function ConfirmPage({ searchParams }: Props) {
  const sp = await searchParams;
  return (
    <TokenAction
      title={ALERT_TEXT.confirmTitle}
      ask={ALERT_TEXT.confirmAsk}
      button={ALERT_TEXT.confirmButton}
      action="/api/alerts/confirm"
      token={one(sp.token)}
      status={one(sp.status)}
      outcomes={{ confirmed: ALERT_TEXT.confirmed, invalid: ALERT_TEXT.confirmInvalid }}
    />
  );
}
