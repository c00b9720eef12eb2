"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import styles from "./admin.module.css";

export function LoginForm({ initialError = null }: { initialError?: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const password = String(new FormData(e.currentTarget).get("password") ?? "");
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/admin/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ password }) });
      if (res.status === 204) {
        // A Secure cookie sent over plain http (not localhost) is dropped by the browser: say so.
        const check = (await (await fetch("/api/admin/session", { cache: "no-store" })).json()) as { loggedIn?: boolean };
        if (!check.loggedIn) {
          setError("The password was right, but the browser did not keep the session cookie: outside localhost, admin needs HTTPS.");
          return;
        }
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      setError(res.status === 429 ? `${body.message ?? "Too many attempts."} (retry in ${res.headers.get("retry-after") ?? "a few"} s)` : (body.message ?? `Login failed (${res.status}).`));
    } catch {
      setError("The server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

  // method/action only matter if scripts fail: the password then goes in a POST body, never a URL.
  return (
    <form className={styles.form} onSubmit={onSubmit} method="post" action="/api/admin/session">
      <label htmlFor="admin-password">Admin password</label>
      <input id="admin-password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={busy}>
        {busy ? "Logging in…" : "Log in"}
      </button>
      {error ? (
        <p role="alert" className={styles.error}>
          {error}
        </p>
      ) : null}
    </form>
  );
}
