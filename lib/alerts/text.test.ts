import { describe, expect, it } from "vitest";
import { FOLLOW } from "../feeds/text";
import english from "../i18n/messages/en/alerts.json" with { type: "json" };
import { followTextFor } from "./text";

describe("followTextFor", () => {
  it("gives the follow box and form words in the page's language", () => {
    const es = followTextFor("es");
    expect(es.summary).toBe("Seguir esta búsqueda");
    expect(es.form?.subscribe).toBe("Enviarme correos");
    expect(es.locale).toBe("es");
    expect(followTextFor("en").form).toEqual(english.form);
  });

  it("keeps the English fallback of the follow box (lib/feeds/text) the same as the catalogue", () => {
    // FollowSearch shows FOLLOW when its page passes no words; the two must not drift apart.
    const { summary, feedIntro, feedLink } = followTextFor("en");
    expect({ summary, feedIntro, feedLink }).toEqual(FOLLOW);
  });
});
