import { describe, expect, it, vi } from "vitest";

const logged: unknown[] = [];
vi.mock("../logger", () => ({ logger: { error: (...args: unknown[]) => void logged.push(args) } }));
const { apiError, DATABASE_UNREACHABLE, failure, invalidParameters, naming } = await import("./errors");

describe("API error answers", () => {
  it("have one body shape, the code's status, and ask for a retry only when the database is down", async () => {
    const notFound = apiError("not_found", "No trial NCT00000000 on file.");
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: "not_found", message: "No trial NCT00000000 on file." });
    expect(notFound.headers.get("retry-after")).toBeNull();
    const conflict = apiError("conflict", "Sync run 7 is already in progress.", { extra: { runId: 7 }, headers: { "cache-control": "no-store" } });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get("cache-control")).toBe("no-store");
    expect(await conflict.json()).toEqual({ error: "conflict", message: "Sync run 7 is already in progress.", runId: 7 });
    const down = failure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }), "test");
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("10");
    expect(await down.json()).toEqual({ error: "database_unavailable", message: DATABASE_UNREACHABLE });
  });

  it("answers any other failure with a logged 500 that carries no stack", async () => {
    const res = failure(new Error("boom at secret place"), "test");
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: string; message: string };
    expect(body.error).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("boom");
    expect(logged).toHaveLength(1);
  });

  it("name every bad parameter in the message and list each one", async () => {
    const res = invalidParameters(
      [
        { param: "phase", value: "9", code: "unknown-value", message: "phase: unknown value 9", allowed: ["1", "2"] },
        { param: "sort", value: "x", message: "sort: unknown value x" },
      ],
      {},
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: "invalid_parameters",
      message: "phase: unknown value 9; sort: unknown value x",
      errors: [
        { param: "phase", value: "9", code: "unknown-value", message: "phase: unknown value 9", allowed: ["1", "2"] },
        { param: "sort", value: "x", message: "sort: unknown value x" },
      ],
    });
    const body = invalidParameters([{ param: "profile.age", message: "unknown key" }], { code: "invalid_body", sentence: naming });
    expect(await body.json()).toEqual({ error: "invalid_body", message: "profile.age: unknown key", errors: [{ param: "profile.age", message: "unknown key" }] });
  });
});
