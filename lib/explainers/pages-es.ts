import { candidates } from "./pages-es/candidates";
import { cellSources } from "./pages-es/cell-sources";
import { choosingAProvider } from "./pages-es/choosing-a-provider";
import { costsAndInsurance } from "./pages-es/costs-and-insurance";
import { evidence } from "./pages-es/evidence";
import { injectionRoutes } from "./pages-es/injection-routes";
import { listingWarnings } from "./pages-es/listing-warnings";
import { otherTreatments } from "./pages-es/other-treatments";
import { regulation } from "./pages-es/regulation";
import { risks } from "./pages-es/risks";
import { theProcedure } from "./pages-es/the-procedure";
import { trialPhases } from "./pages-es/trial-phases";
import { trialStatus } from "./pages-es/trial-status";
import { whatIsCellTherapy } from "./pages-es/what-is-cell-therapy";
import { whatsNext } from "./pages-es/whats-next";
import type { ExplainerPage } from "./schema";

/**
 * Every explainer in Spanish, in the same order as EXPLAINER_PAGES. Each has the English page's slug,
 * section ids (URL anchors) and sources, so `/learn/<slug>#<id>` means the same thing in either
 * language and links.ts serves both. The words are written for Spanish-speaking patients, not
 * translated word for word; content-es.test.ts holds them to Fernández-Huerta ≥ 70.
 */
export const EXPLAINER_PAGES_ES: readonly ExplainerPage[] = [
  whatIsCellTherapy,
  cellSources,
  injectionRoutes,
  trialPhases,
  trialStatus,
  candidates,
  theProcedure,
  evidence,
  risks,
  regulation,
  costsAndInsurance,
  otherTreatments,
  whatsNext,
  listingWarnings,
  choosingAProvider,
];
