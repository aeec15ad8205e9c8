/**
 * Turns the bytes of an SSE body into events, whatever the chunking: a streaming UTF-8 decoder keeps
 * characters split across chunks whole, and the line reader accepts LF, CR and CRLF line ends (also a
 * CR ending one chunk with its LF starting the next), comments, multi-line data, fields without a
 * colon and a BOM. Only `event` and `data` matter here: `id`, `retry` and unknown fields are ignored.
 *
 * Events without an `event:` name are dropped, as the official SDK does. At the end of the body
 * (`flush()`), an event missing its terminating blank line is still dispatched: the spec would drop
 * it, but a `message_stop` whose blank line got lost should still count.
 *
 * Each event goes to `onEvent` as it completes, its name and its data (no intermediate arrays); an
 * exception that `onEvent` throws propagates out of `decode()` or `flush()`.
 *
 * @example
 * const decoder = new SSEDecoder((event, data) => handle(event, data));
 * decoder.decode(chunk);
 * decoder.flush();
 */
export class SSEDecoder {
  readonly #textDecoder = new TextDecoder();
  readonly #onEvent: (event: string, data: string) => void;
  /** The start of a line whose end has not arrived yet. */
  #partialLine = "";
  /** The last chunk ended with CR: an LF starting the next one belongs to it. */
  #afterCR = false;
  #started = false;
  #event = "";
  /** The data lines so far, joined; `undefined` until the event has one. */
  #data: string | undefined;

  constructor(onEvent: (event: string, data: string) => void) {
    this.#onEvent = onEvent;
  }

  /** Feeds one chunk of the body, dispatching the events it completed (often none). */
  decode(chunk: Uint8Array | string): void {
    let text = typeof chunk === "string" ? chunk : this.#textDecoder.decode(chunk, { stream: true });
    // The byte decoder already drops a leading BOM; this covers input given as text.
    if (!this.#started && text) {
      this.#started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text) this.#feed(text);
  }

  /** Ends the body: dispatches the event still buffered, even one that lacks its blank line. */
  flush(): void {
    // Two line ends close an unterminated line and then the event; on a cleanly ended body they are
    // empty lines that dispatch nothing.
    this.#feed(`${this.#textDecoder.decode()}\n\n`);
  }

  #feed(text: string): void {
    if (this.#afterCR && text.charCodeAt(0) === 10) text = text.slice(1);
    this.#afterCR = text.endsWith("\r");
    if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
    let start = 0;
    let end = text.indexOf("\n");
    if (end < 0) {
      // Appending only keeps a line that arrives in many chunks linear.
      this.#partialLine += text;
      return;
    }
    let line = this.#partialLine + text.slice(0, end);
    for (;;) {
      this.#line(line);
      start = end + 1;
      end = text.indexOf("\n", start);
      if (end < 0) break;
      line = text.slice(start, end);
    }
    this.#partialLine = text.slice(start);
  }

  #line(line: string): void {
    if (line === "") {
      if (this.#event && this.#data !== undefined) this.#onEvent(this.#event, this.#data);
      this.#event = "";
      this.#data = undefined;
      return;
    }
    const colon = line.indexOf(":");
    if (colon === 0) return; // a comment
    const field = colon < 0 ? line : line.slice(0, colon);
    // One space after the colon is part of the syntax, not of the value.
    const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (field === "data") this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
    else if (field === "event") this.#event = value;
  }
}
