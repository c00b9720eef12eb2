import { describe, expect, it } from "vitest";
import { isLocale, localeOrDefault, localePath, unlocalizedPath } from "./paths";

describe("locale addresses", () => {
  it.each([
    ["en", "/", "/"],
    ["en", "/trials?phase=2", "/trials?phase=2"],
    ["es", "/", "/es"],
    ["es", "/?near=Madrid", "/es?near=Madrid"],
    ["es", "/trials?phase=2&near=Austin%2C+TX", "/es/trials?phase=2&near=Austin%2C+TX"],
    ["es", "/learn/risks", "/es/learn/risks"],
  ] as const)("localePath(%s, %s) is %s", (locale, path, want) => {
    expect(localePath(locale, path)).toBe(want);
  });

  it.each([
    ["/es", "es", "/"],
    ["/es?near=Madrid", "es", "/?near=Madrid"],
    ["/es/trials?phase=2", "es", "/trials?phase=2"],
    ["/trials?phase=2", "en", "/trials?phase=2"],
    ["/estudios", "en", "/estudios"],
    ["/", "en", "/"],
  ] as const)("unlocalizedPath(%s) is %s %s", (address, locale, path) => {
    expect(unlocalizedPath(address)).toEqual({ locale, path });
    expect(localePath(locale, path)).toBe(address);
  });

  it("knows its locales", () => {
    expect(isLocale("es")).toBe(true);
    expect(isLocale("fr")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
    expect([localeOrDefault("es"), localeOrDefault("fr"), localeOrDefault(null)]).toEqual(["es", "en", "en"]);
  });
});
