import { describe, expect, it } from "vitest";
import { backToAdmin, LOGIN_FAILURES, loginFailureMessage } from "./login";

describe("login failures", () => {
  it("gives the sentence for each reason, and nothing for anything else", () => {
    for (const [reason, sentence] of Object.entries(LOGIN_FAILURES)) expect(loginFailureMessage(reason)).toBe(sentence);
    for (const other of ["", "WRONG", "constructor", "__proto__", "toString", undefined, ["wrong"], 1]) expect(loginFailureMessage(other)).toBeNull();
  });

  it("sends a form login back to /admin with the answer's cookie and the reason", () => {
    const ok = backToAdmin(new Response(null, { status: 204, headers: { "set-cookie": "dtf_admin=v1.a.b; HttpOnly" } }), null);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/admin");
    expect(ok.headers.get("set-cookie")).toBe("dtf_admin=v1.a.b; HttpOnly");
    const wrong = backToAdmin(Response.json({ error: LOGIN_FAILURES.wrong }, { status: 401 }), "wrong");
    expect(wrong.headers.get("location")).toBe("/admin?login=wrong");
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect(wrong.headers.get("cache-control")).toBe("no-store");
  });
});
