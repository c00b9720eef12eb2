"use client";

/** Any page that fails unexpectedly: a plain message and a retry, never a stack trace. The details are in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1>Something went wrong</h1>
      <p>This page could not be shown just now. Please try again; if it keeps happening, come back in a few minutes.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>{" "}
        <a href="/trials">Back to the trial search</a>
      </p>
    </div>
  );
}
