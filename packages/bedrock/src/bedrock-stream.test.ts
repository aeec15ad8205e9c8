import {
  AnthropicError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  OverloadedError,
  RateLimitError,
  type RawMessageStreamEvent,
  StreamTruncatedError,
} from "@colloquy/client";
import { describe, expect, it } from "vitest";
import { bedrockEventStream } from "./bedrock-stream.js";
import { EventStreamFramingError } from "./event-stream-decoder.js";
import {
  concatBytes,
  encodeBedrockException,
  eventStreamResponse,
  failingResponse,
  framesOf,
  stallingResponse,
  textReplyEvents,
} from "./test-frames.js";

async function collect(response: Response, controller = new AbortController(), idleTimeoutMs?: number) {
  const events: RawMessageStreamEvent[] = [];
  let error: unknown;
  try {
    for await (const event of bedrockEventStream(response, controller, idleTimeoutMs)) events.push(event);
  } catch (caught) {
    error = caught;
  }
  return { events, error, controller };
}

const expectedTypes = textReplyEvents
  .map((event) => (event as { type: string }).type)
  .filter((type) => type !== "ping");

describe("bedrockEventStream", () => {
  it("decodes chunk frames into the typed stream events, skipping ping", async () => {
    const { events, error } = await collect(eventStreamResponse(framesOf(textReplyEvents)));
    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(expectedTypes);
    const texts = events.flatMap((event) =>
      event.type === "content_block_delta" && event.delta.type === "text_delta" ? [event.delta.text] : [],
    );
    expect(texts.join("")).toBe("Hello, wörld 👋");
  });

  it("gives the same events when the body arrives one byte at a time", async () => {
    const bytes = concatBytes(framesOf(textReplyEvents));
    const oneByteChunks = Array.from(bytes, (byte) => Uint8Array.of(byte));
    const { events, error } = await collect(eventStreamResponse(oneByteChunks));
    expect(error).toBeUndefined();
    expect(events.map((event) => event.type)).toEqual(expectedTypes);
  });

  it("rejects with StreamTruncatedError when the body ends before message_stop", async () => {
    const frames = framesOf(textReplyEvents.slice(0, 4));
    const { events, error } = await collect(eventStreamResponse(frames));
    expect(events.map((event) => event.type)).toEqual([
      "message_start",
      "content_block_start",
      "content_block_delta",
    ]);
    expect(error).toBeInstanceOf(StreamTruncatedError);
  });

  it("rejects with StreamTruncatedError when the body ends inside a frame", async () => {
    const bytes = concatBytes(framesOf(textReplyEvents));
    const { error } = await collect(eventStreamResponse([bytes.subarray(0, bytes.length - 7)]));
    expect(error).toBeInstanceOf(StreamTruncatedError);
    expect((error as Error).message).toMatch(/inside an event-stream frame/);
  });

  it("rejects with StreamTruncatedError, keeping the cause, when the connection drops mid-message", async () => {
    const { error } = await collect(failingResponse(framesOf(textReplyEvents.slice(0, 3))));
    expect(error).toBeInstanceOf(StreamTruncatedError);
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(Error);
  });

  it.each([
    ["throttlingException", {}, RateLimitError, 429],
    ["internalServerException", {}, InternalServerError, 500],
    ["modelStreamErrorException", {}, InternalServerError, 500],
    ["modelStreamErrorException", { originalStatusCode: 529 }, OverloadedError, 529],
    ["serviceUnavailableException", {}, OverloadedError, 529],
    ["validationException", {}, BadRequestError, 400],
  ] as const)(
    "turns a %s frame %o into its typed error",
    async (exceptionType, extra, ErrorClass, status) => {
      const frames = [
        ...framesOf(textReplyEvents.slice(0, 4)),
        encodeBedrockException(exceptionType, { message: "went wrong", ...extra }),
      ];
      const { events, error } = await collect(eventStreamResponse(frames));
      expect(events).toHaveLength(3);
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as InternalServerError).status).toBe(status);
      expect((error as Error).message).toContain(`${exceptionType}: went wrong`);
    },
  );

  it("turns an Anthropic error event inside a chunk into its typed error", async () => {
    const frames = framesOf([
      textReplyEvents[0]!,
      { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
    ]);
    const { error } = await collect(eventStreamResponse(frames));
    expect(error).toBeInstanceOf(OverloadedError);
  });

  it("rejects a corrupt frame instead of guessing", async () => {
    const frames = framesOf(textReplyEvents);
    const corrupt = Uint8Array.from(frames[1]!);
    corrupt[corrupt.length - 10]! ^= 0x01;
    const { error } = await collect(eventStreamResponse([frames[0]!, corrupt]));
    expect(error).toBeInstanceOf(EventStreamFramingError);
    expect(error).toBeInstanceOf(AnthropicError);
  });

  it("fails a stalled body with APIConnectionTimeoutError after the idle timeout", async () => {
    const { error, controller } = await collect(
      stallingResponse(framesOf(textReplyEvents.slice(0, 2))),
      undefined,
      50,
    );
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(controller.signal.aborted).toBe(true);
  });

  it("ends with APIUserAbortError when the controller is aborted mid-stream", async () => {
    const controller = new AbortController();
    const events: RawMessageStreamEvent[] = [];
    let error: unknown;
    try {
      for await (const event of bedrockEventStream<RawMessageStreamEvent>(
        stallingResponse(framesOf(textReplyEvents.slice(0, 3))),
        controller,
        undefined,
      )) {
        events.push(event);
        if (events.length === 2) controller.abort();
      }
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it("aborts the request when the consumer breaks out early", async () => {
    const controller = new AbortController();
    for await (const event of bedrockEventStream<RawMessageStreamEvent>(
      stallingResponse(framesOf(textReplyEvents)),
      controller,
      undefined,
    )) {
      if (event.type === "content_block_start") break;
    }
    expect(controller.signal.aborted).toBe(true);
  });
});
