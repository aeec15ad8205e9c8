/** A content block as `messageText` reads it: only `type` and, on text blocks, `text` matter. */
export interface TextLikeBlock {
  readonly type: string;
  readonly text?: string;
}

/** What `messageText` reads: a message (or message param), its content, or a plain string. */
export type TextSource =
  | string
  | ReadonlyArray<TextLikeBlock>
  | { readonly content: string | ReadonlyArray<TextLikeBlock> };

/**
 * The visible text of a message. The join rule: text blocks that follow each other are joined with
 * nothing between them, because the API cuts one passage into several text blocks around its citations;
 * text blocks parted by another block (a tool call, a search result, thinking) are separate passages and
 * are joined with a blank line ("\n\n"). Blocks other than text add nothing. A string is its own text.
 *
 * `MessageStream.finalText()` keeps the official SDK's rule instead (every text block joined with " ").
 */
export function messageText(source: TextSource): string {
  const content =
    typeof source === "string" || Array.isArray(source)
      ? source
      : (source as { content: TextSource }).content;
  if (typeof content === "string") return content;
  let text = "";
  let partedSinceLastText = false;
  for (const block of content as ReadonlyArray<TextLikeBlock>) {
    if (block.type !== "text" || typeof block.text !== "string") {
      partedSinceLastText = true;
      continue;
    }
    if (partedSinceLastText && text !== "") text += "\n\n";
    text += block.text;
    partedSinceLastText = false;
  }
  return text;
}
