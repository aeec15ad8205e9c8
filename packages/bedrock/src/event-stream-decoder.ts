import { AnthropicError } from "@colloquy/client";
import { crc32 } from "./internal/crc32.js";

/** A header value of an AWS event-stream message, by its wire type. */
export type EventStreamHeaderValue = boolean | number | bigint | string | Uint8Array | Date;

/** One message of an `application/vnd.amazon.eventstream` body. */
export interface EventStreamMessage {
  /** Headers such as `:message-type`, `:event-type`, `:exception-type`, `:content-type`. */
  headers: Record<string, EventStreamHeaderValue>;
  /** The payload bytes (for Bedrock, JSON). */
  payload: Uint8Array;
}

/** A frame whose length or checksum is wrong: the body is corrupt, not merely cut. */
export class EventStreamFramingError extends AnthropicError {
  override name = "EventStreamFramingError";
}

/** Prelude (total length, headers length, prelude CRC) plus the trailing message CRC. */
const preludeBytes = 12;
const minMessageBytes = preludeBytes + 4;
/** AWS caps a message at 16 MiB of payload plus 128 KiB of headers. */
const maxMessageBytes = 16 * 1024 * 1024 + 128 * 1024 + minMessageBytes;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Turns the bytes of an AWS event-stream body into messages, whatever the chunking: a frame split
 * across chunks is kept until it is whole, and several frames in one chunk all come out. Each frame's
 * prelude CRC and message CRC are checked; a mismatch throws {@link EventStreamFramingError}.
 *
 * Frame layout (big-endian): total length (4 bytes), headers length (4), CRC-32 of those 8 bytes (4),
 * headers, payload, CRC-32 of everything before it (4).
 *
 * @example
 * const decoder = new EventStreamDecoder();
 * for (const message of decoder.decode(chunk)) handle(message);
 * if (decoder.pendingBytes > 0) throw new Error("the body ended inside a frame");
 */
export class EventStreamDecoder {
  #buffer = new Uint8Array(0);
  #start = 0;
  #end = 0;

  /** Bytes received that do not yet make a whole frame; non-zero at the end of a body means it was cut. */
  get pendingBytes(): number {
    return this.#end - this.#start;
  }

  /** Feeds one chunk of the body and returns the messages it completed (often none, sometimes several). */
  decode(chunk: Uint8Array): EventStreamMessage[] {
    this.#append(chunk);
    const messages: EventStreamMessage[] = [];
    for (;;) {
      const available = this.#end - this.#start;
      if (available < preludeBytes) break;
      const view = new DataView(this.#buffer.buffer, this.#buffer.byteOffset + this.#start, available);
      const totalLength = view.getUint32(0);
      const headersLength = view.getUint32(4);
      if (crc32(this.#buffer, this.#start, this.#start + 8) !== view.getUint32(8)) {
        throw new EventStreamFramingError("Corrupt event-stream frame: the prelude checksum does not match.");
      }
      if (totalLength < minMessageBytes || totalLength > maxMessageBytes) {
        throw new EventStreamFramingError(`Corrupt event-stream frame: impossible length ${totalLength}.`);
      }
      if (headersLength > totalLength - minMessageBytes) {
        throw new EventStreamFramingError("Corrupt event-stream frame: the headers overflow the frame.");
      }
      if (available < totalLength) break;
      const frameEnd = this.#start + totalLength;
      if (crc32(this.#buffer, this.#start, frameEnd - 4) !== view.getUint32(totalLength - 4)) {
        throw new EventStreamFramingError("Corrupt event-stream frame: the message checksum does not match.");
      }
      const headersStart = this.#start + preludeBytes;
      const payloadStart = headersStart + headersLength;
      messages.push({
        headers: decodeHeaders(this.#buffer.subarray(headersStart, payloadStart)),
        // A copy, so the buffer can be reused for the next frames.
        payload: this.#buffer.slice(payloadStart, frameEnd - 4),
      });
      this.#start = frameEnd;
    }
    if (this.#start === this.#end) this.#start = this.#end = 0;
    return messages;
  }

  #append(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.#end + chunk.length > this.#buffer.length) {
      const live = this.#end - this.#start;
      const needed = live + chunk.length;
      // Grow when the live bytes do not fit; otherwise slide them to the front (set() copes with the overlap).
      const target =
        needed > this.#buffer.length
          ? new Uint8Array(Math.max(needed, this.#buffer.length * 2, 1024))
          : this.#buffer;
      target.set(this.#buffer.subarray(this.#start, this.#end), 0);
      this.#buffer = target;
      this.#start = 0;
      this.#end = live;
    }
    this.#buffer.set(chunk, this.#end);
    this.#end += chunk.length;
  }
}

/** The numeric header types, by type byte: byte, short, int, long and timestamp (big-endian). */
const numericHeaderTypes: Record<
  number,
  { size: number; read(view: DataView, at: number): EventStreamHeaderValue }
> = {
  2: { size: 1, read: (view, at) => view.getInt8(at) },
  3: { size: 2, read: (view, at) => view.getInt16(at) },
  4: { size: 4, read: (view, at) => view.getInt32(at) },
  5: { size: 8, read: (view, at) => view.getBigInt64(at) },
  8: { size: 8, read: (view, at) => new Date(Number(view.getBigInt64(at))) },
};

function decodeHeaders(bytes: Uint8Array): Record<string, EventStreamHeaderValue> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headers: Record<string, EventStreamHeaderValue> = {};
  let offset = 0;
  /** Claims the next `count` bytes of the header block and returns where they start. */
  const take = (count: number): number => {
    if (offset + count > bytes.length) {
      throw new EventStreamFramingError("Corrupt event-stream frame: a header runs past the header block.");
    }
    const start = offset;
    offset += count;
    return start;
  };
  while (offset < bytes.length) {
    const nameLength = view.getUint8(take(1));
    const nameStart = take(nameLength);
    const name = utf8.decode(bytes.subarray(nameStart, nameStart + nameLength));
    const type = view.getUint8(take(1));
    const numeric = numericHeaderTypes[type];
    if (numeric !== undefined) {
      headers[name] = numeric.read(view, take(numeric.size));
      continue;
    }
    let value: EventStreamHeaderValue;
    switch (type) {
      case 0:
      case 1:
        value = type === 0;
        break;
      case 6:
      case 7: {
        const length = view.getUint16(take(2));
        const start = take(length);
        const raw = bytes.slice(start, start + length);
        value = type === 7 ? utf8.decode(raw) : raw;
        break;
      }
      case 9: {
        const start = take(16);
        value = [...bytes.subarray(start, start + 16)]
          .map((byte) => byte.toString(16).padStart(2, "0"))
          .join("");
        break;
      }
      default:
        throw new EventStreamFramingError(`Corrupt event-stream frame: unknown header type ${type}.`);
    }
    headers[name] = value;
  }
  return headers;
}
