import { describe, expect, it } from "vitest";
import { secretsEqual } from "./secrets";

describe("secretsEqual", () => {
  it("compares exactly, whatever the lengths", () => {
    expect(secretsEqual("e2e-admin-password-123", "e2e-admin-password-123")).toBe(true);
    expect(secretsEqual("e2e-admin-password-12", "e2e-admin-password-123")).toBe(false);
    expect(secretsEqual("", "e2e-admin-password-123")).toBe(false);
    expect(secretsEqual("E2E-admin-password-123", "e2e-admin-password-123")).toBe(false);
  });
});
