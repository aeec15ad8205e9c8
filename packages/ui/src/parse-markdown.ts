/**
 * `@colloquy/ui/markdown`: the markdown parser `<Markdown>` uses, with no React in it, for an app that
 * renders the same syntax its own way (or checks what the built-in renderer will show).
 *
 * The dialect: CommonMark's blocks (ATX and setext headings, paragraphs, bullet and ordered lists,
 * fenced code, block quotes, thematic breaks) plus GFM tables, and CommonMark's inline rules for code
 * spans, emphasis, strong, links and autolinks, plus GFM's `~~strikethrough~~` and bare URLs. Not
 * supported: raw HTML (kept as text), reference links, indented code blocks, entities; an image shows
 * as a link to it labelled by its alt text (never loaded); every line break inside a paragraph is kept
 * as a break. Links keep only http(s) and mailto targets.
 * Parsing is linear in the length of the text (`bench/markdown-parse.mjs`).
 */
import type { BlockNode } from "./internal/markdown/ast.js";
import { parseBlocks } from "./internal/markdown/parse-blocks.js";
import { splitChunks } from "./internal/markdown/split-chunks.js";

export type { BlockNode, InlineNode } from "./internal/markdown/ast.js";
export { closeUnfinished } from "./internal/markdown/close-unfinished.js";
export { parseInline } from "./internal/markdown/parse-inline.js";

/**
 * Parses markdown into block nodes, exactly as `<Markdown>` does: the text is cut into chunks at blank
 * lines outside code fences and each chunk is parsed alone (so a streaming reply re-parses only its
 * last chunk). A code fence still open at the end of the text ends there, with `closed: false`.
 *
 * @example
 * parseMarkdown("# Hi\n\nSome *text*.");
 * // [{ type: "heading", level: 1, children: [...] }, { type: "paragraph", children: [...] }]
 */
export function parseMarkdown(text: string): BlockNode[] {
  return splitChunks(text).flatMap((chunk) => parseBlocks(chunk.source));
}
