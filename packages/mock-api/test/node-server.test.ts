import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMockApi, startMockApi } from "../src/node.js";
import { MODEL, rawHeaders } from "./helpers.js";

let server: RunningMockApi;
const signals: AbortSignal[] = [];

beforeAll(async () => {
  server = await startMockApi({ streamDelayMs: 50 });
  const handle = server.api.handle.bind(server.api);
  server.api.handle = (request) => {
    signals.push(request.signal);
    return handle(request);
  };
});
afterAll(() => server.close());

describe("startMockApi", () => {
  it("binds loopback on a free port by default", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it("aborts the core's request signal when the client disconnects mid-stream", async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: rawHeaders,
      body: JSON.stringify({
        model: MODEL,
        max_tokens: 500,
        stream: true,
        messages: [{ role: "user", content: "[[mock: words=300]]" }],
      }),
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    await reader?.read();
    const signal = signals[signals.length - 1];
    expect(signal?.aborted).toBe(false);
    const aborted = new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve()));
    controller.abort();
    await aborted;
    expect(signal?.aborted).toBe(true);
  });

  it("cuts the connection for a drop trigger so the client sees an incomplete body", async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: { ...rawHeaders, "x-mock-trigger": "drop after=3; delay=0" },
      body: JSON.stringify({
        model: MODEL,
        max_tokens: 100,
        stream: true,
        messages: [{ role: "user", content: "hi" }],
      }),
    });
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });
});
