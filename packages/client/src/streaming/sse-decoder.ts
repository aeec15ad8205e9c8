import { createParser, type EventSourceParser } from "eventsource-parser";
import type { ChunkDecoder } from "./read-body.js";

/** U+FEFF, which a body may start with. */
const BYTE_ORDER_MARK = 0xfeff;

/**
 * Turns the bytes of an SSE body into events, whatever the chunking. The SSE framing (LF, CR and CRLF
 * line ends, also a CRLF split across chunks, comments, multi-line data, one optional space after the
 * colon) is eventsource-parser's `createParser`. This class adds only what the parser leaves to its
 * caller:
 * - UTF-8 decoding that keeps a character split across chunks whole (a streaming `TextDecoder`);
 * - a BOM dropped at the start of a body given as text (the byte decoder already drops it from bytes);
 * - at the end of the body (`flush()`), an event that lacks its terminating blank line is still
 *   dispatched: the SSE spec would drop it, but a `message_stop` whose blank line got lost should count.
 *
 * Each event goes to `onEvent` as it completes, with its name (`undefined` without an `event:` line)
 * and its data; an exception that `onEvent` throws propagates out of `decode()` or `flush()`.
 *
 * @example
 * const decoder = new SSEDecoder((event, data) => handle(event, data));
 * decoder.decode(chunk);
 * decoder.flush();
 */
export class SSEDecoder implements ChunkDecoder {
  readonly #textDecoder = new TextDecoder();
  readonly #parser: EventSourceParser;
  #started = false;

  constructor(onEvent: (event: string | undefined, data: string) => void) {
    this.#parser = createParser({ onEvent: (message) => onEvent(message.event, message.data) });
  }

  /** Feeds one chunk of the body, passing on the events it completed (often none). */
  decode(chunk: Uint8Array | string): void {
    let text = typeof chunk === "string" ? chunk : this.#textDecoder.decode(chunk, { stream: true });
    if (!this.#started && text) {
      this.#started = true;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
    }
    if (text) this.#parser.feed(text);
  }

  /**
   * Ends the body: decodes the bytes the text decoder still holds, then ends the last line and the
   * last event with a blank line, so that an event missing its blank line is dispatched. On a body
   * that ended cleanly, the blank lines dispatch nothing.
   */
  flush(): void {
    this.#parser.feed(`${this.#textDecoder.decode()}\n\n`);
  }
}
