"use client";

import { useEffect, useState } from "react";
import type { FollowText } from "@/lib/alerts/text";

// The email-alert part of "Follow this search" (SPEC §10), loaded when the box is first opened: it
// asks whether the site sends alerts, then offers the form. Its words come from the server page
// (`text.form`, the alerts catalogue in the page's language): no catalogue in the browser. The request
// names the page's language, which the alert's emails and their links will use.

type FormState = "idle" | "sending" | "accepted" | "bad-address" | "rate-limited" | "off" | "failed";

export default function AlertForm({ query, text: follow }: { query: string; text: FollowText }) {
  const text = follow.form;
  const locale = follow.locale;
  const messages: Record<Exclude<FormState, "idle" | "sending">, string> = {
    accepted: text.accepted,
    "bad-address": text.badAddress,
    "rate-limited": text.rateLimited,
    off: text.off,
    failed: text.failed,
  };
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
        body: JSON.stringify({ email, query, locale }),
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
        {text.off}
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
      <p>{text.intro}</p>
      <label>
        {text.emailLabel} <input type="email" name="email" autoComplete="email" required maxLength={254} />
      </label>{" "}
      <button type="submit" disabled={state === "sending"}>
        {state === "sending" ? text.sending : text.subscribe}
      </button>
      <p role="status" aria-live="polite" data-testid="alert-form-status">
        {state === "idle" || state === "sending" ? "" : messages[state]}
      </p>
    </form>
  );
}
