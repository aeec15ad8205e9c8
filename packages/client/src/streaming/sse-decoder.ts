import { createParser, type EventSourceParser } from "eventsource-parser";

/** One Server-Sent Event that carried an `event:` name and at least one `data:` line. */
export interface ServerSentEvent {
  /** The `event:` field. */
  event: string;
  /** The `data:` lines, joined with `\n`. */
  data: string;
}

/**
 * Turns the bytes of an SSE body into events, whatever the chunking: a streaming UTF-8 decoder keeps
 * characters split across chunks whole, and `eventsource-parser` handles LF, CR and CRLF line ends
 * (also a CR ending one chunk with its LF starting the next), comments, multi-line data and a BOM.
 *
 * Events without an `event:` name are dropped, as the official SDK does. At the end of the body
 * (`flush()`), an event missing its terminating blank line is still dispatched: the spec would drop
 * it, but a `message_stop` whose blank line got lost should still count.
 *
 * Events are returned by `decode()`/`flush()`, or, when an `onEvent` callback is given, passed to it
 * as they complete (no intermediate arrays; an exception it throws propagates out of `decode()`).
 *
 * @example
 * const decoder = new SSEDecoder();
 * for (const event of decoder.decode(chunk)) handle(event);
 * for (const event of decoder.flush()) handle(event);
 */
export class SSEDecoder {
  readonly #textDecoder = new TextDecoder("utf-8");
  readonly #parser: EventSourceParser;
  #events: ServerSentEvent[] = [];
  #started = false;

  constructor(onEvent?: (event: string, data: string) => void) {
    this.#parser = createParser({
      onEvent: onEvent
        ? (message) => {
            if (message.event !== undefined) onEvent(message.event, message.data);
          }
        : (message) => {
            if (message.event !== undefined) this.#events.push({ event: message.event, data: message.data });
          },
    });
  }

  /** Feeds one chunk of the body and returns the events it completed (often none). */
  decode(chunk: Uint8Array | string): readonly ServerSentEvent[] {
    let text = typeof chunk === "string" ? chunk : this.#textDecoder.decode(chunk, { stream: true });
    if (!this.#started && text.length > 0) {
      this.#started = true;
      // The byte decoder already drops a leading BOM; this covers input given as text.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) this.#parser.feed(text);
    return this.#take();
  }

  /** Ends the body: returns the events still buffered, including one that lacks its blank line. */
  flush(): readonly ServerSentEvent[] {
    const rest = this.#textDecoder.decode();
    // Two line ends close an unterminated line and then the event; on a cleanly ended body they are
    // empty lines that dispatch nothing.
    this.#parser.feed(`${rest}\n\n`);
    return this.#take();
  }

  #take(): readonly ServerSentEvent[] {
    if (this.#events.length === 0) return noEvents;
    const events = this.#events;
    this.#events = [];
    return events;
  }
}

const noEvents: readonly ServerSentEvent[] = Object.freeze([]);
