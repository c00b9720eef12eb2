import type { Metadata } from "next";
import { ALERT_TEXT } from "@/lib/alerts/text";
import { TokenAction } from "../token-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: ALERT_TEXT.unsubscribeTitle, robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** /alerts/unsubscribe?token=… (SPEC §10): every email's unsubscribe link; the button unsubscribes. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const sp = await searchParams;
  return (
    <TokenAction
      title={ALERT_TEXT.unsubscribeTitle}
      ask={ALERT_TEXT.unsubscribeAsk}
      button={ALERT_TEXT.unsubscribeButton}
      action="/api/alerts/unsubscribe"
      token={one(sp.token)}
      status={one(sp.status)}
      outcomes={{ unsubscribed: ALERT_TEXT.unsubscribed, invalid: ALERT_TEXT.unsubscribeInvalid }}
    />
  );
}
