import type { ChunkDecoder } from "./read-body.js";

/** U+FEFF, which a body may start with. */
const BYTE_ORDER_MARK = 0xfeff;

/**
 * The text side that the SSE and JSON-lines decoders share: turns each chunk of a body into text and
 * hands it to `feedText`. A streaming UTF-8 decoder keeps a character split across chunks whole; a
 * BOM at the start is dropped (the byte decoder drops it from bytes, this covers a body given as
 * text). `flush()` decodes the bytes still held and ends the body with a blank line, so that a last
 * line (or SSE event) without its line end is passed on; on a body that ended cleanly it adds nothing.
 */
export abstract class TextChunkDecoder implements ChunkDecoder {
  readonly #textDecoder = new TextDecoder();
  #started = false;

  /** Feeds one chunk of the body, passing on what it completed (often nothing). */
  decode(chunk: Uint8Array | string): void {
    let text = typeof chunk === "string" ? chunk : this.#textDecoder.decode(chunk, { stream: true });
    if (!this.#started && text) {
      this.#started = true;
      if (text.charCodeAt(0) === BYTE_ORDER_MARK) text = text.slice(1);
    }
    if (text) this.feedText(text);
  }

  /** Ends the body: passes on what the last chunk left unfinished. */
  flush(): void {
    this.feedText(`${this.#textDecoder.decode()}\n\n`);
  }

  /** Takes the next piece of text (never empty). */
  protected abstract feedText(text: string): void;
}
