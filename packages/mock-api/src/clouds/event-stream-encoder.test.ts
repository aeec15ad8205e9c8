import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "./crc32.js";
import { encodeBedrockChunk, encodeEventStreamMessage } from "./event-stream-encoder.js";
import { awsEmptyMessage, awsHeaderMessage, awsPayloadMessage } from "./test-aws-event-stream-vectors.js";

describe("encodeEventStreamMessage", () => {
  it("writes AWS's published empty-message frame byte for byte", () => {
    expect(encodeEventStreamMessage({}, "")).toEqual(awsEmptyMessage);
  });

  it("writes AWS's published payload-only frame byte for byte", () => {
    expect(encodeEventStreamMessage({}, "{'foo':'bar'}")).toEqual(awsPayloadMessage);
  });

  it("writes AWS's published string-header frame byte for byte", () => {
    expect(encodeEventStreamMessage({ "content-type": "application/json" }, "{'foo':'bar'}")).toEqual(
      awsHeaderMessage,
    );
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
