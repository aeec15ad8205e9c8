import { describe, expect, it } from "vitest";
import { SSEDecoder } from "./sse-decoder.js";
import { textAnswerSSE, toolUseAnswerSSE } from "./test-sse-fixtures.js";

const encoder = new TextEncoder();

interface Decoded {
  event: string | undefined;
  data: string;
}

/** Decodes the chunks (text is encoded to bytes first, unless `asText`), then ends the body. */
function decodeAll(chunks: readonly (string | Uint8Array)[], asText = false): Decoded[] {
  const events: Decoded[] = [];
  const decoder = new SSEDecoder(({ event, data }) => events.push({ event, data }));
  for (const chunk of chunks) {
    decoder.decode(typeof chunk === "string" && !asText ? encoder.encode(chunk) : chunk);
  }
  decoder.flush();
  return events;
}

const twoEvents: Decoded[] = [
  { event: "a", data: "1" },
  { event: "b", data: "2" },
];

describe("SSEDecoder (SSE framing by eventsource-parser)", () => {
  it("parses events terminated by LF, CR and CRLF alike", () => {
    expect(decodeAll(["event: a\ndata: 1\n\nevent: b\ndata: 2\n\n"])).toEqual(twoEvents);
    expect(decodeAll(["event: a\rdata: 1\r\revent: b\rdata: 2\r\r"])).toEqual(twoEvents);
    expect(decodeAll(["event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n"])).toEqual(twoEvents);
  });

  it("treats a CR ending one chunk and an LF starting the next as one line end", () => {
    expect(decodeAll(["event: a\r", "\ndata: 1\r", "\n\r", "\nevent: b\r\ndata: 2\r\n\r\n"])).toEqual(
      twoEvents,
    );
  });

  it("ignores comment lines, and id, retry and unknown fields", () => {
    expect(
      decodeAll([": keep-alive\nevent: a\n: between\nid: 7\nretry: 10\nfoo: bar\ndata: 1\n\n:\n\n"]),
    ).toEqual([{ event: "a", data: "1" }]);
  });

  it("joins multi-line data with a newline", () => {
    expect(decodeAll(["event: a\ndata: first\ndata:second\ndata\n\n"])).toEqual([
      { event: "a", data: "first\nsecond\n" },
    ]);
  });

  it("strips one space after the colon and no more", () => {
    expect(decodeAll(["event:a\ndata:  two spaces\n\n"])).toEqual([{ event: "a", data: " two spaces" }]);
  });

  it("keeps a UTF-8 character whole when a chunk ends inside it", () => {
    const bytes = encoder.encode('event: a\ndata: {"text":"héllo 😀 世界"}\n\n');
    for (let at = 1; at < bytes.length; at++) {
      const events = decodeAll([bytes.slice(0, at), bytes.slice(at)]);
      expect(events, `split at byte ${at}`).toEqual([{ event: "a", data: '{"text":"héllo 😀 世界"}' }]);
    }
  });

  it("ignores a BOM at the start of the body, as bytes (even split across chunks) or as text", () => {
    const bytes = encoder.encode("\uFEFFevent: a\ndata: 1\n\n");
    expect(bytes[0]).toBe(0xef);
    expect(decodeAll([bytes])).toEqual([{ event: "a", data: "1" }]);
    expect(decodeAll([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)])).toEqual([
      { event: "a", data: "1" },
    ]);
    expect(decodeAll(["\uFEFFevent: a\ndata: 1\n\n"], true)).toEqual([{ event: "a", data: "1" }]);
  });

  it("dispatches a final event that lacks its blank line at the end of the body", () => {
    const stop = { event: "message_stop", data: '{"type":"message_stop"}' };
    expect(decodeAll(['event: message_stop\ndata: {"type":"message_stop"}'])).toEqual([stop]);
    expect(decodeAll(['event: message_stop\ndata: {"type":"message_stop"}\n'])).toEqual([stop]);
    expect(decodeAll(['event: message_stop\ndata: {"type":"message_stop"}\r'])).toEqual([stop]);
    expect(decodeAll(['event: message_stop\r\ndata: {"type":"message_stop"}\r\n'])).toEqual([stop]);
  });

  it("passes on an event without a name (the stream drops it), and drops a name without data", () => {
    expect(decodeAll(["data: orphan\n\nevent: lonely\n\nevent: a\ndata: 1\n\n"])).toEqual([
      { event: undefined, data: "orphan" },
      { event: "a", data: "1" },
    ]);
  });

  it("gives the same events for every split point of a recorded stream, and byte by byte", () => {
    for (const recorded of [textAnswerSSE, toolUseAnswerSSE]) {
      const expected = decodeAll([recorded]);
      expect(expected.length).toBeGreaterThan(5);
      const bytes = encoder.encode(recorded);
      for (let at = 0; at <= bytes.length; at++) {
        expect(decodeAll([bytes.slice(0, at), bytes.slice(at)])).toEqual(expected);
      }
      expect(decodeAll([...bytes].map((byte) => Uint8Array.of(byte)))).toEqual(expected);
    }
  });

  it("gives the same events with CRLF line ends split at every point", () => {
    const expected = decodeAll([textAnswerSSE]);
    const bytes = encoder.encode(textAnswerSSE.replaceAll("\n", "\r\n"));
    for (let at = 0; at <= bytes.length; at++) {
      expect(decodeAll([bytes.slice(0, at), bytes.slice(at)])).toEqual(expected);
    }
  });

  it("propagates an exception of its callback out of decode()", () => {
    const decoder = new SSEDecoder(() => {
      throw new Error("from the callback");
    });
    expect(() => decoder.decode(encoder.encode("event: a\ndata: 1\n\n"))).toThrow("from the callback");
  });
});
