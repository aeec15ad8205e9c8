import { afterEach, describe, expect, it, vi } from "vitest";
import { collect, failure, failureOfReadAbortedWhileWaiting } from "../../test/helpers/promises.js";
import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OverloadedError,
  StreamTruncatedError,
} from "../errors.js";
import type { RawMessageStreamEvent } from "../types/index.js";
import { Stream } from "./stream.js";
import {
  bodyOf,
  failingBody,
  overloadedErrorSSE,
  sseEvent,
  stalledAnswerBody,
  streamedAnswer,
  textAnswerEventTypes,
  textAnswerSSE,
  textAnswerStartSSE,
  toolUseAnswerSSE,
} from "./test-sse-fixtures.js";

const encoder = new TextEncoder();

function streamOf(chunks: readonly (string | Uint8Array)[], controller = new AbortController()) {
  return streamedAnswer(bodyOf(chunks), controller).data;
}

describe("Stream.fromSSEResponse", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("yields the typed events of a recorded stream and drops ping", async () => {
    const events = await collect(streamOf([textAnswerSSE]));
    expect(events.map((event) => event.type)).toEqual(textAnswerEventTypes);
  });

  it("yields the same events for every split point of a recorded stream", async () => {
    const expected = await collect(streamOf([toolUseAnswerSSE]));
    const bytes = encoder.encode(toolUseAnswerSSE);
    for (let at = 0; at <= bytes.length; at += 1) {
      const events = await collect(streamOf([bytes.slice(0, at), bytes.slice(at)]));
      expect(events).toEqual(expected);
    }
  });

  it("counts a message_stop that lacks its final blank line", async () => {
    const events = await collect(streamOf([textAnswerSSE.trimEnd()]));
    expect(events.at(-1)).toEqual({ type: "message_stop" });
  });

  it("throws StreamTruncatedError when the body ends before message_stop", async () => {
    const cut = textAnswerSSE.slice(0, textAnswerSSE.indexOf("event: message_delta"));
    const error = await failure(collect(streamOf([cut])));
    expect(error).toBeInstanceOf(StreamTruncatedError);
  });

  it("throws StreamTruncatedError, not a JSON error, when the body ends inside the last event", async () => {
    const cut = textAnswerSSE.slice(0, textAnswerSSE.indexOf('"text":"Hello"'));
    expect(await failure(collect(streamOf([cut])))).toBeInstanceOf(StreamTruncatedError);
  });

  it("keeps an error event that lacks its blank line at the end of a cut message, rather than calling it a truncation", async () => {
    const error = await failure(
      collect(
        streamOf([
          textAnswerStartSSE,
          // Without its blank line.
          overloadedErrorSSE.trimEnd(),
        ]),
      ),
    );
    expect(error).toBeInstanceOf(OverloadedError);
  });

  it("rejects a response without a body, or whose content type is not an event stream, and aborts the request", async () => {
    for (const response of [
      new Response(null, { headers: { "content-type": "text/event-stream" } }),
      new Response('{"type":"message"}', { headers: { "content-type": "application/json" } }),
    ]) {
      const controller = new AbortController();
      const error = await failure(collect(Stream.fromSSEResponse(response, controller)));
      expect(error).toBeInstanceOf(AnthropicError);
      expect((error as Error).message).toMatch(/no body|application\/json/);
      expect(controller.signal.aborted).toBe(true);
    }
  });

  it("delivers the events before a truncation", async () => {
    const cut = textAnswerSSE.slice(0, textAnswerSSE.indexOf("event: message_delta"));
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of streamOf([cut])) seen.push(event.type);
      })(),
    );
    expect(error).toBeInstanceOf(StreamTruncatedError);
    expect(seen).toContain("content_block_stop");
  });

  it("throws the APIError subclass of an error event's type (overloaded → a 529-like error) with the body", async () => {
    const errorBody = {
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
      request_id: "req_011CSHoEeqs5C35K2UUqR7Fy",
    };
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of streamOf([textAnswerStartSSE, sseEvent("error", errorBody)]))
          seen.push(event.type);
      })(),
    );
    expect(seen).toEqual(["message_start"]);
    expect(error).toBeInstanceOf(OverloadedError);
    const apiError = error as APIError;
    expect(apiError.status).toBe(529);
    expect(apiError.type).toBe("overloaded_error");
    expect(apiError.error).toEqual(errorBody);
    expect(apiError.requestID).toBe("req_test_1");
    expect(apiError.message).toContain("Overloaded");
  });

  it("throws an AnthropicError naming the event for malformed JSON, never a bare SyntaxError", async () => {
    const error = await failure(
      collect(streamOf([textAnswerStartSSE, "event: content_block_start\ndata: {not json\n\n"])),
    );
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toContain("Invalid JSON in content_block_start: ");
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });

  it("yields events of types it does not know, and drops pings and events without a name, as the official SDK", async () => {
    const body = textAnswerSSE.replace(
      "event: ping",
      'event: future_event\ndata: {"type":"future_event","detail":1}\n\ndata: {"type":"unnamed"}\n\nevent: ping',
    );
    const events = await collect(streamOf([body]));
    const types = events.map((event) => event.type as string);
    expect(types).toEqual([
      "message_start",
      "content_block_start",
      "future_event",
      "content_block_delta",
      "content_block_delta",
      "content_block_stop",
      "message_delta",
      "message_stop",
    ]);
    expect(events[2]).toEqual({ type: "future_event", detail: 1 });
  });

  it("throws APIUserAbortError when the controller is aborted mid-stream", async () => {
    const controller = new AbortController();
    const stream = streamedAnswer(stalledAnswerBody(), controller).data;
    const error = await failure(
      (async () => {
        for await (const _event of stream) controller.abort();
      })(),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it("throws APIUserAbortError when the abort comes while waiting for bytes", async () => {
    const controller = new AbortController();
    const stream = streamedAnswer(stalledAnswerBody(), controller).data;
    expect(await failureOfReadAbortedWhileWaiting(stream, controller)).toBeInstanceOf(APIUserAbortError);
  });

  it("aborts the request and ends quietly when the consumer breaks out", async () => {
    const controller = new AbortController();
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(streamController) {
        streamController.enqueue(encoder.encode(textAnswerSSE));
      },
      cancel() {
        cancelled = true;
      },
    });
    const stream = streamedAnswer(body, controller).data;
    for await (const event of stream) {
      if (event.type === "content_block_start") break;
    }
    expect(controller.signal.aborted).toBe(true);
    // The body is cancelled on the next turn of the event loop (see `cancelSoon` in read-body.ts).
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(cancelled).toBe(true);
  });

  it("does not abort the request when the stream ends normally", async () => {
    const controller = new AbortController();
    await collect(streamOf([textAnswerSSE], controller));
    expect(controller.signal.aborted).toBe(false);
  });

  it("fails a stalled body with APIConnectionTimeoutError after the idle timeout, aborting the request", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const stream = streamedAnswer(stalledAnswerBody(), controller, { idleTimeoutMs: 50 }).data;
    const result = failure(collect(stream));
    await vi.advanceTimersByTimeAsync(60);
    const error = await result;
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(controller.signal.aborted).toBe(true);
  });

  it("never times out a slow trickle that keeps sending bytes", async () => {
    vi.useFakeTimers();
    const pieces = [...encoder.encode(textAnswerSSE)].map((byte) => Uint8Array.of(byte)).slice(0, 400);
    let index = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(streamController) {
        // Each byte comes 30 ms after the previous one: slower in total than the timeout, never idle as long.
        await new Promise((resolve) => setTimeout(resolve, 30));
        const piece = pieces[index++];
        if (piece) streamController.enqueue(piece);
        else streamController.enqueue(encoder.encode(textAnswerSSE.slice(400)));
        if (!piece) streamController.close();
      },
    });
    const stream = streamedAnswer(body, undefined, { idleTimeoutMs: 50 }).data;
    const result = collect(stream);
    await vi.advanceTimersByTimeAsync(30 * 410);
    const events = await result;
    expect(events.at(-1)?.type).toBe("message_stop");
  });

  it("does not count the consumer's own pauses as idle time", async () => {
    vi.useFakeTimers();
    const stream = streamedAnswer(bodyOf([textAnswerSSE]), undefined, { idleTimeoutMs: 50 }).data;
    const run = (async () => {
      const types: string[] = [];
      for await (const event of stream) {
        types.push(event.type);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      return types;
    })();
    await vi.advanceTimersByTimeAsync(200 * 8);
    expect((await run).at(-1)).toBe("message_stop");
  });

  it("turns a body read failure into APIConnectionError with the cause", async () => {
    const reset = Object.assign(new TypeError("terminated"), { code: "ECONNRESET" });
    const stream = streamedAnswer(failingBody([textAnswerStartSSE], reset)).data;
    const error = await failure(collect(stream));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).cause).toBe(reset);
  });

  it("refuses to be iterated twice", async () => {
    const stream = streamOf([textAnswerSSE]);
    await collect(stream);
    expect(() => stream[Symbol.asyncIterator]()).toThrow(/consumed stream/);
  });

  it("tees into two streams that each see every event, read at different speeds", async () => {
    const [left, right] = streamOf([textAnswerSSE]).tee();
    const leftEvents = await collect(left);
    const rightEvents = await collect(right);
    expect(leftEvents).toHaveLength(7);
    expect(rightEvents).toEqual(leftEvents);
  });

  it("reports a failure to both branches of a tee", async () => {
    const cut = textAnswerSSE.slice(0, textAnswerSSE.indexOf("event: message_delta"));
    const [left, right] = streamOf([cut]).tee();
    expect(await failure(collect(left))).toBeInstanceOf(StreamTruncatedError);
    expect(await failure(collect(right))).toBeInstanceOf(StreamTruncatedError);
  });

  it("round-trips through toReadableStream and fromReadableStream as NDJSON", async () => {
    const expected = await collect(streamOf([toolUseAnswerSSE]));
    const readable = streamOf([toolUseAnswerSSE]).toReadableStream();
    const [forText, forStream] = readable.tee();
    const text = await new Response(forText).text();
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line)),
    ).toEqual(expected);
    expect(await collect(Stream.fromReadableStream<RawMessageStreamEvent>(forStream))).toEqual(expected);
  });

  it("reads NDJSON split at any point, and detects its truncation", async () => {
    const events = await collect(streamOf([textAnswerSSE]));
    const ndjson = events.map((event) => JSON.stringify(event)).join("\n");
    for (let at = 0; at <= ndjson.length; at += 7) {
      const read = await collect(Stream.fromReadableStream(bodyOf([ndjson.slice(0, at), ndjson.slice(at)])));
      expect(read).toEqual(events);
    }
    const cut = events
      .slice(0, 4)
      .map((event) => `${JSON.stringify(event)}\n`)
      .join("");
    expect(await failure(collect(Stream.fromReadableStream(bodyOf([cut]))))).toBeInstanceOf(
      StreamTruncatedError,
    );
  });

  it("throws StreamTruncatedError, not a JSON error, when NDJSON ends inside its last line", async () => {
    const events = await collect(streamOf([textAnswerSSE]));
    const ndjson = events.map((event) => JSON.stringify(event)).join("\n");
    const cut = ndjson.slice(0, ndjson.indexOf('"text":"Hello"'));
    expect(await failure(collect(Stream.fromReadableStream(bodyOf([cut]))))).toBeInstanceOf(
      StreamTruncatedError,
    );
  });

  it("passes an error through toReadableStream to the reader", async () => {
    const readable = streamOf([
      textAnswerStartSSE,
      sseEvent("error", { type: "error", error: { type: "api_error", message: "boom" } }),
    ]).toReadableStream();
    const error = await failure(collect(Stream.fromReadableStream(readable)));
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).type).toBe("api_error");
  });
});
