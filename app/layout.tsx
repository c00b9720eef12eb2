import type { Metadata } from "next";
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
          <a href="/" className="brand">
            Disc Trial Finder
          </a>
          <nav aria-label="Main">
            <a href="/trials">Find trials</a>
            <a href="/learn">Learn</a>
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
