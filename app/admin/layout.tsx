import type { Metadata } from "next";
import type { ReactNode } from "react";
import "../globals.css";

// The admin area is for the site's operators and stays in English (SPEC §7, §11 name the patients'
// pages); it has its own <html> since the root layout only passes through (app/layout.tsx).
export const metadata: Metadata = { title: { default: "Disc Trial Finder", template: "%s · Disc Trial Finder" } };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a href="/" className="brand">
            Disc Trial Finder
          </a>
          <nav aria-label="Main">
            <a href="/trials">Find trials</a>
            <a href="/learn">Learn</a>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
