import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Disc Trial Finder", template: "%s · Disc Trial Finder" },
  description: "Find clinical trials of cell-based (stem-cell) therapy for degenerative disc disease and chronic low back pain.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="brand">
            Disc Trial Finder
          </Link>
          <nav aria-label="Main">
            <Link href="/trials">Find trials</Link>
            <Link href="/learn">Learn</Link>
          </nav>
        </header>
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>
            This site gives information, not medical advice. Talk with your own doctor before you decide anything about
            a treatment or a trial. Trial data come from{" "}
            <a href="https://clinicaltrials.gov/">ClinicalTrials.gov</a>.
          </p>
        </footer>
      </body>
    </html>
  );
}
