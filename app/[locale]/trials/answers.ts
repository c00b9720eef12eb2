"use client";

import { useSyncExternalStore } from "react";
import type { Profile } from "@/lib/eligibility/schema";

// The patient's answers live in this browser only (SPEC §9, docs/decisions/023-eligibility-answers-privacy.md): in sessionStorage
// (gone when the tab closes) unless "remember on this device" is ticked, then in localStorage. They
// leave the browser only in the body of a POST to /api/trials or /api/fit; never in a URL.

const KEY = "dtf-eligibility";
type Saved = { profile: Profile; hideRuledOut: boolean };
/** `revision` moves with every change; `generation` only when the answers are forgotten (forms reset on it). */
export type AnswersState = Saved & { remember: boolean; revision: number; generation: number };

const EMPTY: AnswersState = { profile: {}, hideRuledOut: false, remember: false, revision: 0, generation: 0 };
let state: AnswersState | null = null;
const listeners = new Set<() => void>();

type Stored = { profile: unknown; hideRuledOut: boolean };

function read(storage: Storage): Stored | null {
  try {
    const raw = storage.getItem(KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<Stored>;
    return { profile: v.profile, hideRuledOut: v.hideRuledOut === true };
  } catch {
    return null;
  }
}

function load(): AnswersState {
  if (state) return state;
  const local = read(localStorage);
  const saved = local ?? read(sessionStorage);
  // Nothing saved: the server's view (EMPTY) is the browser's too, so hydration needs no second render.
  if (!saved) return (state = EMPTY);
  // Otherwise revision 1, not EMPTY's 0: what was rendered before storage was read is then seen to be stale.
  state = { ...EMPTY, hideRuledOut: saved.hideRuledOut, remember: local !== null, revision: 1 };
  // Storage can hold anything (an older version's keys, a hand edit): only well-formed answers are
  // kept. The checker loads only when there is something to check, so it is not in the first load;
  // the answers apply as soon as it arrives. Answers given meanwhile win; "forget" meanwhile wins.
  const p = saved.profile;
  unmerged = typeof p === "object" && p !== null && !Array.isArray(p) ? { ...p } : {};
  mergeSaved();
  return state;
}

/**
 * The saved answers not yet checked and merged (the checker has not arrived, or failed to load: a
 * network blip, a new deployment's chunk names). Until they are merged, every save writes them back
 * beside the new answers, so a failed load never overwrites what was saved; each save tries again.
 */
let unmerged: Record<string, unknown> | null = null;

function mergeSaved() {
  const pending = unmerged;
  if (!pending) return;
  import("@/lib/eligibility/answer-rules")
    .then(({ cleanProfile }) => {
      // Forgotten or merged meanwhile: nothing to do; storage re-read from another tab: merge that instead.
      if (unmerged !== pending || !state) return mergeSaved();
      unmerged = null;
      state = { ...state, profile: { ...cleanProfile(pending), ...state.profile }, revision: state.revision + 1 };
      for (const l of listeners) l();
    })
    // The saved answers stay in `unmerged` (and in storage); the next change tries again.
    .catch(() => undefined);
}

function save(next: AnswersState) {
  state = { ...next, revision: (state?.revision ?? 0) + 1 };
  const body = JSON.stringify({ profile: unmerged ? { ...unmerged, ...state.profile } : state.profile, hideRuledOut: state.hideRuledOut });
  try {
    if (state.remember) {
      localStorage.setItem(KEY, body);
      sessionStorage.removeItem(KEY);
    } else {
      sessionStorage.setItem(KEY, body);
      localStorage.removeItem(KEY);
    }
  } catch {
    // Storage full or blocked (private mode): the answers still work for this page.
  }
  for (const l of listeners) l();
  mergeSaved();
}

function subscribe(l: () => void) {
  listeners.add(l);
  // Another tab ticking "forget" or "remember" changes localStorage: follow it.
  const onStorage = (e: StorageEvent) => {
    if (e.key !== KEY && e.key !== null) return;
    state = null;
    state = { ...load(), revision: Date.now() };
    l();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(l);
    window.removeEventListener("storage", onStorage);
  };
}

export function useAnswers(): AnswersState {
  return useSyncExternalStore(subscribe, load, () => EMPTY);
}

export const answers = {
  /** The answers now (outside React; components use useAnswers). */
  current(): AnswersState {
    return load();
  },
  setAnswer<K extends keyof Profile>(key: K, value: Profile[K] | undefined) {
    const cur = load();
    const profile = { ...cur.profile };
    if (value === undefined) delete profile[key];
    else profile[key] = value;
    // A removed answer is not brought back from the saved ones still waiting to be merged.
    if (value === undefined && unmerged) delete unmerged[key];
    save({ ...cur, profile });
  },
  setHideRuledOut(hideRuledOut: boolean) {
    save({ ...load(), hideRuledOut });
  },
  setRemember(remember: boolean) {
    save({ ...load(), remember });
  },
  /** Clears the answers from both storages and from memory. */
  forget() {
    try {
      localStorage.removeItem(KEY);
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing stored
    }
    unmerged = null;
    state = { ...EMPTY, revision: (state?.revision ?? 0) + 1, generation: (state?.generation ?? 0) + 1 };
    for (const l of listeners) l();
  },
};

export const answeredCount = (p: Profile) => Object.keys(p).length;
