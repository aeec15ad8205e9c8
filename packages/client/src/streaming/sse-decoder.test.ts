import { describe, expect, it } from "vitest";
import { SSEDecoder } from "./sse-decoder.js";
import { textAnswerSSE, toolUseAnswerSSE } from "./test-sse-fixtures.js";

const encoder = new TextEncoder();

function decodeAll(chunks: readonly (string | Uint8Array)[]): { event: string; data: string }[] {
  const events: { event: string; data: string }[] = [];
  const decoder = new SSEDecoder((event, data) => events.push({ event, data }));
  for (const chunk of chunks) decoder.decode(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
  decoder.flush();
  return events;
}

describe("SSEDecoder", () => {
  it("parses events terminated by LF, CR and CRLF alike", () => {
    const expected = [
      { event: "a", data: "1" },
      { event: "b", data: "2" },
    ];
    expect(decodeAll(["event: a\ndata: 1\n\nevent: b\ndata: 2\n\n"])).toEqual(expected);
    expect(decodeAll(["event: a\rdata: 1\r\revent: b\rdata: 2\r\r"])).toEqual(expected);
    expect(decodeAll(["event: a\r\ndata: 1\r\n\r\nevent: b\r\ndata: 2\r\n\r\n"])).toEqual(expected);
  });

  it("treats a CR ending one chunk and an LF starting the next as one line end", () => {
    const events = decodeAll(["event: a\r", "\ndata: 1\r", "\n\r", "\nevent: b\r\ndata: 2\r\n\r\n"]);
    expect(events).toEqual([
      { event: "a", data: "1" },
      { event: "b", data: "2" },
    ]);
  });

  it("ignores comment lines", () => {
    expect(decodeAll([": keep-alive\nevent: a\n: between\ndata: 1\n\n:\n\n"])).toEqual([
      { event: "a", data: "1" },
    ]);
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
    const text = 'event: a\ndata: {"text":"héllo 😀 世界"}\n\n';
    const bytes = encoder.encode(text);
    for (let at = 1; at < bytes.length; at++) {
      const events = decodeAll([bytes.slice(0, at), bytes.slice(at)]);
      expect(events, `split at byte ${at}`).toEqual([{ event: "a", data: '{"text":"héllo 😀 世界"}' }]);
    }
  });

  it("ignores a BOM at the start of the stream, even split across chunks", () => {
    const bytes = encoder.encode("\uFEFFevent: a\ndata: 1\n\n");
    expect(bytes[0]).toBe(0xef);
    expect(decodeAll([bytes])).toEqual([{ event: "a", data: "1" }]);
    expect(decodeAll([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)])).toEqual([
      { event: "a", data: "1" },
    ]);
  });

  it("dispatches a final event that lacks its blank line at the end of the body", () => {
    expect(decodeAll(['event: message_stop\ndata: {"type":"message_stop"}'])).toEqual([
      { event: "message_stop", data: '{"type":"message_stop"}' },
    ]);
    expect(decodeAll(['event: message_stop\ndata: {"type":"message_stop"}\n'])).toHaveLength(1);
    expect(decodeAll(['event: message_stop\ndata: {"type":"message_stop"}\r'])).toHaveLength(1);
  });

  it("drops events without an event name, and names without data", () => {
    expect(decodeAll(["data: orphan\n\nevent: lonely\n\nevent: a\ndata: 1\n\n"])).toEqual([
      { event: "a", data: "1" },
    ]);
  });

  it("gives the same events for every split point of a recorded stream", () => {
    for (const recorded of [textAnswerSSE, toolUseAnswerSSE]) {
      const expected = decodeAll([recorded]);
      expect(expected.length).toBeGreaterThan(5);
      const bytes = encoder.encode(recorded);
      for (let at = 0; at <= bytes.length; at++) {
        expect(decodeAll([bytes.slice(0, at), bytes.slice(at)])).toEqual(expected);
      }
      // And byte by byte.
      expect(decodeAll([...bytes].map((byte) => Uint8Array.of(byte)))).toEqual(expected);
    }
  });

  it("gives the same events with CRLF line ends split at every point", () => {
    const recorded = textAnswerSSE.replaceAll("\n", "\r\n");
    const expected = decodeAll([textAnswerSSE]);
    const bytes = encoder.encode(recorded);
    for (let at = 0; at <= bytes.length; at++) {
      expect(decodeAll([bytes.slice(0, at), bytes.slice(at)])).toEqual(expected);
    }
  });
});
