import Anthropic, { RateLimitError } from "@anthropic-ai/sdk";
import { describe, expect, it } from "vitest";
import { createMockApi, type MockApiOptions } from "./create-mock-api.js";
import { DEFAULT_RATE_LIMITS } from "./rate-limiter.js";

const START = Date.UTC(2026, 11, 4, 12, 0, 0);

/** A mock on a clock the test moves, and an official SDK client that calls it in process. */
function setup(options: MockApiOptions) {
  let time = START;
  const api = createMockApi({ ...options, now: () => time });
  const client = new Anthropic({
    apiKey: "k",
    maxRetries: 0,
    fetch: (input, init) => api.handle(new Request(input, init)),
  });
  return {
    api,
    client,
    advance(ms: number) {
      time += ms;
    },
  };
}

const ask = (content = "Hi", max_tokens = 64) => ({
  model: "claude-sonnet-4-6",
  max_tokens,
  messages: [{ role: "user" as const, content }],
});

function ratelimitHeaders(headers: Headers): Record<string, string> {
  const picked: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (name.startsWith("anthropic-ratelimit-")) picked[name] = value;
  });
  return picked;
}

describe("rate limiter", () => {
  it("reports generous, unenforced budgets on every response when none is set", async () => {
    const { client } = setup({});
    const { response } = await client.models.list().withResponse();
    expect(ratelimitHeaders(response.headers)).toEqual({
      "anthropic-ratelimit-requests-limit": String(DEFAULT_RATE_LIMITS.requestsPerMinute),
      "anthropic-ratelimit-requests-remaining": String(DEFAULT_RATE_LIMITS.requestsPerMinute),
      "anthropic-ratelimit-requests-reset": "2026-12-04T12:00:00Z",
      "anthropic-ratelimit-input-tokens-limit": String(DEFAULT_RATE_LIMITS.inputTokensPerMinute),
      "anthropic-ratelimit-input-tokens-remaining": String(DEFAULT_RATE_LIMITS.inputTokensPerMinute),
      "anthropic-ratelimit-input-tokens-reset": "2026-12-04T12:00:00Z",
      "anthropic-ratelimit-output-tokens-limit": String(DEFAULT_RATE_LIMITS.outputTokensPerMinute),
      "anthropic-ratelimit-output-tokens-remaining": String(DEFAULT_RATE_LIMITS.outputTokensPerMinute),
      "anthropic-ratelimit-output-tokens-reset": "2026-12-04T12:00:00Z",
      "anthropic-ratelimit-tokens-limit": String(DEFAULT_RATE_LIMITS.inputTokensPerMinute),
      "anthropic-ratelimit-tokens-remaining": String(DEFAULT_RATE_LIMITS.inputTokensPerMinute),
      "anthropic-ratelimit-tokens-reset": "2026-12-04T12:00:00Z",
    });
  });

  it("counts requests down, refuses with 429 and retry-after when spent, and refills over the minute", async () => {
    const { client, advance } = setup({ rateLimits: { requestsPerMinute: 2 } });
    const first = await client.messages.create(ask()).withResponse();
    expect(first.response.headers.get("anthropic-ratelimit-requests-remaining")).toBe("1");
    // Refilling one request of two per minute takes 30 s.
    expect(first.response.headers.get("anthropic-ratelimit-requests-reset")).toBe("2026-12-04T12:00:30Z");
    await client.messages.create(ask());
    const refused = await client.messages.create(ask()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitError);
    const error = refused as RateLimitError;
    expect(error.status).toBe(429);
    expect(error.error).toMatchObject({ error: { type: "rate_limit_error" } });
    expect(error.message).toContain("2 requests per minute");
    expect(error.headers?.get("retry-after")).toBe("30");
    expect(error.headers?.get("anthropic-ratelimit-requests-remaining")).toBe("0");
    advance(29_000);
    await expect(client.messages.create(ask())).rejects.toBeInstanceOf(RateLimitError);
    advance(1_000);
    const after = await client.messages.create(ask()).withResponse();
    expect(after.response.headers.get("anthropic-ratelimit-requests-remaining")).toBe("0");
  });

  it("meters input tokens with the count_tokens estimate", async () => {
    const { client, advance } = setup({ rateLimits: { inputTokensPerMinute: 1000 } });
    const prompt = "x".repeat(2000); // 500 tokens of text
    const counted = await client.messages.countTokens({
      model: "claude-sonnet-4-6",
      messages: ask(prompt).messages,
    });
    const first = await client.messages.create(ask(prompt)).withResponse();
    expect(first.response.headers.get("anthropic-ratelimit-input-tokens-remaining")).toBe(
      String(1000 - counted.input_tokens),
    );
    const refused = (await client.messages
      .create(ask(prompt))
      .catch((error: unknown) => error)) as RateLimitError;
    expect(refused).toBeInstanceOf(RateLimitError);
    expect(refused.message).toContain("1000 input tokens per minute");
    const waitSeconds = Number(refused.headers?.get("retry-after"));
    expect(waitSeconds).toBeGreaterThan(0);
    advance(waitSeconds * 1000);
    await expect(client.messages.create(ask(prompt))).resolves.toMatchObject({ type: "message" });
  });

  it("bills output tokens after each reply and refuses once they are spent", async () => {
    const { client, advance } = setup({ rateLimits: { outputTokensPerMinute: 60 } });
    const long = await client.messages.create(ask("Story [[mock: words=200]]", 4096)).withResponse();
    expect(long.data.usage.output_tokens).toBeGreaterThan(60);
    expect(long.response.headers.get("anthropic-ratelimit-output-tokens-remaining")).toBe("0");
    const refused = (await client.messages.create(ask()).catch((error: unknown) => error)) as RateLimitError;
    expect(refused).toBeInstanceOf(RateLimitError);
    expect(refused.message).toContain("60 output tokens per minute");
    advance(Number(refused.headers?.get("retry-after")) * 1000);
    await expect(client.messages.create(ask())).resolves.toMatchObject({ type: "message" });
  });

  it("reports the tightest token budget as tokens-*, remaining rounded to thousands", async () => {
    const { api } = setup({ rateLimits: { inputTokensPerMinute: 100_000, outputTokensPerMinute: 5_000 } });
    const response = await api.handle(
      new Request("https://api.anthropic.com/v1/messages", {
        method: "POST",
        headers: { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" },
        body: JSON.stringify(ask("Story [[mock: words=1400]]", 4096)),
      }),
    );
    const output = ((await response.json()) as { usage: { output_tokens: number } }).usage.output_tokens;
    const outputLeft = 5_000 - output;
    expect(response.headers.get("anthropic-ratelimit-output-tokens-remaining")).toBe(String(outputLeft));
    expect(response.headers.get("anthropic-ratelimit-tokens-limit")).toBe("5000");
    expect(response.headers.get("anthropic-ratelimit-tokens-remaining")).toBe(
      String(Math.round(outputLeft / 1000) * 1000),
    );
  });

  it("lets a browser read every rate-limit header (CORS exposes them)", async () => {
    const { api } = setup({ rateLimits: { requestsPerMinute: 10 } });
    const response = await api.handle(
      new Request("https://api.anthropic.com/v1/models", {
        headers: {
          "x-api-key": "k",
          "anthropic-version": "2023-06-01",
          origin: "http://localhost:5173",
          "anthropic-dangerous-direct-browser-access": "true",
        },
      }),
    );
    const exposed = (response.headers.get("access-control-expose-headers") ?? "").split(", ");
    const sent = Object.keys(ratelimitHeaders(response.headers));
    expect(sent).toHaveLength(12);
    for (const name of sent) expect(exposed).toContain(name);
  });

  it("starts over on reset()", async () => {
    const { api, client } = setup({ rateLimits: { requestsPerMinute: 1 } });
    await client.messages.create(ask());
    await expect(client.messages.create(ask())).rejects.toBeInstanceOf(RateLimitError);
    api.reset();
    await expect(client.messages.create(ask())).resolves.toMatchObject({ type: "message" });
  });

  it("refuses a budget that is not a positive number", () => {
    expect(() => createMockApi({ rateLimits: { requestsPerMinute: 0 } })).toThrow(
      /requestsPerMinute must be a positive number/,
    );
  });
});
