import { closesFence, openingFence } from "./fence.js";

/** A top-level piece of markdown separated from the next by a blank line outside code fences. */
export interface Chunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  source: string;
}

/** Splits markdown into chunks at blank lines that are not inside a fenced code block. */
export function splitChunks(text: string, offset = 0): Chunk[] {
  const chunks: Chunk[] = [];
  let fence: string | null = null;
  let chunkStart = -1;
  let position = 0;
  const body = text.slice(offset);
  while (position <= body.length) {
    const newline = body.indexOf("\n", position);
    const end = newline === -1 ? body.length : newline;
    const line = body.slice(position, end);
    const blank = line.trim() === "";
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
    } else if (blank) {
      if (chunkStart !== -1) {
        chunks.push({ start: offset + chunkStart, source: body.slice(chunkStart, position) });
        chunkStart = -1;
      }
    } else {
      fence = openingFence(line)?.marker ?? null;
    }
    if (!blank && chunkStart === -1) chunkStart = position;
    if (newline === -1) break;
    position = newline + 1;
  }
  if (chunkStart !== -1) chunks.push({ start: offset + chunkStart, source: body.slice(chunkStart) });
  return chunks;
}

/**
 * Splits a growing text, re-scanning only from the last chunk when the new text extends the previous
 * one: settled chunks keep their identity, so their rendering can be memoized.
 */
export class ChunkSplitter {
  private text = "";
  private chunks: Chunk[] = [];

  update(text: string): Chunk[] {
    if (text === this.text) return this.chunks;
    const last = this.chunks[this.chunks.length - 1];
    if (last !== undefined && text.startsWith(this.text)) {
      this.chunks = [...this.chunks.slice(0, -1), ...splitChunks(text, last.start)];
    } else {
      this.chunks = splitChunks(text);
    }
    this.text = text;
    return this.chunks;
  }
}
