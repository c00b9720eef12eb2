import { describe, expect, it } from "vitest";
import { shortName } from "./answer-names";
import { ANSWER_RULES, cleanProfile } from "./answer-rules";
import { QUESTIONS } from "./questions";
import { PROFILE_KEYS, profileSchema } from "./schema";

describe("answer rules (what the first load of /trials knows about each answer)", () => {
  it("cover the profile's keys, one question each, with the questions' choices", () => {
    expect(Object.keys(ANSWER_RULES).sort()).toEqual([...PROFILE_KEYS].sort());
    expect(QUESTIONS.map((q) => q.key).sort()).toEqual([...PROFILE_KEYS].sort());
    for (const q of QUESTIONS) {
      expect(q.kind).toBe(ANSWER_RULES[q.key].kind);
      expect(q.short).toBe(shortName(q.key));
      if (q.kind === "choice") expect(q.choices!.map((c) => c.value)).toEqual(ANSWER_RULES[q.key].values);
    }
  });

  it("keep exactly the stored answers the server's schema accepts", () => {
    for (const [key, r] of Object.entries(ANSWER_RULES)) {
      const samples: unknown[] = ["x", true, null, -1, 0.5, r.min, r.max, (r.max ?? 0) + 1, ...(r.values ?? []), "other"];
      for (const v of samples) {
        if (v === undefined) continue;
        const kept = key in cleanProfile({ [key]: v });
        expect(kept, `${key}=${JSON.stringify(v)}`).toBe(profileSchema.safeParse({ [key]: v }).success);
      }
    }
  });

  it("drop what is not a profile", () => {
    expect(cleanProfile(null)).toEqual({});
    expect(cleanProfile([1])).toEqual({});
    expect(cleanProfile({ age: 40, unknown: 1, smoker: "yes" })).toEqual({ age: 40 });
  });

  it("name an answer shortly, and an unknown key as it is", () => {
    expect(shortName("smoker")).toBe("smoking or nicotine");
    expect(shortName("later-key")).toBe("later-key");
  });
});
