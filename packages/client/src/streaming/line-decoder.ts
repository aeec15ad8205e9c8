import type { ChunkDecoder } from "./read-body.js";

/** U+FEFF, which a body may start with. */
const BYTE_ORDER_MARK = 0xfeff;
/** The character code of `\n`. */
const LINE_FEED = 10;

/**
 * Turns the chunks of a text body (JSON lines; SSE goes through eventsource-parser) into lines,
 * whatever the chunking: a streaming UTF-8 decoder keeps characters split across chunks whole, and
 * LF, CR and CRLF all end a line (also a CR ending one chunk with its LF starting the next). A BOM at the start is dropped. Each line goes to `onLine`
 * without its line end as soon as it is complete; an exception `onLine` throws propagates out of
 * `decode()` or `flush()`.
 *
 * @example
 * const lines = new LineDecoder((line) => handle(line));
 * lines.decode(chunk);
 * lines.flush();
 */
export class LineDecoder implements ChunkDecoder {
  /** Whether `flush()` was called: the lines given to `onLine` from then on are the body's last. */
  ended = false;
  readonly #textDecoder = new TextDecoder();
  readonly #onLine: (line: string) => void;
  /** The start of a line whose end has not arrived yet. */
  #partialLine = "";
  /** The last chunk ended with CR: an LF starting the next one belongs to it. */
  #afterCR = false;
  #started = false;

  constructor(onLine: (line: string) => void) {
    this.#onLine = onLine;
  }

  /** Feeds one chunk of the body, passing on the lines it completed (often none). */
  decode(chunk: Uint8Array | string): void {
    let text = typeof chunk === "string" ? chunk : this.#textDecoder.decode(chunk, { stream: true });
    // The byte decoder already drops a leading BOM; this covers input given as text.
    if (!this.#started && text) {
      this.#started = true;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
    }
    if (text) this.#feed(text);
  }

  /**
   * Ends the body: passes on the line still buffered, then empty lines; on a cleanly ended body,
   * only empty lines.
   */
  flush(): void {
    this.ended = true;
    this.#feed(`${this.#textDecoder.decode()}\n\n`);
  }

  #feed(text: string): void {
    if (this.#afterCR && text.charCodeAt(0) === LINE_FEED) text = text.slice(1);
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
      this.#onLine(line);
      start = end + 1;
      end = text.indexOf("\n", start);
      if (end < 0) break;
      line = text.slice(start, end);
    }
    this.#partialLine = text.slice(start);
  }
}
