import { env } from "../env";

/** The site's public origin for links in feeds and emails: PUBLIC_URL when set, else the request's (or localhost). */
export function publicOrigin(requestOrigin?: string): string {
  const configured = env().PUBLIC_URL;
  if (configured) return configured;
  return requestOrigin ?? `http://localhost:${env().PORT}`;
}
