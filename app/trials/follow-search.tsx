"use client";

import { useState } from "react";
import { ALERT_TEXT } from "@/lib/alerts/text";
import { FOLLOW } from "@/lib/feeds/text";

type FormState = "idle" | "sending" | "accepted" | "bad-address" | "rate-limited" | "off" | "failed";
const MESSAGES: Record<Exclude<FormState, "idle" | "sending">, string> = {
  accepted: ALERT_TEXT.accepted,
  "bad-address": ALERT_TEXT.badAddress,
  "rate-limited": ALERT_TEXT.rateLimited,
  off: ALERT_TEXT.off,
  failed: ALERT_TEXT.failed,
};

/** "Follow this search" (SPEC §10): the search's Atom feed, and email alerts when the site has them on. */
export function FollowSearch({ query }: { query: string }) {
  const feed = `/api/trials.atom${query ? `?${query}` : ""}`;
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [state, setState] = useState<FormState>("idle");

  const onToggle = (open: boolean) => {
    if (!open || enabled !== null) return;
    fetch("/api/alerts", { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.json() as Promise<{ enabled: boolean }>)
      .then((b) => setEnabled(b.enabled === true))
      .catch(() => setEnabled(false));
  };

  const submit = async (form: HTMLFormElement) => {
    const email = String(new FormData(form).get("email") ?? "");
    setState("sending");
    try {
      const res = await fetch("/api/alerts", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, query }),
        signal: AbortSignal.timeout(20_000),
      });
      if (res.status === 202) setState("accepted");
      else if (res.status === 400) setState("bad-address");
      else if (res.status === 429) setState("rate-limited");
      else if (res.status === 503) setState("off");
      else setState("failed");
    } catch {
      setState("failed");
    }
  };

  return (
    <details className="follow-search" data-testid="follow-search" onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary>{FOLLOW.summary}</summary>
      <p>
        {FOLLOW.feedIntro}{" "}
        <a href={feed} type="application/atom+xml" data-testid="feed-link">
          {FOLLOW.feedLink}
        </a>
      </p>
      {enabled === false || state === "off" ? (
        <p className="muted" data-testid="alerts-off">
          {ALERT_TEXT.off}
        </p>
      ) : enabled ? (
        <form
          className="alert-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit(e.currentTarget);
          }}
        >
          <p>{ALERT_TEXT.formIntro}</p>
          <label>
            {ALERT_TEXT.emailLabel} <input type="email" name="email" autoComplete="email" required maxLength={254} />
          </label>{" "}
          <button type="submit" disabled={state === "sending"}>
            {state === "sending" ? ALERT_TEXT.sending : ALERT_TEXT.subscribe}
          </button>
          <p role="status" aria-live="polite" data-testid="alert-form-status">
            {state === "idle" || state === "sending" ? "" : MESSAGES[state]}
          </p>
        </form>
      ) : null}
    </details>
  );
}
