import type { Phase } from "./slugs";

// designModule.phases uses PHASE1..PHASE4, EARLY_PHASE1 and NA; older exports and hand-made
// fixtures spell them "Phase 1", "Early Phase 1", "N/A" or "Phase 1/Phase 2". A 1/2 trial is both.
const PHASES: Record<string, Phase> = {
  EARLYPHASE1: "early-1",
  PHASE0: "early-1",
  PHASE1: "1",
  PHASE2: "2",
  PHASE3: "3",
  PHASE4: "4",
  NA: "na",
  NOTAPPLICABLE: "na",
};
const ORDER: Phase[] = ["early-1", "1", "2", "3", "4", "na"];

export type PhaseResult = { phase: Phase[]; why: string[] };

export function phaseOf(phases: string[]): PhaseResult {
  const found = new Set<Phase>();
  const why: string[] = [];
  for (const raw of phases) {
    for (const part of /^\s*n\s*\/\s*a\s*$/i.test(raw) ? ["NA"] : raw.split("/")) {
      const key = part.toUpperCase().replace(/[^A-Z0-9]/g, "");
      const phase = PHASES[key];
      if (phase && !found.has(phase)) {
        found.add(phase);
        why.push(`designModule.phases: ${part.trim()} → ${phase}`);
      }
    }
  }
  if (phases.length === 0) why.push("no phase given (observational studies have none)");
  return { phase: ORDER.filter((p) => found.has(p)), why };
}
