import Link from "next/link";
import { ALERT_TEXT } from "@/lib/alerts/text";

type Props = {
  title: string;
  ask: string;
  button: string;
  action: string;
  token: string | undefined;
  status: string | undefined;
  outcomes: Record<string, string>;
};

/**
 * A page that acts on an emailed link only when its button is pressed: opening the link (or a mail
 * scanner prefetching it) changes nothing. Works without JavaScript (a plain form POST).
 */
export function TokenAction({ title, ask, button, action, token, status, outcomes }: Props) {
  const outcome = status ? outcomes[status] : undefined;
  return (
    <article>
      <h1>{title}</h1>
      {outcome ? (
        <p role="status" data-testid="alert-outcome">
          {outcome}
        </p>
      ) : token ? (
        <form method="post" action={action}>
          <p>{ask}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{button}</button>
        </form>
      ) : (
        <p role="status">{ALERT_TEXT.noToken}</p>
      )}
      <p>
        <Link href="/trials">{ALERT_TEXT.backToSearch}</Link>
      </p>
    </article>
  );
}
