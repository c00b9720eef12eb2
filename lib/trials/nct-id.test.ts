import { describe, expect, it } from "vitest";
import { nctIdParam } from "./nct-id";

describe("nctIdParam", () => {
  it("takes an NCT id in any case, upper-cased", () => {
    expect(nctIdParam("nct04042844")).toEqual({ id: "NCT04042844" });
    expect(nctIdParam("NCT04042844")).toEqual({ id: "NCT04042844" });
  });

  it.each(["NCT123", "NCT040428445", "04042844", "NCT0404284x", ""])("answers %j with a 400 naming nctId and the value sent", async (raw) => {
    const r = nctIdParam(raw);
    if (!("error" in r)) throw new Error(`accepted ${raw}`);
    expect(r.error.status).toBe(400);
    expect(await r.error.json()).toMatchObject({
      error: "invalid_parameters",
      message: "nctId: expected NCT followed by 8 digits",
      errors: [{ param: "nctId", value: raw, message: "expected NCT followed by 8 digits" }],
    });
  });
});
