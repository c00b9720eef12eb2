import http from "node:http";
import { expect, test } from "@playwright/test";

/** Hostile clients against the production build (issue 19): methods the app does not serve. */

function send(baseURL: string, method: string, path: string): Promise<{ status: number; allow?: string; body: string }> {
  const u = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: u.pathname }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("TRACE and other methods the app does not serve get a plain 405 with Allow, never a 500", async ({ baseURL }) => {
  for (const path of ["/", "/trials", "/trials/NCT04042844", "/api/trials", "/api/health", "/api/admin/status"]) {
    for (const method of ["TRACE", "PROPFIND"]) {
      const res = await send(baseURL!, method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.allow).toContain("GET");
      expect(res.body).toBe("Method not allowed.\n");
    }
  }
});
