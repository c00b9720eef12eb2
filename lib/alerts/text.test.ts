import { describe, expect, it } from "vitest";
import english from "../i18n/messages/en/alerts.json" with { type: "json" };
import { followTextFor } from "./text";

describe("followTextFor", () => {
  it("gives the follow box and form words in the page's language", () => {
    const es = followTextFor("es");
    expect(es.summary).toBe("Seguir esta búsqueda");
    expect(es.form.subscribe).toBe("Enviarme correos");
    expect(es.locale).toBe("es");
    expect(followTextFor("en").form).toEqual(english.form);
  });

  it("gives the English box the English catalogue's words", () => {
    const { summary, feedIntro, feedLink, locale } = followTextFor("en");
    expect({ summary, feedIntro, feedLink, locale }).toEqual({ ...english.follow, locale: "en" });
  });
});
