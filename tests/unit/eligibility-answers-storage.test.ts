import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The "Could I join?" answers kept in the browser (app/[locale]/trials/answers.ts): saved answers are
// checked by a module loaded on demand. When that load fails (a network blip, a new deployment's
// chunk names), the saved answers must not be silently dropped and then overwritten by the next change.

class MemoryStorage {
  private items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const KEY = "dtf-eligibility";
const flush = () => new Promise((resolve) => setTimeout(resolve, 20));
const stored = () => JSON.parse(globalThis.sessionStorage.getItem(KEY) ?? "null") as { profile: Record<string, unknown> } | null;

async function freshAnswers() {
  vi.resetModules();
  return (await import("../../app/[locale]/trials/answers")).answers;
}

beforeEach(() => {
  vi.stubGlobal("localStorage", new MemoryStorage());
  vi.stubGlobal("sessionStorage", new MemoryStorage());
  globalThis.sessionStorage.setItem(KEY, JSON.stringify({ profile: { age: 40, smoker: true }, hideRuledOut: false }));
});

afterEach(() => {
  vi.doUnmock("@/lib/eligibility/answer-rules");
  vi.unstubAllGlobals();
});

describe("saved answers when the checker fails to load", () => {
  it("forgets them when asked, even before they were merged", async () => {
    vi.doMock("@/lib/eligibility/answer-rules", () => {
      throw new Error("Loading chunk failed");
    });
    const answers = await freshAnswers();
    answers.setAnswer("opioids", true);
    await flush();
    answers.forget();
    answers.setAnswer("smoker", false);
    expect(stored()?.profile).toEqual({ smoker: false });
  });

  it("applies them when the checker loads, with answers given meanwhile winning", async () => {
    const answers = await freshAnswers();
    answers.setAnswer("age", 41);
    await vi.waitFor(() => expect(answers.current().profile).toEqual({ age: 41, smoker: true }), { timeout: 15_000 });
    expect(stored()?.profile).toEqual({ age: 41, smoker: true });
  });
});
