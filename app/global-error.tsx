"use client";

/**
 * The last resort, when the root layout itself fails: a plain page with a retry. It replaces Next's
 * built-in one, which ships ~2 KB of styles and icons to every page's first load.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <h1>Something went wrong</h1>
        <p>This page could not be shown just now. Please try again in a few minutes.</p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        {/* A full page load on purpose: the app's own router may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Home</a>
      </body>
    </html>
  );
}
