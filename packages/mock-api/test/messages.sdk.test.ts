import type Anthropic from "@anthropic-ai/sdk";
import { helloMessage } from "@colloquy/client/types/test-examples";
import { describe, expect, it } from "vitest";
import { MODEL, oneTurn, parseSse, rawHeaders, startForFile, startWithClient } from "./helpers.js";

const { server, client } = await startForFile();

const weatherTool = {
  name: "get_weather",
  description: "Current weather",
  input_schema: {
    type: "object" as const,
    properties: {
      location: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      days: { type: "integer", minimum: 1, maximum: 7 },
      options: {
        type: "object",
        properties: {
          hourly: { type: "boolean" },
          tags: { type: "array", items: { type: "string" }, minItems: 2 },
        },
        required: ["hourly", "tags"],
      },
      note: { type: "string" },
    },
    required: ["location", "unit", "days", "options"],
  },
};

describe("POST /v1/messages through the official SDK", () => {
  it("returns a complete Message with every field, nulls included", async () => {
    const message = await client.messages.create(oneTurn("Hello, Claude", 256));
    expect(message).toMatchObject({
      type: "message",
      role: "assistant",
      model: MODEL,
      stop_reason: "end_turn",
      stop_sequence: null,
      stop_details: null,
      container: null,
      diagnostics: null,
    });
    expect(message.id).toMatch(/^msg_01[A-Za-z0-9]{22}$/);
    expect(message.content).toHaveLength(1);
    expect(message.content[0]?.type).toBe("text");
    // The real API omits `citations` on plain text; clients that validate it (the AI SDK) reject `null`.
    expect(message.content[0]).not.toHaveProperty("citations");
    expect((message.content[0] as { text: string }).text).toContain("Hello, Claude");
    // Every usage field of the protocol document's example reply, with this reply's own counts.
    expect(message.usage).toEqual({
      ...helloMessage.usage,
      input_tokens: expect.any(Number),
      output_tokens: expect.any(Number),
    });
    expect(message._request_id).toMatch(/^req_/);
  });

  it("answers a repeated request with its next variant, the same sequence on every run", async () => {
    const params = oneTurn("Repeat me", 256);
    const first = await client.messages.create(params);
    const second = await client.messages.create(params);
    expect(second.content).not.toEqual(first.content);
    expect(second.id).not.toBe(first.id);
    expect((first.content[0] as { text: string }).text).toMatch(/^This is a mock reply to “Repeat me”\./);
    expect((second.content[0] as { text: string }).text).toMatch(/^This is mock reply 2 to “Repeat me”\./);
    const rerun = await startWithClient();
    try {
      expect((await rerun.client.messages.create(params)).content).toEqual(first.content);
      expect((await rerun.client.messages.create(params)).content).toEqual(second.content);
    } finally {
      await rerun.server.close();
    }
    const steady = await startWithClient({ varyRepeatedRequests: false });
    try {
      const once = await steady.client.messages.create(params);
      expect((await steady.client.messages.create(params)).content).toEqual(once.content);
      expect(once.content).toEqual(first.content);
    } finally {
      await steady.server.close();
    }
  });

  it("does not count a request refused with an HTTP error as a repeat", async () => {
    const params = oneTurn("Retry me", 256);
    const failing = await startWithClient(
      {},
      { maxRetries: 1, defaultHeaders: { "x-mock-fail-times": "1", "x-mock-trigger": "retry-after-ms=1" } },
    );
    const fresh = await startWithClient();
    try {
      const retried = await failing.client.messages.create(params);
      expect(retried.content).toEqual((await fresh.client.messages.create(params)).content);
    } finally {
      await failing.server.close();
      await fresh.server.close();
    }
  });

  it("streams with the messages.stream helper into the same message as create", async () => {
    const params = oneTurn("Stream this", 256);
    const created = await client.messages.create(params);
    const texts: string[] = [];
    const stream = client.messages.stream(params).on("text", (text) => texts.push(text));
    const final = await stream.finalMessage();
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join("")).toBe((created.content[0] as { text: string }).text);
    expect(final.usage).toEqual(created.usage);
    expect(final.stop_reason).toBe("end_turn");
  });

  it("streams raw events in the documented order with a ping and cumulative usage", async () => {
    const stream = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      stream: true,
      messages: [{ role: "user", content: "Raw events please" }],
    });
    const types: string[] = [];
    let finalOutput = 0;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "message_delta") finalOutput = event.usage.output_tokens;
    }
    expect(types[0]).toBe("message_start");
    expect(types[1]).toBe("content_block_start");
    expect(types.slice(-3)).toEqual(["content_block_stop", "message_delta", "message_stop"]);
    expect(types.filter((type) => type === "content_block_delta").length).toBeGreaterThan(1);
    expect(finalOutput).toBeGreaterThan(1);

    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: rawHeaders,
      body: JSON.stringify({
        model: MODEL,
        max_tokens: 256,
        stream: true,
        messages: [{ role: "user", content: "Raw events please" }],
      }),
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    const text = await response.text();
    expect(text.endsWith("\n\n")).toBe(true);
    const events = parseSse(text);
    expect(events.map((event) => event.event).slice(0, 3)).toEqual([
      "message_start",
      "content_block_start",
      "ping",
    ]);
    for (const event of events) expect((event.data as { type: string }).type).toBe(event.event);
  });

  it("calls the forced tool with input generated from its input_schema", async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 512,
      tools: [weatherTool],
      tool_choice: { type: "any" },
      messages: [{ role: "user", content: "What's up?" }],
    });
    expect(message.stop_reason).toBe("tool_use");
    expect(message.content).toHaveLength(1);
    const block = message.content[0];
    expect(block?.type).toBe("tool_use");
    if (block?.type !== "tool_use") return;
    expect(block.id).toMatch(/^toolu_/);
    expect(block.caller).toEqual({ type: "direct" });
    expect(block.input).toEqual({
      location: expect.any(String),
      unit: "celsius",
      days: 4,
      options: { hourly: true, tags: [expect.any(String), expect.any(String)] },
    });
  });

  it("calls a tool the user names and streams its input as JSON deltas", async () => {
    const stream = client.messages.stream({
      model: MODEL,
      max_tokens: 512,
      tools: [weatherTool],
      messages: [{ role: "user", content: "Use get_weather for Paris" }],
    });
    const fragments: string[] = [];
    stream.on("inputJson", (fragment) => fragments.push(fragment));
    const final = await stream.finalMessage();
    expect(final.stop_reason).toBe("tool_use");
    expect(final.content.map((block) => block.type)).toEqual(["text", "tool_use"]);
    const toolUse = final.content[1] as { input: Record<string, unknown> };
    expect(JSON.parse(fragments.join(""))).toEqual(toolUse.input);
    expect(toolUse.input.unit).toBe("celsius");
  });

  it("answers a tool result in text, so tool loops end", async () => {
    const first = await client.messages.create({
      model: MODEL,
      max_tokens: 512,
      tools: [weatherTool],
      messages: [{ role: "user", content: "get_weather please" }],
    });
    const toolUse = first.content.find((block) => block.type === "tool_use");
    expect(toolUse).toBeDefined();
    const second = await client.messages.create({
      model: MODEL,
      max_tokens: 512,
      tools: [weatherTool],
      messages: [
        { role: "user", content: "get_weather please" },
        { role: "assistant", content: first.content },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: toolUse?.id ?? "", content: "18°C, cloudy" }],
        },
      ],
    });
    expect(second.stop_reason).toBe("end_turn");
    expect((second.content[0] as { text: string }).text).toContain("18°C, cloudy");
  });

  it("starts with a signed thinking block when thinking is enabled", async () => {
    const params = {
      model: "claude-haiku-4-5",
      max_tokens: 4096,
      thinking: { type: "enabled" as const, budget_tokens: 2048 },
      messages: [{ role: "user" as const, content: "Think first" }],
    };
    const message = await client.messages.create(params);
    expect(message.content.map((block) => block.type)).toEqual(["thinking", "text"]);
    const thinking = message.content[0] as { thinking: string; signature: string };
    expect(thinking.thinking.length).toBeGreaterThan(0);
    expect(thinking.signature.length).toBeGreaterThan(20);
    expect(message.usage.output_tokens_details?.thinking_tokens).toBeGreaterThan(0);

    const signatures: string[] = [];
    const stream = client.messages.stream(params).on("signature", (signature) => signatures.push(signature));
    const streamed = await stream.finalMessage();
    expect(streamed.content).toEqual(message.content);
    expect(streamed.usage).toEqual(message.usage);
    expect(signatures).toEqual([thinking.signature]);
  });

  it("cites a document that enables citations", async () => {
    const params: Anthropic.MessageCreateParamsNonStreaming = {
      model: MODEL,
      max_tokens: 512,
      messages: [
        {
          role: "user",
          content: [
            {
              type: "document",
              source: { type: "text", media_type: "text/plain", data: "The sky is blue. Grass is green." },
              title: "Facts",
              citations: { enabled: true },
            },
            { type: "text", text: "What colour is the sky?" },
          ],
        },
      ],
    };
    const message = await client.messages.create(params);
    const cited = message.content.find((block) => block.type === "text" && block.citations);
    expect(cited).toMatchObject({
      text: "The sky is blue.",
      citations: [
        {
          type: "char_location",
          cited_text: "The sky is blue.",
          document_index: 0,
          document_title: "Facts",
          start_char_index: 0,
          end_char_index: 16,
        },
      ],
    });
    const citations: unknown[] = [];
    const stream = client.messages.stream(params).on("citation", (citation) => citations.push(citation));
    const streamed = await stream.finalMessage();
    expect(citations).toHaveLength(1);
    // Only the cited block carries `citations`, streamed or not.
    expect(message.content[0]).not.toHaveProperty("citations");
    expect(streamed.content[0]).not.toHaveProperty("citations");
    expect(streamed.content[2]).not.toHaveProperty("citations");
    expect(streamed.content[1]).toMatchObject({
      text: "The sky is blue.",
      citations: [{ cited_text: "The sky is blue." }],
    });
  });

  it("truncates at max_tokens with stop_reason max_tokens", async () => {
    const message = await client.messages.create(oneTurn("Tell me a long story [[mock: words=200]]", 5));
    expect(message.stop_reason).toBe("max_tokens");
    expect(message.usage.output_tokens).toBe(5);
    expect((message.content[0] as { text: string }).text.length).toBeLessThanOrEqual(20);
  });

  it("stops at a stop sequence and reports which one", async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      stop_sequences: ["STOP"],
      messages: [{ role: "user", content: 'Go [[mock: reply="one two STOP three"]]' }],
    });
    expect(message.stop_reason).toBe("stop_sequence");
    expect(message.stop_sequence).toBe("STOP");
    expect((message.content[0] as { text: string }).text).toBe("one two ");
  });

  it("replies with exactly N words when asked with words=N", async () => {
    const message = await client.messages.create(oneTurn("[[mock: words=500]] write", 4096));
    const text = (message.content[0] as { text: string }).text;
    expect(text.split(/\s+/).filter(Boolean)).toHaveLength(500);
  });

  it("counts the same input tokens as the Messages usage", async () => {
    const params = {
      model: MODEL,
      system: "You are terse.",
      tools: [weatherTool],
      messages: [
        { role: "user" as const, content: "Hello there, how are you doing today?" },
        { role: "assistant" as const, content: "Fine." },
        { role: "user" as const, content: "Great" },
      ],
    };
    const counted = await client.messages.countTokens(params);
    const message = await client.messages.create({
      ...params,
      max_tokens: 100,
      tool_choice: { type: "none" },
    });
    const countedWithChoice = await client.messages.countTokens({ ...params, tool_choice: { type: "none" } });
    expect(counted.input_tokens).toBeGreaterThan(20);
    expect(countedWithChoice.input_tokens).toBe(message.usage.input_tokens);
  });

  it("writes a cache_control prefix once and reads it afterwards", async () => {
    const longSystem = "You are a careful assistant. ".repeat(200);
    const params = {
      model: MODEL,
      max_tokens: 100,
      system: [{ type: "text" as const, text: longSystem, cache_control: { type: "ephemeral" as const } }],
      messages: [{ role: "user" as const, content: "Cache me" }],
    };
    const counted = await client.messages.countTokens({
      model: MODEL,
      system: params.system,
      messages: params.messages,
    });
    const first = await client.messages.create(params);
    const second = await client.messages.create(params);
    expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(1024);
    expect(first.usage.cache_creation?.ephemeral_5m_input_tokens).toBe(
      first.usage.cache_creation_input_tokens,
    );
    expect(first.usage.cache_read_input_tokens).toBe(0);
    expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
    expect(second.usage.cache_creation_input_tokens).toBe(0);
    const total = (usage: typeof first.usage) =>
      usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
    expect(total(first.usage)).toBe(counted.input_tokens);
    expect(total(second.usage)).toBe(counted.input_tokens);
  });

  it("accepts x-api-key with 2023-06-01 as well as Bearer with 2026-10-21", async () => {
    const body = JSON.stringify(oneTurn("hi", 50));
    const classic = await fetch(`${server.url}/v1/messages`, { method: "POST", headers: rawHeaders, body });
    const bearer = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: {
        authorization: "Bearer test-key",
        "anthropic-version": "2026-10-21",
        "content-type": "application/json",
      },
      body,
    });
    expect(classic.status).toBe(200);
    expect(bearer.status).toBe(200);
  });

  it("ignores ?beta=true and beta headers on the Messages path", async () => {
    const response = await fetch(`${server.url}/v1/messages?beta=true`, {
      method: "POST",
      headers: { ...rawHeaders, "anthropic-beta": "interleaved-thinking-2025-05-14, unknown-beta" },
      body: JSON.stringify(oneTurn("hi", 50)),
    });
    expect(response.status).toBe(200);
  });
});
