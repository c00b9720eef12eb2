import { describe, expect, it } from "vitest";
import { readJsonBody } from "./http";

const post = (body: string) => new Request("http://127.0.0.1/x", { method: "POST", body });

describe("readJsonBody", () => {
  it("parses a small body, and an empty one as {}", async () => {
    expect(await readJsonBody(post('{"mode":"full"}'))).toEqual({ mode: "full" });
    expect(await readJsonBody(new Request("http://127.0.0.1/x", { method: "POST" }))).toEqual({});
  });
  it("refuses a body over the limit and malformed JSON", async () => {
    await expect(readJsonBody(post(`{"password":"${"x".repeat(20_000)}"}`))).rejects.toThrow(/too large/);
    await expect(readJsonBody(post("{nope"))).rejects.toThrow(SyntaxError);
  });
});
