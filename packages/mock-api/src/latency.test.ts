import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createMockApi, type HandleOptions, type MockApi } from "./create-mock-api.js";
import { latencyFor } from "./latency.js";

const headers = { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" };

function message(content: string, extra: Record<string, unknown> = {}, signal?: AbortSignal) {
  return new Request("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers,
    body: JSON.stringify({
      model: "claude-sonnet-4-6",
      max_tokens: 64,
      messages: [{ role: "user", content }],
      ...extra,
    }),
    signal: signal ?? null,
  });
}

/** Starts a request and reports when its response (headers) arrives. */
function track(api: MockApi, request: Request, options?: HandleOptions) {
  const state: { response?: Response; error?: unknown } = {};
  const done = api.handle(request, options).then(
    (response) => {
      state.response = response;
    },
    (error: unknown) => {
      state.error = error;
    },
  );
  return { state, done };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("latency model", () => {
  it("holds every response for latencyMs before the first byte", async () => {
    const api = createMockApi({ latencyMs: 300 });
    const models = track(api, new Request("https://api.anthropic.com/v1/models", { headers }));
    const created = track(api, message("Hi"));
    await vi.advanceTimersByTimeAsync(299);
    expect(models.state.response).toBeUndefined();
    expect(created.state.response).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(models.state.response?.status).toBe(200);
    expect(created.state.response?.status).toBe(200);
  });

  it("delays errors too, and a streamed reply then flows without waiting again", async () => {
    const api = createMockApi({ latencyMs: 100 });
    const invalid = track(api, message("", { max_tokens: -1 }));
    const streamed = track(api, message("Stream", { stream: true }));
    await vi.advanceTimersByTimeAsync(99);
    expect(invalid.state.response).toBeUndefined();
    expect(streamed.state.response).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(invalid.state.response?.status).toBe(400);
    const text = await streamed.state.response?.text();
    expect(text).toContain("event: message_stop");
  });

  it("takes the latency=MS trigger over the option, from a directive or the header", async () => {
    const api = createMockApi({ latencyMs: 1000 });
    const directive = track(api, message("Quick [[mock: latency=10]]"));
    const header = track(
      api,
      new Request("https://api.anthropic.com/v1/models", {
        headers: { ...headers, "x-mock-trigger": "latency=2000" },
      }),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(directive.state.response?.status).toBe(200);
    await vi.advanceTimersByTimeAsync(1989);
    expect(header.state.response).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(header.state.response?.status).toBe(200);
  });

  it("stops waiting as soon as the request is aborted, rejecting as fetch does", async () => {
    const api = createMockApi({ latencyMs: 5000 });
    const controller = new AbortController();
    const slow = track(api, message("Slow", {}, controller.signal));
    await vi.advanceTimersByTimeAsync(1000);
    controller.abort();
    await slow.done;
    expect(slow.state.response).toBeUndefined();
    expect(slow.state.error).toMatchObject({ name: "AbortError" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("adds a jitter within [0, latencyJitterMs] that the seed makes repeatable", () => {
    const first = Array.from({ length: 50 }, (_, index) => latencyFor("seed-a", index, 300, 40));
    expect(first.every((value) => value >= 300 && value <= 340)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(10);
    expect(Array.from({ length: 50 }, (_, index) => latencyFor("seed-a", index, 300, 40))).toEqual(first);
    expect(Array.from({ length: 50 }, (_, index) => latencyFor("seed-b", index, 300, 40))).not.toEqual(first);
    expect(latencyFor("seed-a", 3, 300, 0)).toBe(300);
  });

  it("applies the jitter to responses", async () => {
    const api = createMockApi({ latencyMs: 50, latencyJitterMs: 30, seed: "jitter" });
    const expected = latencyFor("jitter", 0, 50, 30);
    const first = track(api, new Request("https://api.anthropic.com/v1/models", { headers }));
    await vi.advanceTimersByTimeAsync(expected - 1);
    expect(first.state.response).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(first.state.response?.status).toBe(200);
  });

  it("refuses a negative or non-numeric latency", () => {
    expect(() => createMockApi({ latencyMs: -1 })).toThrow(/latencyMs must be a number of milliseconds/);
    expect(() => createMockApi({ latencyJitterMs: Number.NaN })).toThrow(/latencyJitterMs/);
  });
});

describe("latency counted from arrival", () => {
  it.each([
    {
      name: "counts from receivedAt, so time queued before the core got to the request is part of it",
      arrivedAgo: 120,
      answeredAt: 180,
    },
    {
      // 299.5 ms left: a timer counts whole milliseconds and would fire at 299.
      name: "never answers early when the time left is not a whole number of milliseconds",
      arrivedAgo: 0.5,
      answeredAt: 300,
    },
  ])("$name", async ({ arrivedAgo, answeredAt }) => {
    const api = createMockApi({ latencyMs: 300 });
    const models = track(api, new Request("https://api.anthropic.com/v1/models", { headers }), {
      receivedAt: performance.now() - arrivedAgo,
    });
    await vi.advanceTimersByTimeAsync(answeredAt - 1);
    expect(models.state.response).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(models.state.response?.status).toBe(200);
  });
});
