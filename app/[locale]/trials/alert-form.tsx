"use client";

import { useEffect, useState } from "react";
import { ALERT_TEXT } from "@/lib/alerts/text";

// The email-alert part of "Follow this search" (SPEC §10), loaded when the box is first opened: it
// asks whether the site sends alerts, then offers the form. Its wording (lib/alerts/text, shared with
// the confirm and unsubscribe pages) stays out of /trials' first load.

type FormState = "idle" | "sending" | "accepted" | "bad-address" | "rate-limited" | "off" | "failed";
const MESSAGES: Record<Exclude<FormState, "idle" | "sending">, string> = {
  accepted: ALERT_TEXT.accepted,
  "bad-address": ALERT_TEXT.badAddress,
  "rate-limited": ALERT_TEXT.rateLimited,
  off: ALERT_TEXT.off,
  failed: ALERT_TEXT.failed,
};

export default function AlertForm({ query }: { query: string }) {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [state, setState] = useState<FormState>("idle");

  useEffect(() => {
    fetch("/api/alerts", { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.json() as Promise<{ enabled: boolean }>)
      .then((b) => setEnabled(b.enabled === true))
      .catch(() => setEnabled(false));
  }, []);

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

  if (enabled === false || state === "off") {
    return (
      <p className="muted" data-testid="alerts-off">
        {ALERT_TEXT.off}
      </p>
    );
  }
  if (!enabled) return null;
  return (
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
  );
}
