import { describe, expect, expectTypeOf, it } from "vitest";
import type {
  BetaBatchCreateParams,
  BetaMessageBatchIndividualResponse,
  ContentBlock,
  ErrorResponse,
  Message,
  MessageBatchIndividualResponse,
  MessageCreateParams,
  MessageCreateParamsBase,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  MessageDeltaUsage,
  MessageStreamEvent,
  MessageStreamParams,
  Model,
  RawContentBlockDelta,
  RawMessageStreamEvent,
  ThinkingConfigParam,
  ToolChoice,
} from "./index.js";
import { batchResultLines, helloMessage } from "./test-examples.js";

// Protocol doc §3.4: the same answer streamed (ping omitted: the transport drops it).
const helloStream = [
  {
    type: "message_start",
    message: {
      ...helloMessage,
      content: [],
      stop_reason: null,
      usage: { ...helloMessage.usage, output_tokens: 1 },
    },
  },
  { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hello" } },
  { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "! How can I help?" } },
  { type: "content_block_stop", index: 0 },
  {
    type: "message_delta",
    delta: { stop_reason: "end_turn", stop_sequence: null, stop_details: null, container: null },
    usage: {
      input_tokens: 14,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 9,
      output_tokens_details: null,
      server_tool_use: null,
    },
  },
  { type: "message_stop" },
] satisfies RawMessageStreamEvent[];

/** Folds text answers; relies on narrowing by `type` and `delta.type`. */
function foldTextStream(events: readonly MessageStreamEvent[]): Message | undefined {
  let snapshot: Message | undefined;
  for (const event of events) {
    switch (event.type) {
      case "message_start":
        snapshot = { ...event.message, content: [] };
        break;
      case "content_block_start": {
        const block = event.content_block;
        // A text block may start without `citations`; absent means null (§2.7).
        const opened =
          block.type === "text" ? { ...block, citations: block.citations ?? null } : { ...block };
        snapshot?.content.splice(event.index, 0, opened);
        break;
      }
      case "content_block_delta": {
        const block = snapshot?.content[event.index];
        if (block?.type === "text" && event.delta.type === "text_delta") block.text += event.delta.text;
        break;
      }
      case "message_delta":
        if (snapshot) {
          snapshot.stop_reason = event.delta.stop_reason;
          snapshot.stop_sequence = event.delta.stop_sequence;
          snapshot.usage = { ...snapshot.usage, output_tokens: event.usage.output_tokens };
        }
        break;
      case "content_block_stop":
      case "message_stop":
        break;
    }
  }
  return snapshot;
}

function textOf(content: readonly ContentBlock[]): string {
  return content.map((block) => (block.type === "text" ? block.text : "")).join("");
}

describe("message wire types", () => {
  it("describe the documented non-streaming response", () => {
    expect(textOf(helloMessage.content)).toBe("Hello! How can I help?");
    expect(helloMessage.usage.input_tokens + (helloMessage.usage.cache_read_input_tokens ?? 0)).toBe(14);
  });

  it("narrow the documented stream so that folding it yields the non-streaming message", () => {
    const folded = foldTextStream(helloStream);
    expect(folded).toEqual(helloMessage);
  });

  it("accept a message whose nullable fields are absent and a minimal delta usage", () => {
    const { stop_details: _s, container: _c, diagnostics: _d, ...sparse } = helloMessage;
    const bare: Message = { ...sparse, content: [{ type: "text", text: "Hi" }] };
    const minimalUsage = { output_tokens: 89 } satisfies MessageDeltaUsage;
    expect(textOf(bare.content)).toBe("Hi");
    expect(bare.stop_details ?? null).toBeNull();
    expect(minimalUsage.output_tokens).toBe(89);
  });

  it("pick the request variant from the stream flag", () => {
    expectTypeOf<
      Extract<MessageCreateParams, { stream: true }>
    >().toEqualTypeOf<MessageCreateParamsStreaming>();
    expectTypeOf<MessageCreateParamsNonStreaming["stream"]>().toEqualTypeOf<false | undefined>();
    expectTypeOf<MessageStreamParams>().toEqualTypeOf<MessageCreateParamsBase>();
    expectTypeOf<"my-fine-tune">().toExtend<Model>();
    expectTypeOf<RawMessageStreamEvent["type"]>().toEqualTypeOf<
      | "message_start"
      | "message_delta"
      | "message_stop"
      | "content_block_start"
      | "content_block_delta"
      | "content_block_stop"
    >();
    expectTypeOf<RawContentBlockDelta["type"]>().toEqualTypeOf<
      "text_delta" | "input_json_delta" | "citations_delta" | "thinking_delta" | "signature_delta"
    >();
    expectTypeOf<ThinkingConfigParam["type"]>().toExtend<string>();
    expectTypeOf<{ type: "adaptive" }>().toExtend<ThinkingConfigParam>();
    expectTypeOf<{ type: "tool"; name: "get_weather" }>().toExtend<ToolChoice>();
  });
});

describe("batch wire types", () => {
  it("narrow each result line by its type", () => {
    const summary = batchResultLines.map(({ custom_id, result }): string => {
      switch (result.type) {
        case "succeeded":
          return `${custom_id}:${textOf(result.message.content)}`;
        case "errored":
          return `${custom_id}:${result.error.error.type}`;
        default:
          return `${custom_id}:${result.type}`;
      }
    });
    expect(summary).toEqual(["req-1:Hello! How can I help?", "req-2:invalid_request_error", "req-3:expired"]);
  });

  it("alias the beta shapes to the GA ones; a GA request is a valid beta batch request", () => {
    expectTypeOf<BetaMessageBatchIndividualResponse>().toEqualTypeOf<MessageBatchIndividualResponse>();
    expectTypeOf<MessageCreateParamsNonStreaming>().toExtend<
      BetaBatchCreateParams["requests"][number]["params"]
    >();
    expectTypeOf<BetaBatchCreateParams["requests"][number]["params"]>().not.toHaveProperty("betas");
    expectTypeOf<
      Extract<MessageBatchIndividualResponse["result"], { type: "errored" }>["error"]
    >().toEqualTypeOf<ErrorResponse>();
  });
});
