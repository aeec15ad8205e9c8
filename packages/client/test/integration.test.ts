/** @colloquy/client against @colloquy/mock-api over loopback: every endpoint and failure path end to end. */
import { startMockApi } from "@colloquy/mock-api/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Anthropic, {
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  OverloadedError,
  RateLimitError,
  StreamTruncatedError,
} from "../src/index.js";

let mock: { url: string; close(): Promise<void> };
let client: Anthropic;

beforeAll(async () => {
  mock = await startMockApi({ batchProcessingMs: 30 });
  client = new Anthropic({ apiKey: "sk-ant-integration", baseURL: mock.url });
});

afterAll(async () => {
  await mock.close();
});

const model = "claude-sonnet-4-6";
const ask = (content: string, extra: Partial<Anthropic.MessageCreateParamsNonStreaming> = {}) => ({
  model,
  max_tokens: 1024,
  messages: [{ role: "user" as const, content }],
  ...extra,
});

const weatherTool: Anthropic.Tool = {
  name: "get_weather",
  description: "Current weather",
  input_schema: {
    type: "object",
    properties: { location: { type: "string" }, unit: { type: "string", enum: ["celsius", "fahrenheit"] } },
    required: ["location", "unit"],
  },
};

describe("client against the mock API", () => {
  it("the streamed message equals the non-streamed one for the same request", async () => {
    const params = ask("Tell me about rivers [[mock: words=120]]");
    const whole = await client.messages.create(params);
    const streamed = await client.messages.stream(params).finalMessage();
    const { id: _a, ...wholeRest } = whole;
    const { id: _b, ...streamedRest } = streamed;
    expect(streamedRest).toEqual(wholeRest);
  });

  it("streams tool input that parses to the schema's shape", async () => {
    const stream = client.messages.stream(
      ask("What is the weather?", { tools: [weatherTool], tool_choice: { type: "any" } }),
    );
    const snapshots: unknown[] = [];
    stream.on("inputJson", (_delta, snapshot) => snapshots.push(snapshot));
    const message = await stream.finalMessage();
    expect(message.stop_reason).toBe("tool_use");
    const toolUse = message.content.find((block) => block.type === "tool_use");
    expect(toolUse?.type === "tool_use" && toolUse.name).toBe("get_weather");
    const input = (toolUse as Anthropic.ToolUseBlock).input as Record<string, unknown>;
    expect(typeof input.location).toBe("string");
    expect(["celsius", "fahrenheit"]).toContain(input.unit);
    expect(snapshots.length).toBeGreaterThan(0);
    expect(snapshots.at(-1)).toEqual(input);
  });

  it("streams thinking with a signature", async () => {
    const stream = client.messages.stream(
      ask("Think first", { thinking: { type: "enabled", budget_tokens: 1024 }, max_tokens: 4096 }),
    );
    let thinking = "";
    stream.on("thinking", (delta) => {
      thinking += delta;
    });
    const message = await stream.finalMessage();
    const block = message.content[0];
    expect(block?.type).toBe("thinking");
    expect(block?.type === "thinking" && block.signature.length).toBeGreaterThan(10);
    expect(block?.type === "thinking" && block.thinking).toBe(thinking);
  });

  it("counts the same input tokens that the message reports", async () => {
    const params = ask("Count me, please. How many tokens is this?");
    const counted = await client.messages.countTokens({ model: params.model, messages: params.messages });
    const message = await client.messages.create(params);
    expect(counted.input_tokens).toBe(message.usage.input_tokens);
  });

  it("lists every model across pages and retrieves one", async () => {
    const all: string[] = [];
    for await (const info of client.models.list({ limit: 3 })) all.push(info.id);
    const first = await client.models.list({ limit: 1000 });
    expect(all).toEqual(first.data.map((info) => info.id));
    expect(all.length).toBeGreaterThan(3);
    const one = await client.models.retrieve(all[0]!);
    expect(one.id).toBe(all[0]);
    await expect(client.models.retrieve("no-such-model")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("rejects a stream that carries an error event with the class of its type", async () => {
    const stream = client.messages.stream(ask("hi [[mock: stream-error=overloaded_error after=4]]"));
    const error = await stream.finalMessage().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as OverloadedError).status).toBe(529);
  });

  it("rejects a dropped stream as truncated, never as a short success", async () => {
    const stream = await client.messages.create({
      ...ask("hi [[mock: words=50]] [[mock: drop after=5]]"),
      stream: true,
    });
    const events: string[] = [];
    const error = await (async () => {
      for await (const event of stream) events.push(event.type);
    })().catch((caught: unknown) => caught);
    expect(events).not.toContain("message_stop");
    expect(error).toSatisfy(
      (caught: unknown) =>
        caught instanceof StreamTruncatedError || caught instanceof Anthropic.APIConnectionError,
    );
  });

  it("retries a failing request until the mock lets it through", async () => {
    const result = await client.messages.create(ask("retry me [[mock: fail-times=2 retry-after-ms=5]]"));
    expect(result.type).toBe("message");
  });

  it("surfaces a 429 after the retries are spent", async () => {
    const fastClient = client.withOptions({ maxRetries: 1 });
    await expect(
      fastClient.messages.create(ask("[[mock: error=429 retry-after-ms=5]]")),
    ).rejects.toBeInstanceOf(RateLimitError);
  });

  it("rejects a wrong key", async () => {
    const strict = await startMockApi({ apiKey: "sk-ant-right" });
    try {
      const wrong = new Anthropic({ apiKey: "sk-ant-wrong", baseURL: strict.url });
      await expect(wrong.messages.create(ask("hi"))).rejects.toBeInstanceOf(AuthenticationError);
    } finally {
      await strict.close();
    }
  });

  it("aborts a stream mid-way with APIUserAbortError from finalMessage()", async () => {
    const stream = client.messages.stream(ask("[[mock: words=400 slow=20]]"));
    stream.on("text", () => stream.abort());
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("runs a batch through its lifecycle: create, poll, results, delete; and cancel another", async () => {
    const batch = await client.messages.batches.create({
      requests: [
        { custom_id: "ok-1", params: ask("first") },
        { custom_id: "ok-2", params: ask("second") },
        // Invalid params end as an errored result, not a failed batch.
        { custom_id: "bad-1", params: { model, max_tokens: 10, messages: [] } },
      ],
    });
    expect(batch.processing_status).toBe("in_progress");
    expect(batch.request_counts.processing).toBe(3);
    let current = batch;
    for (let polls = 0; current.processing_status !== "ended" && polls < 200; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      current = await client.messages.batches.retrieve(batch.id);
    }
    expect(current.processing_status).toBe("ended");
    expect(current.request_counts).toMatchObject({ processing: 0, succeeded: 2, errored: 1 });
    const results = new Map<string, string>();
    for await (const entry of await client.messages.batches.results(batch.id))
      results.set(entry.custom_id, entry.result.type);
    expect(Object.fromEntries(results)).toEqual({
      "ok-1": "succeeded",
      "ok-2": "succeeded",
      "bad-1": "errored",
    });
    const deleted = await client.messages.batches.delete(batch.id);
    expect(deleted).toMatchObject({ id: batch.id, type: "message_batch_deleted" });
    await expect(client.messages.batches.retrieve(batch.id)).rejects.toBeInstanceOf(NotFoundError);

    const slow = await startMockApi({ batchProcessingMs: 60_000 });
    try {
      const slowClient = new Anthropic({ apiKey: "k", baseURL: slow.url });
      const long = await slowClient.messages.batches.create({
        requests: [{ custom_id: "c-1", params: ask("x") }],
      });
      await expect(slowClient.messages.batches.results(long.id)).rejects.toThrow(/results_url/);
      const canceling = await slowClient.messages.batches.cancel(long.id);
      expect(["canceling", "ended"]).toContain(canceling.processing_status);
    } finally {
      await slow.close();
    }
  });
});

describe("the request-building surface against the mock API", () => {
  it("buildRequest gives a request that plain fetch can send, JSON body and headers included", async () => {
    const { req, url, timeout } = await client.buildRequest({
      method: "post",
      path: "/v1/messages",
      body: ask("Hello"),
      timeout: 45_000,
    });
    expect(timeout).toBe(45_000);
    expect(req.headers.get("x-stainless-timeout")).toBe("45");
    const response = await fetch(url, req);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ type: "message", role: "assistant" });
  });

  it("puts the request id of the real response on results, withResponse() and streams", async () => {
    const { data, request_id, workspace_id } = await client.messages.create(ask("Hi")).withResponse();
    expect(request_id).toMatch(/^req_/);
    expect((data as { _request_id?: string | null })._request_id).toBe(request_id);
    expect(workspace_id).toBe((data as { _workspace_id?: string | null })._workspace_id);
    const stream = client.messages.stream(ask("Hi"));
    await stream.done();
    expect(stream.request_id).toMatch(/^req_/);
  });

  it("the path option overrides the path a typed method would use", async () => {
    await expect(client.models.retrieve("no-such-model")).rejects.toBeInstanceOf(NotFoundError);
    const found = await client.models.retrieve("no-such-model", {}, { path: `/v1/models/${model}` });
    expect(found.id).toBe(model);
  });
});
