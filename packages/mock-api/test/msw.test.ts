import Anthropic from "@anthropic-ai/sdk";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockApi } from "../src/create-mock-api.js";
import { createMockApiHandlers } from "../src/msw.js";
import { MODEL, manualClock, oneTurn, parseSse, rawHeaders } from "./helpers.js";

const clock = manualClock();
const api = createMockApi({ now: clock.now, batchProcessingMs: 1000 });
const server = setupServer(...createMockApiHandlers({ api, baseURL: "http://localhost:5173/api/anthropic" }));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => api.reset());
afterAll(() => server.close());

// msw patches globalThis.fetch in listen(); resolving it per call makes the SDK use the patched one.
const mswClient = (options: { apiKey: string; baseURL?: string }) =>
  new Anthropic({ ...options, maxRetries: 0, fetch: (input, init) => globalThis.fetch(input, init) });
const client = mswClient({ apiKey: "test-key" });

/** A raw streaming `POST /v1/messages` with these `x-mock-trigger` directives. */
const rawStream = (trigger: string) =>
  fetch("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers: { ...rawHeaders, "x-mock-trigger": trigger },
    body: JSON.stringify({
      model: MODEL,
      max_tokens: 100,
      stream: true,
      messages: [{ role: "user", content: "hi" }],
    }),
  });

/** A batch of one short request. */
const oneRequestBatch = (customId: string) => ({
  requests: [
    {
      custom_id: customId,
      params: oneTurn("hi", 50),
    },
  ],
});

describe("msw handlers", () => {
  it("answers the official SDK at https://api.anthropic.com", async () => {
    const message = await client.messages.create(oneTurn("hi msw", 100));
    expect(message.type).toBe("message");
    expect(message._request_id).toMatch(/^req_/);
  });

  it("streams through the SDK helper", async () => {
    const final = await client.messages.stream(oneTurn("stream via msw", 100)).finalMessage();
    expect(final.stop_reason).toBe("end_turn");
  });

  it("delivers stream events before the stream has finished", async () => {
    const response = await rawStream("delay=5");
    const reader = response.body?.getReader();
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for (;;) {
      const result = await reader?.read();
      if (!result || result.done) break;
      chunks.push(decoder.decode(result.value, { stream: true }));
    }
    expect(chunks[0]).toContain("event: message_start");
    expect(chunks[0]).not.toContain("message_stop");
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toContain("event: message_stop");
  });

  it("serves a custom base URL with a path prefix, and batch results_url on that prefix", async () => {
    const proxied = mswClient({ apiKey: "k", baseURL: "http://localhost:5173/api/anthropic" });
    const batch = await proxied.messages.batches.create(oneRequestBatch("one"));
    clock.advance(1000);
    const ended = await proxied.messages.batches.retrieve(batch.id);
    expect(ended.results_url).toBe(
      `http://localhost:5173/api/anthropic/v1/messages/batches/${batch.id}/results`,
    );
    const lines = [];
    for await (const line of await proxied.messages.batches.results(batch.id)) lines.push(line);
    expect(lines).toHaveLength(1);
  });

  it("reports a mid-stream error event", async () => {
    const response = await rawStream("stream-error=api_error after=2");
    const events = parseSse(await response.text());
    expect(events.map((event) => event.event)).toEqual(["message_start", "content_block_start", "error"]);
    expect(events[2]?.data).toMatchObject({ type: "error", error: { type: "api_error" } });
  });

  it("reset() forgets batches", async () => {
    const batch = await client.messages.batches.create(oneRequestBatch("x"));
    api.reset();
    await expect(client.messages.batches.retrieve(batch.id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });
});
