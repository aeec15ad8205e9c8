import { createParser, type EventSourceMessage, type EventSourceParser } from "eventsource-parser";
import { TextChunkDecoder } from "./text-chunk-decoder.js";

/**
 * Turns the bytes of an SSE body into events, whatever the chunking. The SSE framing (LF, CR and CRLF
 * line ends, also a CRLF split across chunks, comments, multi-line data, one optional space after the
 * colon) is eventsource-parser's `createParser`. This class adds only what the parser leaves to its
 * caller (see {@link TextChunkDecoder}):
 * - UTF-8 decoding that keeps a character split across chunks whole (a streaming `TextDecoder`);
 * - a BOM dropped at the start of a body given as text (the byte decoder already drops it from bytes);
 * - at the end of the body (`flush()`), an event that lacks its terminating blank line is still
 *   dispatched: the SSE spec would drop it, but a `message_stop` whose blank line got lost should count.
 *
 * Each event goes to `onEvent` as it completes, as eventsource-parser gives it: its name (`event`,
 * `undefined` without an `event:` line) and its `data`; an exception that `onEvent` throws propagates
 * out of `decode()` or `flush()`. The parser calls `onEvent` itself, with no layer in between: it runs
 * once per event.
 *
 * @example
 * const decoder = new SSEDecoder(({ event, data }) => handle(event, data));
 * decoder.decode(chunk);
 * decoder.flush();
 */
export class SSEDecoder extends TextChunkDecoder {
  readonly #parser: EventSourceParser;

  constructor(onEvent: (message: EventSourceMessage) => void) {
    super();
    this.#parser = createParser({ onEvent });
  }

  protected feedText(text: string): void {
    this.#parser.feed(text);
  }
}
