import { describe, expect, it } from "vitest";
import { createEventStream, encodeEvent, type SseEvent } from "./sse.js";

const events: SseEvent[] = [
  { type: "message_start", data: { type: "message_start" } },
  { type: "ping", data: { type: "ping" } },
  { type: "message_stop", data: { type: "message_stop" } },
];

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("SSE encoding and streams", () => {
  it("encodes one event per block with its type as the event name", () => {
    expect(encodeEvent({ type: "ping", data: { type: "ping" } })).toBe(
      'event: ping\ndata: {"type":"ping"}\n\n',
    );
  });

  it("emits every event in order", async () => {
    expect(await readAll(createEventStream(events, { delayMs: 0 }))).toBe(events.map(encodeEvent).join(""));
  });

  it("stops producing when the request is aborted, without waiting for its pacing timer", async () => {
    const controller = new AbortController();
    const reader = createEventStream(events, { delayMs: 60_000, signal: controller.signal }).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("message_start");
    const next = reader.read();
    controller.abort();
    expect((await next).done).toBe(true);
  });

  it("ends with an error event instead of message_stop when asked", async () => {
    const text = await readAll(
      createEventStream(events, {
        delayMs: 0,
        failure: {
          kind: "error",
          after: 1,
          error: {
            type: "error",
            error: { type: "overloaded_error", message: "Overloaded" },
            request_id: "req_1",
          },
        },
      }),
    );
    expect(text).toBe(
      `${encodeEvent(events[0] as SseEvent)}event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"}\n\n`,
    );
  });

  it("errors the body for a dropped connection, never reaching message_stop", async () => {
    const reader = createEventStream(events, { delayMs: 0, failure: { kind: "drop", after: 2 } }).getReader();
    const received: string[] = [];
    await expect(
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          received.push(new TextDecoder().decode(value));
        }
      })(),
    ).rejects.toThrow(/dropped/);
    expect(received.join("")).not.toContain("message_stop");
    expect(received.join("").match(/^event: /gm)).toHaveLength(2);
  });
});
