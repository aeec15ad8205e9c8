import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { failure } from "../test/helpers/promises.js";
import {
  AnthropicError,
  APIConnectionError,
  APIUserAbortError,
  OverloadedError,
  RateLimitError,
  StreamTruncatedError,
} from "./errors.js";
import { MessageStream, type MessageStreamRequest } from "./message-stream.js";
import {
  bodyOf,
  overloadedErrorSSE,
  sseEvent,
  stalledAnswerBody,
  stallingBody,
  streamedAnswer,
  textAnswerEventTypes,
  textAnswerSSE,
  textAnswerStartSSE,
  toolUseAnswerSSE,
} from "./streaming/test-sse-fixtures.js";
import type { MessageStreamEvent, ToolUseBlock } from "./types/index.js";

/** A request that answers with the given SSE body chunks, like `messages.create(...).withResponse()`. */
function request(
  body: () => ReadableStream<Uint8Array>,
): MessageStreamRequest & { controllers: AbortController[] } {
  const controllers: AbortController[] = [];
  const create = async (signal: AbortSignal) => {
    if (signal.aborted) throw new APIUserAbortError();
    const controller = new AbortController();
    controllers.push(controller);
    signal.addEventListener("abort", () => controller.abort());
    return streamedAnswer(body(), controller);
  };
  return Object.assign(create, { controllers });
}

function streamOf(chunks: readonly string[]): MessageStream {
  return MessageStream.createMessage(request(() => bodyOf(chunks)));
}

/** Lets every pending promise job and macrotask run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("MessageStream", () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on("unhandledRejection", onUnhandled);
  });
  afterEach(() => {
    process.off("unhandledRejection", onUnhandled);
  });

  it("emits text deltas with the text so far, and resolves finalMessage and finalText", async () => {
    const texts: [string, string][] = [];
    const stream = streamOf([textAnswerSSE]).on("text", (delta, snapshot) => texts.push([delta, snapshot]));
    const message = await stream.finalMessage();
    expect(texts).toEqual([
      ["Hello", "Hello"],
      ["! How can I help?", "Hello! How can I help?"],
    ]);
    expect(message.content).toEqual([{ type: "text", text: "Hello! How can I help?" }]);
    expect(await stream.finalText()).toBe("Hello! How can I help?");
    expect(stream.receivedMessages).toEqual([message]);
    expect(stream.messages.at(-1)).toEqual({ role: "assistant", content: message.content });
    expect(stream.ended).toBe(true);
    expect(stream.errored).toBe(false);
  });

  it("emits every event in order: connect, streamEvent, contentBlock, message, finalMessage, end", async () => {
    const order: string[] = [];
    const stream = streamOf([textAnswerSSE]);
    for (const name of ["connect", "contentBlock", "message", "finalMessage", "end"] as const) {
      stream.on(name, () => order.push(name));
    }
    stream.on("streamEvent", (event, snapshot) => {
      order.push(`streamEvent:${event.type}`);
      expect(snapshot.id).toBe("msg_01XFDUDYJgAACzvnptvVoYEL");
    });
    await stream.done();
    expect(order).toEqual([
      "connect",
      "streamEvent:message_start",
      "streamEvent:content_block_start",
      "streamEvent:content_block_delta",
      "streamEvent:content_block_delta",
      "streamEvent:content_block_stop",
      "contentBlock",
      "streamEvent:message_delta",
      "streamEvent:message_stop",
      "message",
      "finalMessage",
      "end",
    ]);
  });

  it("gives inputJson listeners each fragment and the input parsed so far", async () => {
    const seen: [string, unknown][] = [];
    const stream = streamOf([toolUseAnswerSSE]).on("inputJson", (partial, snapshot) =>
      seen.push([partial, structuredClone(snapshot)]),
    );
    const message = await stream.finalMessage();
    expect(seen).toEqual([
      ["", {}],
      ['{"location": "San Fra', { location: "San Fra" }],
      ['ncisco, CA", "unit": "celsius"}', { location: "San Francisco, CA", unit: "celsius" }],
    ]);
    expect((message.content[1] as ToolUseBlock).input).toEqual({
      location: "San Francisco, CA",
      unit: "celsius",
    });
  });

  it("supports once, off and emitted", async () => {
    const stream = streamOf([textAnswerSSE]);
    const once: string[] = [];
    const removed: string[] = [];
    const remove = (text: string) => removed.push(text);
    stream.once("text", (text) => once.push(text));
    stream.on("text", remove).off("text", remove);
    const [delta, snapshot] = await stream.emitted("text");
    expect([delta, snapshot]).toEqual(["Hello", "Hello"]);
    const message = await stream.emitted("finalMessage");
    expect(message.id).toBe("msg_01XFDUDYJgAACzvnptvVoYEL");
    expect(once).toEqual(["Hello"]);
    expect(removed).toEqual([]);
  });

  it("exposes the response and request id through withResponse", async () => {
    const stream = streamOf([textAnswerSSE]);
    const { data, response, request_id } = await stream.withResponse();
    expect(data).toBe(stream);
    expect(response.status).toBe(200);
    expect(request_id).toBe("req_test_1");
    expect(stream.request_id).toBe("req_test_1");
    await stream.done();
  });

  it("shows the message being received as currentMessage", async () => {
    const stream = streamOf([textAnswerSSE]);
    const seen: (string | undefined)[] = [];
    stream.on("text", () => seen.push(stream.currentMessage?.id));
    await stream.done();
    expect(seen).toEqual(["msg_01XFDUDYJgAACzvnptvVoYEL", "msg_01XFDUDYJgAACzvnptvVoYEL"]);
    expect(stream.currentMessage).toBeUndefined();
  });

  it("rejects finalMessage with the error event's class, without an unhandled rejection", async () => {
    const stream = streamOf([textAnswerStartSSE, overloadedErrorSSE]);
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(OverloadedError);
    expect(stream.errored).toBe(true);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("rejects finalMessage awaited only after the stream already failed, without an unhandled rejection", async () => {
    const stream = streamOf([textAnswerStartSSE, overloadedErrorSSE]);
    await settle();
    expect(stream.errored).toBe(true);
    expect(await failure(stream.finalMessage())).toBeInstanceOf(OverloadedError);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("reports a failure to an error listener, without an unhandled rejection when nothing is awaited", async () => {
    const errors: unknown[] = [];
    const ends: number[] = [];
    streamOf([textAnswerStartSSE])
      .on("error", (error) => errors.push(error))
      .on("end", () => ends.push(1));
    await settle();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(StreamTruncatedError);
    expect(ends).toEqual([1]);
    expect(unhandled).toEqual([]);
  });

  it("rejects a failed request (no connection) through finalMessage and the error listener", async () => {
    const rateLimited = new RateLimitError(
      429,
      { type: "error", error: { type: "rate_limit_error", message: "slow" } },
      undefined,
      new Headers(),
    );
    const stream = MessageStream.createMessage(() => Promise.reject(rateLimited));
    const errors: unknown[] = [];
    stream.on("error", (error) => errors.push(error));
    expect(await failure(stream.finalMessage())).toBe(rateLimited);
    expect(await failure(stream.withResponse())).toBe(rateLimited);
    expect(errors).toEqual([rateLimited]);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("rejects finalMessage with APIUserAbortError on abort(), emitting abort and end", async () => {
    const create = request(() => stalledAnswerBody());
    const stream = MessageStream.createMessage(create);
    const events: string[] = [];
    stream.on("abort", (error) => events.push(`abort:${error.name}`)).on("end", () => events.push("end"));
    await stream.emitted("streamEvent");
    stream.abort();
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIUserAbortError);
    expect(stream.aborted).toBe(true);
    expect(events).toEqual(["abort:APIUserAbortError", "end"]);
    expect(create.controllers[0]!.signal.aborted).toBe(true);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it("aborts when the caller's signal aborts", async () => {
    const outer = new AbortController();
    const stream = MessageStream.createMessage(
      request(() => stalledAnswerBody()),
      { signal: outer.signal },
    );
    await stream.emitted("connect");
    outer.abort();
    expect(await failure(stream.done())).toBeInstanceOf(APIUserAbortError);
  });

  it("aborts before connecting when abort() is called at once", async () => {
    const stream = streamOf([textAnswerSSE]);
    stream.abort();
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIUserAbortError);
  });

  it("turns an exception thrown by a listener into an error and stops the request", async () => {
    const create = request(() =>
      stallingBody([textAnswerSSE.slice(0, textAnswerSSE.indexOf("event: content_block_stop"))]),
    );
    const stream = MessageStream.createMessage(create).on("text", () => {
      throw new TypeError("listener bug");
    });
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(create.controllers[0]!.signal.aborted).toBe(true);
  });

  it("iterates the raw events with for await", async () => {
    const types: string[] = [];
    for await (const event of streamOf([textAnswerSSE])) types.push(event.type);
    expect(types).toEqual(textAnswerEventTypes);
  });

  it("aborts the request when a for await loop breaks", async () => {
    const create = request(() =>
      stallingBody([
        textAnswerStartSSE,
        textAnswerSSE.slice(textAnswerStartSSE.length, textAnswerSSE.indexOf("event: ping")),
      ]),
    );
    const stream = MessageStream.createMessage(create);
    for await (const event of stream) {
      if (event.type === "message_start") break;
    }
    expect(stream.controller.signal.aborted).toBe(true);
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIUserAbortError);
    await settle();
    expect(create.controllers[0]!.signal.aborted).toBe(true);
    expect(unhandled).toEqual([]);
  });

  it("rejects a for await loop with the stream's error", async () => {
    const types: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of streamOf([textAnswerStartSSE, overloadedErrorSSE])) types.push(event.type);
      })(),
    );
    expect(types).toEqual(["message_start"]);
    expect(error).toBeInstanceOf(OverloadedError);
  });

  it("passes through toReadableStream and fromReadableStream with the same final message", async () => {
    const original = streamOf([toolUseAnswerSSE]);
    const copy = MessageStream.fromReadableStream(original.toReadableStream());
    const inputs: unknown[] = [];
    copy.on("inputJson", (_partial, snapshot) => inputs.push(structuredClone(snapshot)));
    const [fromOriginal, fromCopy] = await Promise.all([original.finalMessage(), copy.finalMessage()]);
    expect(fromCopy).toEqual(fromOriginal);
    expect(inputs.at(-1)).toEqual({ location: "San Francisco, CA", unit: "celsius" });
    await expect(copy.withResponse()).rejects.toThrow(AnthropicError);
  });

  it("fails a readable stream that stops before message_stop", async () => {
    const events = [] as MessageStreamEvent[];
    for await (const event of streamOf([textAnswerSSE])) events.push(event);
    const ndjson = events
      .slice(0, 3)
      .map((event) => `${JSON.stringify(event)}\n`)
      .join("");
    const stream = MessageStream.fromReadableStream(bodyOf([ndjson]));
    expect(await failure(stream.finalMessage())).toBeInstanceOf(StreamTruncatedError);
  });

  it("reports a connection reset as APIConnectionError", async () => {
    const stream = MessageStream.createMessage(
      request(
        () =>
          new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(textAnswerStartSSE));
            },
            pull(controller) {
              controller.error(new TypeError("terminated"));
            },
          }),
      ),
    );
    expect(await failure(stream.finalMessage())).toBeInstanceOf(APIConnectionError);
  });

  it("rejects emitted() when the stream ends without that event", async () => {
    const stream = streamOf([textAnswerSSE]);
    const thinking = stream.emitted("thinking");
    await stream.done();
    expect(await failure(thinking)).toBeInstanceOf(AnthropicError);
  });

  it('resolves emitted("error") with the error, also once the stream has failed', async () => {
    const stream = streamOf([textAnswerStartSSE, overloadedErrorSSE]);
    expect(await stream.emitted("error")).toBeInstanceOf(OverloadedError);
    expect(await stream.emitted("error")).toBeInstanceOf(OverloadedError);
    expect(await failure(stream.emitted("message"))).toBeInstanceOf(OverloadedError);
  });

  it("rejects a for await loop started after the stream failed", async () => {
    const stream = streamOf([textAnswerStartSSE, overloadedErrorSSE]);
    await failure(stream.done());
    const error = await failure(
      (async () => {
        for await (const _event of stream) {
          // no events: the stream has already failed
        }
      })(),
    );
    expect(error).toBeInstanceOf(OverloadedError);
  });

  it("emits contentBlock with the parsed tool input at content_block_stop", async () => {
    const blocks: unknown[] = [];
    await streamOf([toolUseAnswerSSE])
      .on("contentBlock", (block) => blocks.push(structuredClone(block)))
      .done();
    expect(blocks).toEqual([
      { type: "text", text: "Let me check the weather." },
      {
        type: "tool_use",
        id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6",
        name: "get_weather",
        input: { location: "San Francisco, CA", unit: "celsius" },
        caller: { type: "direct" },
      },
    ]);
  });

  it("does not leave a timer behind for the idle check once the stream ended", async () => {
    vi.useFakeTimers();
    try {
      const stream = MessageStream.createMessage(async (signal) => {
        const controller = new AbortController();
        signal.addEventListener("abort", () => controller.abort());
        return streamedAnswer(bodyOf([textAnswerSSE]), controller, { idleTimeoutMs: 1000 });
      });
      await vi.advanceTimersByTimeAsync(0);
      await stream.done();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  describe("as the official SDK, for streams the strict accumulator used to reject or drop", () => {
    const toolStart = sseEvent("content_block_start", {
      type: "content_block_start",
      index: 0,
      content_block: { type: "tool_use", id: "toolu_1", name: "f", input: {}, caller: { type: "direct" } },
    });
    const toolDelta = (partial_json: string) =>
      sseEvent("content_block_delta", {
        type: "content_block_delta",
        index: 0,
        delta: { type: "input_json_delta", partial_json },
      });
    const ending = (stopReason: string, extra: Record<string, unknown> = {}) =>
      sseEvent("message_delta", {
        type: "message_delta",
        delta: { stop_reason: stopReason, stop_sequence: null, stop_details: null, container: null },
        usage: { output_tokens: 7 },
        ...extra,
      }) + sseEvent("message_stop", { type: "message_stop" });

    it("gives the partial input of a tool block still open when message_delta arrives (cut by max_tokens)", async () => {
      const stream = streamOf([textAnswerStartSSE, toolStart, toolDelta('{"a": [1, '), ending("max_tokens")]);
      const message = await stream.finalMessage();
      expect(message.stop_reason).toBe("max_tokens");
      expect((message.content[0] as ToolUseBlock).input).toEqual({ a: [1] });
    });

    it("fails with the official wording and the raw JSON when a complete tool input is not valid JSON", async () => {
      const stop = sseEvent("content_block_stop", { type: "content_block_stop", index: 0 });
      const stream = streamOf([
        textAnswerStartSSE,
        toolStart,
        toolDelta('{"a": tru'),
        toolDelta("e,}"),
        stop,
        ending("tool_use"),
      ]);
      const error = await failure(stream.finalMessage());
      expect(error).toBeInstanceOf(AnthropicError);
      expect((error as Error).message).toMatch(/^Unable to parse tool parameter JSON from model\. /);
      expect((error as Error).message).toContain('JSON: {"a": true,}');
    });

    it("passes on events of unknown types, and keeps unknown fields of message_start and message_delta", async () => {
      const withFuture = textAnswerStartSSE.replace(
        '"inference_geo":null',
        '"inference_geo":null,"future_usage":4',
      );
      const future = sseEvent("future_event", { type: "future_event", payload: 1 });
      const stream = streamOf([
        withFuture,
        future,
        ending("end_turn", { context_management: { applied_edits: [] } }),
      ]);
      const types: string[] = [];
      stream.on("streamEvent", (event) => types.push(event.type));
      const message = (await stream.finalMessage()) as unknown as Record<string, unknown> & {
        usage: Record<string, unknown>;
      };
      expect(types).toEqual(["message_start", "future_event", "message_delta", "message_stop"]);
      expect(message.usage.future_usage).toBe(4);
      expect(message.context_management).toEqual({ applied_edits: [] });
    });
  });
});
