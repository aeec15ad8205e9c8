import { crc32 } from "node:zlib";
import { encodeEventStreamMessage } from "@colloquy/mock-api/clouds";
import {
  awsEmptyMessage,
  awsHeaderMessage,
  awsPayloadMessage,
} from "@colloquy/mock-api/clouds/test-aws-event-stream-vectors";
import { describe, expect, it } from "vitest";
import {
  EventStreamDecoder,
  EventStreamFramingError,
  type EventStreamMessage,
} from "./event-stream-decoder.js";
import { concatBytes } from "./test-frames.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function decodeInPieces(bytes: Uint8Array, pieceSize: number): EventStreamMessage[] {
  const decoder = new EventStreamDecoder();
  const messages: EventStreamMessage[] = [];
  for (let offset = 0; offset < bytes.length; offset += pieceSize) {
    messages.push(...decoder.decode(bytes.subarray(offset, offset + pieceSize)));
  }
  expect(decoder.pendingBytes).toBe(0);
  return messages;
}

describe("EventStreamDecoder", () => {
  it("decodes AWS's published frames: empty, payload only, and one string header", () => {
    const [empty, payload, withHeader] = new EventStreamDecoder().decode(
      concatBytes([awsEmptyMessage, awsPayloadMessage, awsHeaderMessage]),
    );
    expect(empty).toEqual({ headers: {}, payload: new Uint8Array(0) });
    expect(payload?.headers).toEqual({});
    expect(text(payload!.payload)).toBe("{'foo':'bar'}");
    expect(withHeader?.headers).toEqual({ "content-type": "application/json" });
    expect(text(withHeader!.payload)).toBe("{'foo':'bar'}");
  });

  it("yields the same messages whatever the chunk size, down to one byte", () => {
    const bytes = concatBytes([awsEmptyMessage, awsPayloadMessage, awsHeaderMessage, awsPayloadMessage]);
    const whole = new EventStreamDecoder().decode(bytes);
    expect(whole).toHaveLength(4);
    for (let size = 1; size <= bytes.length; size++) {
      expect(decodeInPieces(bytes, size)).toEqual(whole);
    }
  });

  it("keeps a frame split across chunks until its last byte arrives", () => {
    const decoder = new EventStreamDecoder();
    expect(decoder.decode(awsHeaderMessage.subarray(0, 30))).toEqual([]);
    expect(decoder.pendingBytes).toBe(30);
    const [message] = decoder.decode(awsHeaderMessage.subarray(30));
    expect(message?.headers).toEqual({ "content-type": "application/json" });
    expect(decoder.pendingBytes).toBe(0);
  });

  it("rejects a frame whose prelude checksum is wrong", () => {
    const corrupt = Uint8Array.from(awsEmptyMessage);
    corrupt[9] = 0xc3; // the single-bit flip of AWS's corrupted-CRC test
    expect(() => new EventStreamDecoder().decode(corrupt)).toThrow(EventStreamFramingError);
    expect(() => new EventStreamDecoder().decode(corrupt)).toThrow(/prelude checksum/);
  });

  it("rejects a frame whose payload was altered after the checksum", () => {
    const corrupt = Uint8Array.from(awsPayloadMessage);
    corrupt[14] = 0x67; // 'f' → 'g'
    expect(() => new EventStreamDecoder().decode(corrupt)).toThrow(/message checksum/);
  });

  it("rejects an impossible length even when its prelude checksum is right", () => {
    const frame = encodeEventStreamMessage({}, "");
    const view = new DataView(frame.buffer);
    view.setUint32(0, 8); // shorter than a frame can be
    view.setUint32(8, crc32(frame.subarray(0, 8)));
    expect(() => new EventStreamDecoder().decode(frame)).toThrow(/impossible length/);
  });

  it("decodes every header type AWS defines", () => {
    // Built by hand: bool true, bool false, byte, short, int, long, bytes, string, timestamp, uuid.
    const parts: number[] = [];
    const name = (value: string) => parts.push(value.length, ...[...value].map((c) => c.charCodeAt(0)));
    name("t");
    parts.push(0);
    name("f");
    parts.push(1);
    name("b");
    parts.push(2, 0xff);
    name("s");
    parts.push(3, 0x01, 0x02);
    name("i");
    parts.push(4, 0xff, 0xff, 0xff, 0xfe);
    name("l");
    parts.push(5, 0, 0, 0, 0, 0, 0, 0x01, 0x00);
    name("y");
    parts.push(6, 0, 2, 0xca, 0xfe);
    name("str");
    parts.push(7, 0, 2, 0x68, 0x69);
    name("ts");
    parts.push(8, 0, 0, 0x01, 0x8b, 0xcf, 0xe5, 0x68, 0x00);
    name("id");
    parts.push(9, ...Array.from({ length: 16 }, (_, index) => index));
    const [message] = new EventStreamDecoder().decode(frameWithHeaderBlock(parts));
    expect(message?.headers).toEqual({
      t: true,
      f: false,
      b: -1,
      s: 0x0102,
      i: -2,
      l: 256n,
      y: Uint8Array.from([0xca, 0xfe]),
      str: "hi",
      ts: new Date(0x018bcfe56800),
      id: "000102030405060708090a0b0c0d0e0f",
    });
  });

  it.each([
    ["a name longer than the block", [5, 0x61, 0x62]],
    ["a name without its type byte", [1, 0x61]],
    ["an int missing bytes", [1, 0x61, 4, 0xff, 0xff]],
    ["a string longer than the block", [1, 0x61, 7, 0, 5, 0x68, 0x69]],
    ["a uuid missing bytes", [1, 0x61, 9, 0, 1, 2]],
  ])("rejects a header block with %s", (_what, parts) => {
    expect(() => new EventStreamDecoder().decode(frameWithHeaderBlock(parts))).toThrow(
      /a header runs past the header block/,
    );
  });

  it("rejects a header of an unknown type", () => {
    const decode = () => new EventStreamDecoder().decode(frameWithHeaderBlock([1, 0x61, 10]));
    expect(decode).toThrow(EventStreamFramingError);
    expect(decode).toThrow(/unknown header type 10/);
  });
});

/** A frame with valid lengths and checksums around the given header block bytes, and no payload. */
function frameWithHeaderBlock(parts: readonly number[]): Uint8Array {
  const headers = Uint8Array.from(parts);
  const total = 12 + headers.length + 4;
  const frame = new Uint8Array(total);
  const view = new DataView(frame.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc32(frame.subarray(0, 8)));
  frame.set(headers, 12);
  view.setUint32(total - 4, crc32(frame.subarray(0, total - 4)));
  return frame;
}
