import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { secureCookieFor, SESSION_UNCHECKABLE, sessionFrom } from "@/lib/admin/auth";
import { adminConfig } from "@/lib/admin/config";
import { dashboard } from "@/lib/admin/data";
import { loginFailureMessage, PASSWORD_LOGIN_OFF } from "@/lib/admin/login";
import { db } from "@/lib/db/client";
import { Dashboard } from "./dashboard";
import { LoginForm } from "./login-form";
import styles from "./admin.module.css";

export const metadata: Metadata = { title: "Admin", robots: { index: false, follow: false } };

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  // A login without JavaScript comes back here with ?login=<reason> (lib/admin/login.ts).
  const loginMessage = loginFailureMessage((await searchParams).login);
  const config = adminConfig();
  if (!config.enabled) {
    return (
      <>
        <h1>Admin</h1>
        <p className="notice" role="status">
          {config.reason}
        </p>
      </>
    );
  }
  const h = await headers();
  const lookup = await sessionFrom(config, h.get("cookie"), secureCookieFor(h));
  if (lookup.state === "unavailable") {
    // Fail closed: without the database the session cannot be checked, so nothing admin is shown.
    return (
      <>
        <h1>Admin</h1>
        <p className="notice" role="status">
          {SESSION_UNCHECKABLE}
        </p>
      </>
    );
  }
  const session = lookup.state === "live" ? lookup.session : null;
  if (!session) {
    return (
      <>
        <h1>Admin</h1>
        {config.password ? (
          <section className={styles.panel} aria-labelledby="login-heading">
            <h2 id="login-heading">Log in</h2>
            <LoginForm initialError={loginMessage} />
          </section>
        ) : (
          <p className="notice" role="status">
            {PASSWORD_LOGIN_OFF}
          </p>
        )}
      </>
    );
  }
  const initial = await dashboard(db());
  return <Dashboard initial={initial} expiresAt={new Date(session.exp * 1000).toISOString()} />;
}
