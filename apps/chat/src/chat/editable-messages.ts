import type { ContentBlockParam } from "@colloquy/client";
import type { ChatMessage } from "@colloquy/react";

/** A user turn that can be edited in place: its text, and the files (image/PDF blocks) sent with it. */
export interface EditableMessage {
  index: number;
  text: string;
  attachments: ContentBlockParam[];
}

/** Whether a block is an attached file: an `image` or a `document` (PDF). */
export function isAttachmentBlock(block: ContentBlockParam): boolean {
  return block.type === "image" || block.type === "document";
}

/** The user turns a person typed (not the tool results sent back automatically), with their index. */
export function editableMessages(messages: readonly ChatMessage[]): EditableMessage[] {
  const result: EditableMessage[] = [];
  messages.forEach((message, index) => {
    if (message.role !== "user") return;
    const text = message.content
      .map((block) => (block.type === "text" ? block.text : ""))
      .filter(Boolean)
      .join("\n");
    if (text !== "") result.push({ index, text, attachments: message.content.filter(isAttachmentBlock) });
  });
  return result;
}

/**
 * The content of an edited user turn: the files kept from the original (first, as when it was sent), then
 * the new text. Without files it is the text alone.
 */
export function editedContent(
  attachments: readonly ContentBlockParam[],
  text: string,
): string | ContentBlockParam[] {
  if (attachments.length === 0) return text;
  return [...attachments, { type: "text", text }];
}
