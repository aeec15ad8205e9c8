import { describe, expect, it } from "vitest";
import { createMockApi } from "../src/create-mock-api.js";
import { oneTurn, rawHeaders } from "./helpers.js";

const api = createMockApi();
const url = "https://api.anthropic.com/v1/messages";
const body = JSON.stringify(oneTurn("hi", 10));

describe("CORS", () => {
  it("answers a preflight with the requested headers allowed", async () => {
    const response = await api.handle(
      new Request(url, {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:5173",
          "access-control-request-method": "POST",
          "access-control-request-headers": "x-api-key, anthropic-version, content-type",
        },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(response.headers.get("access-control-allow-headers")).toBe(
      "x-api-key, anthropic-version, content-type",
    );
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("refuses a browser request without anthropic-dangerous-direct-browser-access", async () => {
    const response = await api.handle(
      new Request(url, { method: "POST", headers: { ...rawHeaders, origin: "http://localhost:5173" }, body }),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { type: "authentication_error", message: expect.stringMatching(/CORS/) },
    });
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
  });

  it("serves a browser request that sets the header and exposes request-id and retry headers", async () => {
    const response = await api.handle(
      new Request(url, {
        method: "POST",
        headers: {
          ...rawHeaders,
          origin: "http://localhost:5173",
          "anthropic-dangerous-direct-browser-access": "true",
        },
        body,
      }),
    );
    expect(response.status).toBe(200);
    const exposed = response.headers.get("access-control-expose-headers") ?? "";
    for (const name of ["request-id", "retry-after", "retry-after-ms", "x-should-retry"])
      expect(exposed).toContain(name);
  });
});
