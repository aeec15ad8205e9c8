import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.js";
import { encodeBedrockChunk, encodeEventStreamMessage } from "./event-stream-encoder.js";

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));
const fooBar = ascii("{'foo':'bar'}");

describe("encodeEventStreamMessage", () => {
  it("writes AWS's published empty-message frame byte for byte", () => {
    expect([...encodeEventStreamMessage({}, "")]).toEqual([
      0x00, 0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x00, 0x05, 0xc2, 0x48, 0xeb, 0x7d, 0x98, 0xc8, 0xff,
    ]);
  });

  it("writes AWS's published string-header frame byte for byte", () => {
    expect([...encodeEventStreamMessage({ "content-type": "application/json" }, "{'foo':'bar'}")]).toEqual([
      0x00,
      0x00,
      0x00,
      0x3d,
      0x00,
      0x00,
      0x00,
      0x20,
      0x07,
      0xfd,
      0x83,
      0x96,
      0x0c,
      ...ascii("content-type"),
      0x07,
      0x00,
      0x10,
      ...ascii("application/json"),
      ...fooBar,
      0x8d,
      0x9c,
      0x08,
      0xb1,
    ]);
  });

  it("wraps a stream event as a Bedrock chunk whose bytes field is the base64 of the JSON", () => {
    const json = JSON.stringify({
      type: "content_block_delta",
      delta: { type: "text_delta", text: "héllo 👋" },
    });
    const frame = encodeBedrockChunk(json);
    const view = new DataView(frame.buffer);
    expect(view.getUint32(0)).toBe(frame.length);
    expect(view.getUint32(8)).toBe(zlibCrc32(frame.subarray(0, 8)));
    expect(view.getUint32(frame.length - 4)).toBe(zlibCrc32(frame.subarray(0, frame.length - 4)));
    const payloadStart = 12 + view.getUint32(4);
    const payload = JSON.parse(new TextDecoder().decode(frame.subarray(payloadStart, frame.length - 4)));
    expect(new TextDecoder().decode(Buffer.from(payload.bytes, "base64"))).toBe(json);
    expect(new TextDecoder().decode(frame.subarray(12, payloadStart))).toContain(":event-type");
  });

  it("computes the same CRC-32 as zlib", () => {
    const bytes = new TextEncoder().encode("The quick brown fox jumps over the lazy dog");
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(bytes)).toBe(0x414fa339);
  });
});
