import { closesFence, openingFence } from "./fence.js";
import { listItem } from "./parse-blocks.js";

/** A top-level piece of markdown separated from the next by a blank line outside code fences. */
export interface Chunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  source: string;
}

/**
 * Splits markdown into chunks at blank lines outside fenced code, except where what follows the blank
 * line still belongs to a list in the chunk (an indented line, or another item): a loose list stays
 * one chunk, so it stays one list. The split after a blank line is decided at the next non-blank line.
 */
export function splitChunks(text: string, offset = 0): Chunk[] {
  const chunks: Chunk[] = [];
  let fence: string | null = null;
  let chunkStart = -1;
  let chunkHasList = false;
  // Start of the first blank line after the chunk's last line, while the split there is undecided.
  let blankAt = -1;
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
      if (chunkStart !== -1 && blankAt === -1) blankAt = position;
    } else {
      if (blankAt !== -1 && !(chunkHasList && continuesList(line))) {
        chunks.push({ start: offset + chunkStart, source: body.slice(chunkStart, blankAt) });
        chunkStart = -1;
        chunkHasList = false;
      }
      blankAt = -1;
      fence = openingFence(line)?.marker ?? null;
      const item = listItem.exec(line);
      if (item !== null && item[1]!.length <= 3) chunkHasList = true;
    }
    if (!blank && chunkStart === -1) chunkStart = position;
    if (newline === -1) break;
    position = newline + 1;
  }
  if (chunkStart !== -1) {
    chunks.push({
      start: offset + chunkStart,
      source: body.slice(chunkStart, blankAt === -1 ? undefined : blankAt),
    });
  }
  return chunks;
}

/** Whether a line after a blank line may continue a list: indented content, or a list item. */
function continuesList(line: string): boolean {
  return line.startsWith(" ") || line.startsWith("\t") || listItem.test(line);
}

/**
 * Splits a growing text, re-scanning only its last two chunks when the new text extends the previous
 * one (the split between them was decided by the last chunk's first line, which may have been
 * incomplete). Chunks that did not change keep their identity, so their rendering stays memoized.
 */
export class ChunkSplitter {
  private text = "";
  private chunks: Chunk[] = [];

  update(text: string): Chunk[] {
    if (text === this.text) return this.chunks;
    if (this.chunks.length > 0 && text.startsWith(this.text)) {
      const kept = Math.max(0, this.chunks.length - 2);
      const rescanned = splitChunks(text, this.chunks[kept]!.start).map((chunk, index) => {
        const previous = this.chunks[kept + index];
        const same =
          previous !== undefined && previous.start === chunk.start && previous.source === chunk.source;
        return same ? previous : chunk;
      });
      this.chunks = [...this.chunks.slice(0, kept), ...rescanned];
    } else {
      this.chunks = splitChunks(text);
    }
    this.text = text;
    return this.chunks;
  }
}
