// The SPEC §5 slug lists, as the browser needs them. lib/classify/schema.ts owns them but also builds
// a zod schema at load time, which would pull zod (~25 KB gzipped) into the /trials bundle; these
// copies are checked against it by slugs.test.ts, so they cannot drift.

export const THERAPIES = ["cell-therapy", "prp", "acellular-biologic", "other"] as const;
export const SOURCES = [
  "bone-marrow",
  "adipose",
  "umbilical-cord",
  "placenta-amnion",
  "disc-or-cartilage",
  "peripheral-blood",
  "pluripotent",
  "other-tissue",
  "unspecified",
] as const;
export const ROUTES = ["intradiscal", "epidural", "intraosseous", "facet-or-joint", "intravenous", "intrathecal", "soft-tissue", "surgical", "other", "unspecified"] as const;
export const PHASES = ["early-1", "1", "2", "3", "4", "na"] as const;
