// The slug lists the browser needs, free of zod (which would add ~25 KB gzipped to /trials).

export { PHASES, ROUTES, SOURCES, THERAPIES } from "../classify/slugs";

/** SPEC §6 status values of the `status` parameter (besides the shorthands `open` and `any`). */
export const STATUSES = [
  "recruiting",
  "not-yet-recruiting",
  "enrolling-by-invitation",
  "active-not-recruiting",
  "completed",
  "suspended",
  "terminated",
  "withdrawn",
  "unknown",
] as const;
