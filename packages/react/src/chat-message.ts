import type { ContentBlock, ContentBlockParam, MessageParam, StopReason, Usage } from "./internal/types.js";

/** A user turn: typed text, attachments, or the results of tool calls sent back automatically. */
export interface ChatUserMessage {
  id: string;
  role: "user";
  content: ContentBlockParam[];
}

/**
 * How an assistant reply ended up: still `streaming`, `complete`, `interrupted` by an error (what arrived
 * is kept and `retry()` replaces it) or `stopped` by the user.
 */
export type ChatAssistantStatus = "streaming" | "complete" | "interrupted" | "stopped";

/** An assistant reply, with its blocks exactly as received (thinking signatures included). */
export interface ChatAssistantMessage {
  id: string;
  role: "assistant";
  content: ContentBlock[];
  status: ChatAssistantStatus;
  stopReason: StopReason | null;
  /** Usage of the request(s) that produced this reply. */
  usage: Usage | null;
}

/** One message of a {@link ChatStore} conversation. */
export type ChatMessage = ChatUserMessage | ChatAssistantMessage;

let counter = 0;

/** A process-unique id for a chat message. */
export function createChatMessageId(): string {
  counter += 1;
  return `chat_${Date.now().toString(36)}_${counter.toString(36)}`;
}

/** Turns API-shaped messages (e.g. a saved conversation) into chat messages. */
export function toChatMessages(messages: readonly (MessageParam | ChatMessage)[]): ChatMessage[] {
  return messages.map((message): ChatMessage => {
    if ("id" in message && typeof message.id === "string") return message as ChatMessage;
    const content =
      typeof message.content === "string"
        ? [{ type: "text" as const, text: message.content }]
        : message.content;
    if (message.role === "assistant") {
      return {
        id: createChatMessageId(),
        role: "assistant",
        content: content as ContentBlock[],
        status: "complete",
        stopReason: null,
        usage: null,
      };
    }
    return { id: createChatMessageId(), role: "user", content: content as ContentBlockParam[] };
  });
}

/** Whether a user message only carries tool results (it continues a turn rather than starting one). */
export function isToolResultMessage(message: ChatMessage): boolean {
  return (
    message.role === "user" &&
    message.content.length > 0 &&
    message.content.every((block) => block.type === "tool_result")
  );
}

/**
 * The `messages` to send for a conversation. Complete replies go back unchanged (thinking blocks and their
 * signatures intact, as the API requires); a stopped or interrupted reply keeps only its non-empty text,
 * and tool calls that never got a result are left out, so the request is always valid.
 */
export function toRequestMessages(messages: readonly ChatMessage[], prefill = false): MessageParam[] {
  const answered = new Set<string>();
  for (const message of messages) {
    if (message.role !== "user") continue;
    for (const block of message.content) if (block.type === "tool_result") answered.add(block.tool_use_id);
  }
  const request: MessageParam[] = [];
  messages.forEach((message, index) => {
    if (message.role === "user") {
      request.push({ role: "user", content: message.content });
      return;
    }
    let content: ContentBlock[] = message.content;
    if (message.status !== "complete") {
      content = content.filter((block) => block.type === "text" && block.text.trim() !== "");
    }
    content = content.filter((block) => block.type !== "tool_use" || answered.has(block.id));
    const isLast = index === messages.length - 1;
    if (isLast && prefill) content = trimTrailingWhitespace(content);
    // Response blocks go back as they came: the API accepts them as params (nullable fields included).
    if (content.length > 0)
      request.push({ role: "assistant", content: content as unknown as ContentBlockParam[] });
  });
  return request;
}

/**
 * Joins a continuation to the reply it continues (after `max_tokens` or `pause_turn`): a text block that
 * continues a text block is merged into it, other blocks are appended.
 */
export function mergeContinuation(
  base: readonly ContentBlock[],
  continuation: readonly ContentBlock[],
): ContentBlock[] {
  if (base.length === 0) return [...continuation];
  const last = base[base.length - 1];
  const first = continuation[0];
  if (last?.type === "text" && first?.type === "text") {
    return [...base.slice(0, -1), { ...last, text: last.text + first.text }, ...continuation.slice(1)];
  }
  return [...base, ...continuation];
}

/** Adds two usages field by field (fields missing on either side count as 0). */
export function addUsage(total: ChatUsageTotals, usage: Usage | null | undefined): ChatUsageTotals {
  if (!usage) return total;
  return {
    input_tokens: total.input_tokens + (usage.input_tokens ?? 0),
    output_tokens: total.output_tokens + (usage.output_tokens ?? 0),
    cache_creation_input_tokens: total.cache_creation_input_tokens + (usage.cache_creation_input_tokens ?? 0),
    cache_read_input_tokens: total.cache_read_input_tokens + (usage.cache_read_input_tokens ?? 0),
  };
}

/** Token counts summed over every request of a conversation. */
export interface ChatUsageTotals {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export const emptyUsageTotals: ChatUsageTotals = Object.freeze({
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
});

function trimTrailingWhitespace(content: ContentBlock[]): ContentBlock[] {
  const last = content[content.length - 1];
  if (last?.type !== "text") return content;
  return [...content.slice(0, -1), { ...last, text: last.text.trimEnd() }];
}
