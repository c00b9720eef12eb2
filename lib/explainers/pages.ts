import { candidates } from "./pages/candidates";
import { cellSources } from "./pages/cell-sources";
import { choosingAProvider } from "./pages/choosing-a-provider";
import { costsAndInsurance } from "./pages/costs-and-insurance";
import { evidence } from "./pages/evidence";
import { injectionRoutes } from "./pages/injection-routes";
import { listingWarnings } from "./pages/listing-warnings";
import { otherTreatments } from "./pages/other-treatments";
import { regulation } from "./pages/regulation";
import { risks } from "./pages/risks";
import { theProcedure } from "./pages/the-procedure";
import { trialPhases } from "./pages/trial-phases";
import { trialStatus } from "./pages/trial-status";
import { whatIsCellTherapy } from "./pages/what-is-cell-therapy";
import { whatsNext } from "./pages/whats-next";
import type { ExplainerPage, Source } from "./schema";
import { AAOS_ORTHOINFO, CTGOV, FDA_REGEN_CONSUMER, ISSCR_GUIDELINES, ISSCR_PATIENTS, NASS, NIH_HEAL } from "./sources";

/** Every explainer page, in the order a newcomer would read them (also the previous/next order). */
export const EXPLAINER_PAGES: readonly ExplainerPage[] = [
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

export const LEARN_PATH = "/learn";
/** The printable questions checklist (a page of its own, built from choosingAProvider's questions). */
export const CHECKLIST_PATH = "/learn/checklist";
export const CHECKLIST_PAGE_SLUG = choosingAProvider.slug;

/** Shown on the /learn index: organisations that publish patient information. */
export const LEARN_MORE: readonly Source[] = [ISSCR_PATIENTS, ISSCR_GUIDELINES, AAOS_ORTHOINFO, NASS, CTGOV, FDA_REGEN_CONSUMER, NIH_HEAL];

export function explainerPath(slug: string, anchor?: string): string {
  return `${LEARN_PATH}/${slug}${anchor ? `#${anchor}` : ""}`;
}

export function getExplainerPage(slug: string): ExplainerPage | undefined {
  return EXPLAINER_PAGES.find((p) => p.slug === slug);
}

export function getSection(slug: string, sectionId: string) {
  return getExplainerPage(slug)?.sections.find((s) => s.id === sectionId);
}

export function neighbours(slug: string): { previous?: ExplainerPage; next?: ExplainerPage } {
  const i = EXPLAINER_PAGES.findIndex((p) => p.slug === slug);
  if (i < 0) return {};
  return { previous: EXPLAINER_PAGES[i - 1], next: EXPLAINER_PAGES[i + 1] };
}
