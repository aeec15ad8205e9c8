import type { ChatMessage } from "@colloquy/react";

/** The user turns a person typed (not the tool results sent back automatically), with their index. */
export function editableMessages(messages: readonly ChatMessage[]): { index: number; text: string }[] {
  const result: { index: number; text: string }[] = [];
  messages.forEach((message, index) => {
    if (message.role !== "user") return;
    const text = message.content
      .map((block) => (block.type === "text" ? block.text : ""))
      .filter(Boolean)
      .join("\n");
    if (text !== "") result.push({ index, text });
  });
  return result;
}
