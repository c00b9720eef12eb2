import { describe, expect, it } from "vitest";
import * as classify from "../classify/schema";
import * as slugs from "./slugs";

describe("search slug lists", () => {
  it("equal the classifier's, in the same order", () => {
    expect(slugs.THERAPIES).toEqual(classify.THERAPIES);
    expect(slugs.SOURCES).toEqual(classify.SOURCES);
    expect(slugs.ROUTES).toEqual(classify.ROUTES);
    expect(slugs.PHASES).toEqual(classify.PHASES);
  });
});
