import { describe, expect, it } from "vitest";
import { requestCounts } from "../test/helpers.js";
import { createMockApi, type MockApi } from "./create-mock-api.js";

const headers = { "x-api-key": "k", "anthropic-version": "2023-06-01", "content-type": "application/json" };
const messageRequest = (content: string, extra: Record<string, unknown> = {}) =>
  new Request("https://api.anthropic.com/v1/messages", {
    method: "POST",
    headers,
    body: JSON.stringify({
      model: "claude-sonnet-4-6",
      max_tokens: 200,
      messages: [{ role: "user", content }],
      ...extra,
    }),
  });

/** `GET /v1/messages/batches/{path}` on the default origin. */
const batchRequest = (path: string) =>
  new Request(`https://api.anthropic.com/v1/messages/batches/${path}`, { headers });

/** Creates a batch of one short request per custom id and returns the batch's JSON. */
async function createBatch(api: MockApi, customIds: string[], origin = "https://api.anthropic.com") {
  const params = { model: "claude-sonnet-4-6", max_tokens: 10, messages: [{ role: "user", content: "x" }] };
  const requests = customIds.map((custom_id) => ({ custom_id, params }));
  const response = await api.handle(
    new Request(`${origin}/v1/messages/batches`, {
      method: "POST",
      headers,
      body: JSON.stringify({ requests }),
    }),
  );
  return response.json();
}

describe("createMockApi", () => {
  it("gives the same ids and replies for the same seed and requests", async () => {
    const first = createMockApi({ seed: 7 });
    const second = createMockApi({ seed: 7 });
    const a = await (await first.handle(messageRequest("hello"))).json();
    const b = await (await second.handle(messageRequest("hello"))).json();
    expect(b).toEqual(a);
    const other = await (await createMockApi({ seed: 8 }).handle(messageRequest("hello"))).json();
    expect(other.id).not.toBe(a.id);
  });

  it("restarts ids and forgets state on reset()", async () => {
    const api = createMockApi();
    const before = await api.handle(messageRequest("hello"));
    api.reset();
    const after = await api.handle(messageRequest("hello"));
    expect(after.headers.get("request-id")).toBe(before.headers.get("request-id"));
  });

  it("puts a request-id header on every response, errors and preflights included", async () => {
    const api = createMockApi();
    const responses = await Promise.all([
      api.handle(messageRequest("hi")),
      api.handle(new Request("https://api.anthropic.com/v1/nothing", { headers })),
      api.handle(new Request("https://api.anthropic.com/v1/messages", { method: "OPTIONS" })),
    ]);
    for (const response of responses) expect(response.headers.get("request-id")).toMatch(/^req_011C/);
  });

  it("stamps batches with the injected clock", async () => {
    const api = createMockApi({ now: () => new Date("2026-11-26T10:00:00Z") });
    const batch = await createBatch(api, ["a"]);
    expect(batch.created_at).toBe("2026-11-26T10:00:00.000Z");
    expect(batch.expires_at).toBe("2026-11-27T10:00:00.000Z");
  });

  it("ends requests that outlive the 24 h window as expired, and archives results after 29 days", async () => {
    let time = Date.UTC(2026, 10, 1);
    const api = createMockApi({ now: () => time, batchProcessingMs: 48 * 3600 * 1000 });
    const created = await createBatch(api, ["early", "late"]);
    time += 24 * 3600 * 1000;
    const ended = await (await api.handle(batchRequest(created.id))).json();
    expect(ended.processing_status).toBe("ended");
    expect(ended.request_counts).toEqual(requestCounts({ succeeded: 1, expired: 1 }));
    time += 29 * 24 * 3600 * 1000;
    const archived = await api.handle(batchRequest(created.id));
    expect((await archived.json()).archived_at).not.toBeNull();
    const results = await api.handle(batchRequest(`${created.id}/results`));
    expect(results.status).toBe(404);
  });

  it("moves request_counts as requests finish only with progressiveBatchCounts", async () => {
    const countsAtHalfTime = async (progressiveBatchCounts: boolean) => {
      let time = Date.UTC(2026, 10, 1);
      const api = createMockApi({ now: () => time, batchProcessingMs: 1000, progressiveBatchCounts });
      const created = await createBatch(api, ["a", "b"]);
      time += 500;
      return (await (await api.handle(batchRequest(created.id))).json()).request_counts;
    };
    expect(await countsAtHalfTime(false)).toMatchObject({ processing: 2, succeeded: 0 });
    expect(await countsAtHalfTime(true)).toMatchObject({ processing: 1, succeeded: 1 });
  });

  it("uses baseURL for results_url when given", async () => {
    const api = createMockApi({ baseURL: "https://mock.example/anthropic/", batchProcessingMs: 0 });
    const created = await createBatch(api, ["a"], "http://127.0.0.1:1234");
    expect(created.results_url).toBe(
      `https://mock.example/anthropic/v1/messages/batches/${created.id}/results`,
    );
  });

  it("returns no content and stop_reason max_tokens for max_tokens 0", async () => {
    const message = await (
      await createMockApi().handle(messageRequest("warm the cache", { max_tokens: 0 }))
    ).json();
    expect(message.content).toEqual([]);
    expect(message.stop_reason).toBe("max_tokens");
    expect(message.usage.output_tokens).toBe(0);
  });

  it("calls the tool named by tool_choice and cites search results", async () => {
    const api = createMockApi();
    const tool = await (
      await api.handle(
        messageRequest("hi", {
          tools: [
            { name: "first", input_schema: { type: "object" } },
            {
              name: "second",
              input_schema: { type: "object", properties: { q: { type: "string" } }, required: ["q"] },
            },
          ],
          tool_choice: { type: "tool", name: "second" },
        }),
      )
    ).json();
    expect(tool.content).toEqual([
      {
        type: "tool_use",
        id: expect.stringMatching(/^toolu_/),
        name: "second",
        input: { q: "example q" },
        caller: { type: "direct" },
      },
    ]);

    const cited = await (
      await api.handle(
        new Request("https://api.anthropic.com/v1/messages", {
          method: "POST",
          headers,
          body: JSON.stringify({
            model: "claude-sonnet-4-6",
            max_tokens: 300,
            messages: [
              {
                role: "user",
                content: [
                  {
                    type: "search_result",
                    source: "https://example.com/a",
                    title: "A",
                    content: [{ type: "text", text: "Alpha facts." }],
                    citations: { enabled: true },
                  },
                  { type: "text", text: "Summarise" },
                ],
              },
            ],
          }),
        }),
      )
    ).json();
    expect(cited.content[1].citations).toEqual([
      {
        type: "search_result_location",
        cited_text: "Alpha facts.",
        search_result_index: 0,
        source: "https://example.com/a",
        title: "A",
        start_block_index: 0,
        end_block_index: 1,
      },
    ]);
  });

  it("refuses compressed request bodies with request_body_encoding_unsupported", async () => {
    const request = new Request("https://api.anthropic.com/v1/messages", {
      method: "POST",
      headers: { ...headers, "content-encoding": "gzip" },
      body: "xx",
    });
    const response = await createMockApi().handle(request);
    expect(response.status).toBe(400);
    expect((await response.json()).error.details).toEqual({
      error_code: "request_body_encoding_unsupported",
    });
  });
});

describe("fail-times with mid-stream failures", () => {
  it("fails the first N identical streams mid-way and lets the next one through whole", async () => {
    const api = createMockApi();
    const body = JSON.stringify({
      model: "claude-sonnet-4-6",
      max_tokens: 100,
      stream: true,
      messages: [{ role: "user", content: "hi [[mock: stream-error after=3 fail-times=1]]" }],
    });
    const send = async () => {
      const response = await api.handle(
        new Request("http://mock.test/v1/messages", {
          method: "POST",
          headers: {
            "x-api-key": "k",
            "anthropic-version": "2023-06-01",
            "content-type": "application/json",
          },
          body,
        }),
      );
      return response.text();
    };
    const first = await send();
    expect(first).toContain("event: error");
    expect(first).not.toContain("event: message_stop");
    const second = await send();
    expect(second).not.toContain("event: error");
    expect(second).toContain("event: message_stop");
  });
});
