import { describe, expect, it, vi } from "vitest";
import { AnthropicError } from "../errors.js";
import { SSEDecoder } from "../streaming/sse-decoder.js";
import { textAnswerSSE, thinkingBlockSSE, toolUseAnswerSSE } from "../streaming/test-sse-fixtures.js";
import type { RawMessageStreamEvent, TextBlock, ThinkingBlock, ToolUseBlock } from "../types/index.js";
import { MessageAccumulator } from "./message-accumulator.js";
import { PartialJSONAccumulator } from "./partial-json.js";

function eventsOf(sse: string): RawMessageStreamEvent[] {
  const events: RawMessageStreamEvent[] = [];
  const decoder = new SSEDecoder(({ event, data }) => {
    if (event !== "ping") events.push(JSON.parse(data) as RawMessageStreamEvent);
  });
  decoder.decode(sse);
  decoder.flush();
  return events;
}

function accumulate(events: readonly RawMessageStreamEvent[]): MessageAccumulator {
  const accumulator = new MessageAccumulator();
  for (const event of events) accumulator.apply(event);
  return accumulator;
}

const [messageStart] = eventsOf(textAnswerSSE);
const textEvents = eventsOf(textAnswerSSE);
const tail: RawMessageStreamEvent[] = [
  {
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null, stop_details: null, container: null },
    usage: { output_tokens: 20 },
  },
  { type: "message_stop" },
];

describe("MessageAccumulator", () => {
  it("builds the text answer of §3.4, equal to the non-streaming message", () => {
    const accumulator = accumulate(textEvents);
    expect(accumulator.done).toBe(true);
    const message = accumulator.message;
    expect(message.content).toEqual([{ type: "text", text: "Hello! How can I help?" }]);
    expect(message.stop_reason).toBe("end_turn");
    expect(message.usage.output_tokens).toBe(9);
    expect(message.id).toBe("msg_01XFDUDYJgAACzvnptvVoYEL");
  });

  it("builds the tool_use answer of §3.5 with the parsed input", () => {
    const message = accumulate(eventsOf(toolUseAnswerSSE)).message;
    expect(message.content).toHaveLength(2);
    expect(message.content[0]).toEqual({ type: "text", text: "Let me check the weather." });
    const tool = message.content[1] as ToolUseBlock;
    expect(tool).toEqual({
      type: "tool_use",
      id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
      name: "get_weather",
      input: { location: "San Francisco, CA", unit: "celsius" },
      caller: { type: "direct" },
    });
    expect(message.stop_reason).toBe("tool_use");
    expect(JSON.parse(JSON.stringify(message.content[1]))).toEqual(tool);
  });

  it("exposes a live partial tool input while it streams", () => {
    const events = eventsOf(toolUseAnswerSSE);
    const accumulator = new MessageAccumulator();
    const inputs: unknown[] = [];
    for (const event of events) {
      accumulator.apply(event);
      const block = accumulator.message.content[1] as ToolUseBlock | undefined;
      if (event.type === "content_block_delta" && event.index === 1)
        inputs.push(structuredClone(block?.input));
    }
    expect(inputs).toEqual([{}, { location: "San Fra" }, { location: "San Francisco, CA", unit: "celsius" }]);
  });

  it("keeps {} as the input of a tool call without deltas", () => {
    const events = eventsOf(toolUseAnswerSSE).filter(
      (event) => !(event.type === "content_block_delta" && event.delta.type === "input_json_delta"),
    );
    expect((accumulate(events).message.content[1] as ToolUseBlock).input).toEqual({});
  });

  it("rejects a tool input that is not valid JSON at content_block_stop", () => {
    const events = eventsOf(toolUseAnswerSSE).map((event) =>
      event.type === "content_block_delta" &&
      event.delta.type === "input_json_delta" &&
      event.delta.partial_json
        ? { ...event, delta: { ...event.delta, partial_json: event.delta.partial_json.replace("}", "") } }
        : event,
    );
    // The official SDK's wording, with the raw JSON.
    const json = '{"location": "San Francisco, CA", "unit": "celsius"';
    expect(() => accumulate(events)).toThrow(
      `Unable to parse tool parameter JSON from model. Please retry your request or adjust your prompt. Error: SyntaxError:`,
    );
    expect(() => accumulate(events)).toThrow(`. JSON: ${json}`);
  });

  it("builds the partial tool input only when read, scanning each character once however often it is read", () => {
    const items = Array.from({ length: 2000 }, (_, index) => `{"k${index}": [${index}, "a\\u00e9"]}`);
    const json = `[${items.join(", ")}]`;
    const expected = JSON.parse(json) as unknown[];
    const events: RawMessageStreamEvent[] = [
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "toolu_1", name: "f", input: {}, caller: { type: "direct" } },
      },
    ];
    // 7-character fragments: escape sequences are cut across them.
    for (let start = 0; start < json.length; start += 7) {
      events.push({
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json: json.slice(start, start + 7) },
      });
    }
    const snapshot = vi.spyOn(PartialJSONAccumulator.prototype, "snapshot");
    const parse = vi.spyOn(JSON, "parse");
    try {
      const unread = accumulate([messageStart!, ...events]);
      // Nobody read the input: no partial value was built.
      expect(snapshot).not.toHaveBeenCalled();
      unread.apply({ type: "content_block_stop", index: 0 });
      expect((unread.message.content[0] as ToolUseBlock).input).toEqual(expected);
      // The complete input went through JSON.parse once, whole.
      expect(parse.mock.calls.filter(([text]) => text === json)).toHaveLength(1);

      const accumulator = accumulate([messageStart!]);
      const input = () => (accumulator.message.content[0] as ToolUseBlock).input;
      let reads = 0;
      for (const event of events) {
        accumulator.apply(event);
        // Read three times after every fragment, as a listener, a render and a snapshot might.
        for (let again = 0; again < 3; again++, reads++) expect(input()).toBeDefined();
      }
      expect(input()).toEqual(expected);
      // The work of all those reads together: each character once, plus a cut escape again per read.
      const parser = snapshot.mock.contexts[0] as PartialJSONAccumulator;
      expect(reads).toBeGreaterThan(6000);
      expect(parser.scanned).toBeLessThanOrEqual(json.length + 6 * reads);
      expect(parser.scanned).toBeGreaterThanOrEqual(json.length);
    } finally {
      snapshot.mockRestore();
      parse.mockRestore();
    }
  });

  it("appends thinking and sets the signature (§3.6)", () => {
    const message = accumulate([messageStart!, ...eventsOf(thinkingBlockSSE), ...tail]).message;
    const thinking = message.content[0] as ThinkingBlock;
    expect(thinking.type).toBe("thinking");
    expect(thinking.thinking).toBe("The user greets me; ");
    expect(thinking.signature).toBe("EqQBCgIYAhIM1gbcDa9GJwZA2b3hGgxBdjrkzLoky3dl1pkiMOYds...");
  });

  it("pushes citations onto the text block without touching the event", () => {
    const citation = {
      type: "char_location" as const,
      cited_text: "The grass is green.",
      document_index: 0,
      document_title: "Facts",
      start_char_index: 0,
      end_char_index: 19,
      file_id: null,
    };
    const blockStart: RawMessageStreamEvent = {
      type: "content_block_start",
      index: 0,
      content_block: { type: "text", text: "", citations: [] },
    };
    const message = accumulate([
      messageStart!,
      blockStart,
      { type: "content_block_delta", index: 0, delta: { type: "citations_delta", citation } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Grass is green." } },
      { type: "content_block_delta", index: 0, delta: { type: "citations_delta", citation } },
      { type: "content_block_stop", index: 0 },
      ...tail,
    ]).message;
    const text = message.content[0] as TextBlock;
    expect(text.citations).toEqual([citation, citation]);
    expect(text.text).toBe("Grass is green.");
    expect((blockStart.content_block as TextBlock).citations).toEqual([]);
  });

  it("replaces usage fields that message_delta carries non-null, and never adds", () => {
    const message = accumulate([
      messageStart!,
      {
        type: "message_delta",
        delta: { stop_reason: "max_tokens", stop_sequence: null, stop_details: null, container: null },
        usage: {
          output_tokens: 30,
          input_tokens: 20,
          cache_read_input_tokens: null,
          server_tool_use: { web_search_requests: 2 },
        },
      },
      { type: "message_stop" },
    ]).message;
    expect(message.usage.output_tokens).toBe(30);
    expect(message.usage.input_tokens).toBe(20);
    expect(message.usage.cache_read_input_tokens).toBe(0);
    expect(message.usage.cache_creation_input_tokens).toBe(0);
    expect(message.usage.server_tool_use).toEqual({ web_search_requests: 2 });
    expect(message.stop_reason).toBe("max_tokens");
  });

  it("sets stop details and a non-null container from message_delta", () => {
    const container = { id: "container_1", expires_at: "2026-11-26T10:00:00Z", skills: null };
    const message = accumulate([
      messageStart!,
      {
        type: "message_delta",
        delta: {
          stop_reason: "refusal",
          stop_sequence: null,
          stop_details: { type: "refusal", category: "cyber", explanation: null },
          container,
        },
        usage: { output_tokens: 3 },
      },
      { type: "message_stop" },
    ]).message;
    expect(message.stop_details).toEqual({ type: "refusal", category: "cyber", explanation: null });
    expect(message.container).toEqual(container);
  });

  it("does not mutate the message_start event", () => {
    const events = eventsOf(textAnswerSSE);
    const before = structuredClone(events[0]);
    accumulate(events);
    expect(events[0]).toEqual(before);
  });

  it("rejects events in an impossible order, each with its own message", () => {
    const [start, blockStart, delta1, , blockStop, messageDelta, stop] = textEvents as [
      RawMessageStreamEvent,
      ...RawMessageStreamEvent[],
    ];
    const thinkingStart: RawMessageStreamEvent = {
      type: "content_block_start",
      index: 0,
      content_block: { type: "thinking", thinking: "", signature: "" },
    };
    const cases: [string, RawMessageStreamEvent[], string][] = [
      [
        "an event before message_start",
        [blockStart!],
        "Stream event content_block_start at index 0: before message_start",
      ],
      [
        "message_start twice",
        [start, start],
        'Unexpected event order, got message_start before receiving "message_stop"',
      ],
      [
        "a delta before its block starts",
        [start, delta1!],
        "Stream event text_delta at index 0: no block started at this index",
      ],
      [
        "a block at the wrong index",
        [start, { ...blockStart!, index: 1 } as RawMessageStreamEvent],
        "Stream event content_block_start at index 1: expected index 0",
      ],
      [
        "a stop for a block never started",
        [start, blockStop!],
        "Stream event content_block_stop at index 0: no block started at this index",
      ],
      [
        "a delta after its block stopped",
        [start, blockStart!, blockStop!, delta1!],
        "Stream event text_delta at index 0: the block has stopped",
      ],
      [
        "a block starting after message_delta",
        [start, messageDelta!, blockStart!],
        "Stream event content_block_start at index 0: after message_delta",
      ],
      [
        "an event after message_stop",
        [start, messageDelta!, stop!, blockStart!],
        "Stream event content_block_start at index 0: after message_stop",
      ],
      [
        "a text delta on a thinking block",
        [start, thinkingStart, delta1!],
        "Stream event text_delta at index 0: not for a thinking block",
      ],
    ];
    for (const [name, events, message] of cases) {
      expect(() => accumulate(events), name).toThrow(AnthropicError);
      expect(() => accumulate(events), name).toThrow(message);
    }
  });

  it("closes a block still open at message_delta, a tool block with its partial input (cut by max_tokens)", () => {
    const message = accumulate([
      messageStart!,
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Calling" } },
      { type: "content_block_stop", index: 0 },
      {
        type: "content_block_start",
        index: 1,
        content_block: { type: "tool_use", id: "toolu_1", name: "f", input: {}, caller: { type: "direct" } },
      },
      {
        type: "content_block_delta",
        index: 1,
        delta: { type: "input_json_delta", partial_json: '{"a": [1, ' },
      },
      {
        type: "message_delta",
        delta: { stop_reason: "max_tokens", stop_sequence: null, stop_details: null, container: null },
        usage: { output_tokens: 5 },
      },
      { type: "message_stop" },
    ]).message;
    expect(message.stop_reason).toBe("max_tokens");
    expect(message.content[0]).toEqual({ type: "text", text: "Calling" });
    expect((message.content[1] as ToolUseBlock).input).toEqual({ a: [1] });
    // A plain value now, no longer a getter.
    expect(Object.getOwnPropertyDescriptor(message.content[1], "input")).toMatchObject({ writable: true });
  });

  it("accepts message_stop with a block open, and a tool block open without any delta keeps {}", () => {
    const message = accumulate([
      messageStart!,
      {
        type: "content_block_start",
        index: 0,
        content_block: { type: "tool_use", id: "toolu_1", name: "f", input: {}, caller: { type: "direct" } },
      },
      { type: "message_stop" },
    ]).message;
    expect((message.content[0] as ToolUseBlock).input).toEqual({});
  });

  it("copies fields it does not know, of message_start and message_delta, onto the snapshot", () => {
    const start = structuredClone(messageStart!) as RawMessageStreamEvent & {
      message: Record<string, unknown>;
    };
    start.message.future_field = { kept: true };
    (start.message.usage as Record<string, unknown>).future_tokens = 3;
    const message = accumulate([
      start,
      {
        type: "message_delta",
        delta: { stop_reason: "end_turn", stop_sequence: null, stop_details: null, container: null },
        usage: { output_tokens: 5, future_usage: { a: 1 }, iterations: null } as never,
        context_management: { applied_edits: [] },
        future_event_field: "x",
        absent_field: null,
      } as unknown as RawMessageStreamEvent,
      { type: "message_stop" },
    ]).message as unknown as Record<string, unknown> & { usage: Record<string, unknown> };
    expect(message.future_field).toEqual({ kept: true });
    expect(message.usage.future_tokens).toBe(3);
    expect(message.usage.future_usage).toEqual({ a: 1 });
    expect(message.usage).not.toHaveProperty("iterations");
    expect(message.context_management).toEqual({ applied_edits: [] });
    expect(message.future_event_field).toBe("x");
    expect(message).not.toHaveProperty("absent_field");
    expect(message).not.toHaveProperty("delta");
  });

  it("takes the model a fallback block hands over to as the message's model, as the official SDK", () => {
    const message = accumulate([
      messageStart!,
      {
        type: "content_block_start",
        index: 0,
        content_block: {
          type: "fallback",
          from: { model: "claude-sonnet-4-6" },
          to: { model: "claude-opus-4-1-20250805" },
          trigger: { type: "refusal" },
        },
      } as unknown as RawMessageStreamEvent,
      { type: "content_block_stop", index: 0 },
      ...tail,
    ]).message;
    expect(message.model).toBe("claude-opus-4-1-20250805");
    expect(message.content[0]).toMatchObject({ type: "fallback" });
  });

  it("ignores unknown event, delta and block types", () => {
    const unknownEvents = [
      textEvents[0]!,
      { type: "future_event" },
      { type: "content_block_start", index: 0, content_block: { type: "future_block", payload: 1 } },
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "x" } },
      { type: "content_block_stop", index: 0 },
      { type: "content_block_start", index: 1, content_block: { type: "text", text: "" } },
      { type: "content_block_delta", index: 1, delta: { type: "future_delta", stuff: true } },
      { type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "ok" } },
      { type: "content_block_stop", index: 1 },
      ...tail,
    ] as unknown as RawMessageStreamEvent[];
    const message = accumulate(unknownEvents).message;
    expect(message.content).toEqual([
      { type: "future_block", payload: 1 },
      { type: "text", text: "ok" },
    ]);
  });
});
