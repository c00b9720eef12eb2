import { describe, expect, it } from "vitest";
import { messagesFor } from "../../lib/i18n/messages";
import { LOCALES } from "../../lib/i18n/paths";
import { parseSearch, SEARCH_PARAM_ERROR_CODES } from "../../lib/search/schema";

// The search page says each refused parameter in its own language from the error's code (issue 16):
// every code has a sentence in every language, and each sentence names the parameter as it is in the
// URL, with the value or the limit it speaks of.

const fill = (template: string, e: { param: string; value: string; max?: number }) =>
  template.replace("{param}", e.param).replace("{value}", e.value).replace("{max}", String(e.max ?? ""));

describe("search parameter errors in every language", () => {
  it("have a sentence for every code", () => {
    for (const locale of LOCALES) {
      const sentences = messagesFor(locale).trials.paramErrors.code as Record<string, string>;
      expect(Object.keys(sentences).sort(), locale).toEqual([...SEARCH_PARAM_ERROR_CODES].sort());
      for (const code of SEARCH_PARAM_ERROR_CODES) expect(sentences[code], `${locale} ${code}`).toMatch(/^\{param\}: /);
    }
  });

  it("say in Spanish what was wrong, naming the parameter and what it holds", () => {
    const sentences = messagesFor("es").trials.paramErrors.code as Record<string, string>;
    const said = parseSearch(new URLSearchParams("phase=7&page=0&q=" + "x".repeat(201))).errors.map((e) => fill(sentences[e.code]!, e));
    expect(said).toEqual([
      "q: como mucho 200 caracteres.",
      "phase: no conocemos el valor de «7».",
      "page: un número entero del 1 al 500.",
    ]);
  });
});
