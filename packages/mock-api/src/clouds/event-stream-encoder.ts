import { crc32 } from "./crc32.js";

const encoder = new TextEncoder();

/** A header of an AWS event-stream message: strings (type 7) are all Bedrock sends. */
export type EventStreamHeaders = Record<string, string>;

/**
 * Encodes one AWS event-stream message (`application/vnd.amazon.eventstream`), byte for byte as AWS
 * frames it: total length, headers length, prelude CRC-32, headers (name length, name, type 7 =
 * string, value length, value), payload, message CRC-32; all integers big-endian.
 */
export function encodeEventStreamMessage(
  headers: EventStreamHeaders,
  payload: Uint8Array | string,
): Uint8Array {
  const payloadBytes = typeof payload === "string" ? encoder.encode(payload) : payload;
  const encodedHeaders = Object.entries(headers).map(
    ([name, value]) => [encoder.encode(name), encoder.encode(value)] as const,
  );
  let headersLength = 0;
  for (const [name, value] of encodedHeaders) headersLength += 1 + name.length + 1 + 2 + value.length;
  const totalLength = 12 + headersLength + payloadBytes.length + 4;
  const bytes = new Uint8Array(totalLength);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, totalLength);
  view.setUint32(4, headersLength);
  view.setUint32(8, crc32(bytes, 0, 8));
  let offset = 12;
  for (const [name, value] of encodedHeaders) {
    view.setUint8(offset++, name.length);
    bytes.set(name, offset);
    offset += name.length;
    view.setUint8(offset++, 7);
    view.setUint16(offset, value.length);
    offset += 2;
    bytes.set(value, offset);
    offset += value.length;
  }
  bytes.set(payloadBytes, offset);
  view.setUint32(totalLength - 4, crc32(bytes, 0, totalLength - 4));
  return bytes;
}

/** Base64 of the UTF-8 bytes of a string (works in every runtime with `btoa`). */
export function base64OfText(text: string): string {
  const bytes = encoder.encode(text);
  let binary = "";
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(binary);
}

/** A Bedrock `chunk` event carrying one Messages stream event as `{"bytes": base64(json)}`. */
export function encodeBedrockChunk(eventJson: string): Uint8Array {
  return encodeEventStreamMessage(
    { ":event-type": "chunk", ":content-type": "application/json", ":message-type": "event" },
    JSON.stringify({ bytes: base64OfText(eventJson) }),
  );
}

/** A Bedrock exception message, e.g. `throttlingException` with `{"message": "..."}`. */
export function encodeBedrockException(exceptionType: string, body: Record<string, unknown>): Uint8Array {
  return encodeEventStreamMessage(
    { ":exception-type": exceptionType, ":content-type": "application/json", ":message-type": "exception" },
    JSON.stringify(body),
  );
}
