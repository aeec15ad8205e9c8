import { TextChunkDecoder } from "./text-chunk-decoder.js";

/** The character code of `\n`. */
const LINE_FEED = 10;

/**
 * Turns the chunks of a text body (JSON lines; SSE goes through eventsource-parser) into lines,
 * whatever the chunking: a streaming UTF-8 decoder keeps characters split across chunks whole, and
 * LF, CR and CRLF all end a line (also a CR ending one chunk with its LF starting the next). A BOM at
 * the start is dropped (see {@link TextChunkDecoder}). Each line goes to `onLine`
 * without its line end as soon as it is complete; an exception `onLine` throws propagates out of
 * `decode()` or `flush()`.
 *
 * @example
 * const lines = new LineDecoder((line) => handle(line));
 * lines.decode(chunk);
 * lines.flush();
 */
export class LineDecoder extends TextChunkDecoder {
  /** Whether `flush()` was called: the lines given to `onLine` from then on are the body's last. */
  ended = false;
  readonly #onLine: (line: string) => void;
  /** The start of a line whose end has not arrived yet. */
  #partialLine = "";
  /** The last chunk ended with CR: an LF starting the next one belongs to it. */
  #afterCR = false;

  constructor(onLine: (line: string) => void) {
    super();
    this.#onLine = onLine;
  }

  /**
   * Ends the body: passes on the line still buffered, then empty lines; on a cleanly ended body,
   * only empty lines.
   */
  override flush(): void {
    this.ended = true;
    super.flush();
  }

  protected feedText(text: string): void {
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
