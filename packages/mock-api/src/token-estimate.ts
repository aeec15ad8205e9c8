import type { MessagesRequest, RequestBlock } from "./types.js";

/**
 * The mock's documented token estimate (the real tokenizer is not public):
 * - text: `ceil(characters / 4)` per string (at least 1 for a non-empty string);
 * - each message: its blocks + 3; the request: 1; a system prompt: its text + 2;
 * - each tool: `ceil(JSON.stringify(tool).length / 4)`;
 * - an image: 1,600; a PDF or URL document: 2,000; a `tool_use` block: `ceil((name + JSON input) / 4)`;
 * - a thinking block: its text; `redacted_thinking`: 100.
 * `count_tokens` returns the same number as `usage.input_tokens + cache_creation_input_tokens +
 * cache_read_input_tokens` of the same request.
 */
export function estimateTextTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

/** Tokens of one request content block. */
export function estimateBlockTokens(block: RequestBlock): number {
  switch (block.type) {
    case "text":
      return estimateTextTokens(String(block.text ?? ""));
    case "image":
      return 1600;
    case "document": {
      const source = block.source as { type?: string; data?: unknown; content?: unknown } | undefined;
      if (source?.type === "text") return estimateTextTokens(String(source.data ?? "")) + 5;
      if (source?.type === "content") {
        const content = source.content;
        if (typeof content === "string") return estimateTextTokens(content) + 5;
        if (Array.isArray(content)) return sumBlocks(content as RequestBlock[]) + 5;
      }
      return 2000;
    }
    case "search_result":
      return (
        sumBlocks((block.content as RequestBlock[] | undefined) ?? []) +
        estimateTextTokens(String(block.title ?? ""))
      );
    case "tool_use":
    case "server_tool_use":
      return estimateTextTokens(String(block.name ?? "") + JSON.stringify(block.input ?? {}));
    case "tool_result": {
      const content = block.content;
      if (typeof content === "string") return estimateTextTokens(content) + 3;
      if (Array.isArray(content)) return sumBlocks(content as RequestBlock[]) + 3;
      return 3;
    }
    case "thinking":
      return estimateTextTokens(String(block.thinking ?? ""));
    case "redacted_thinking":
      return 100;
    default:
      return estimateTextTokens(JSON.stringify(block));
  }
}

function sumBlocks(blocks: readonly RequestBlock[]): number {
  let total = 0;
  for (const block of blocks) total += estimateBlockTokens(block);
  return total;
}

/** One step of the prompt in cache-prefix order (tools → system → messages), with its tokens. */
export interface PromptPart {
  tokens: number;
  cacheControl: { ttl?: string } | null;
  /** A stable description of the part, used to recognise a cached prefix. */
  key: string;
}

/** The prompt as an ordered list of parts, in the order the API builds its cache prefix. */
export function promptParts(request: MessagesRequest): PromptPart[] {
  const parts: PromptPart[] = [{ tokens: 1, cacheControl: null, key: `model:${request.model}` }];
  for (const tool of request.tools) {
    parts.push({
      tokens: estimateTextTokens(JSON.stringify(tool)),
      cacheControl: (tool.cache_control as { ttl?: string } | null | undefined) ?? null,
      key: JSON.stringify(tool),
    });
  }
  if (request.system.length > 0) {
    parts.push({ tokens: 2, cacheControl: null, key: "system" });
    for (const block of request.system) {
      parts.push({
        tokens: estimateBlockTokens(block),
        cacheControl: (block.cache_control as { ttl?: string } | null | undefined) ?? null,
        key: JSON.stringify(block),
      });
    }
  }
  for (const message of request.messages) {
    parts.push({ tokens: 3, cacheControl: null, key: `role:${message.role}` });
    for (const block of message.content) {
      parts.push({
        tokens: estimateBlockTokens(block),
        cacheControl: (block.cache_control as { ttl?: string } | null | undefined) ?? null,
        key: JSON.stringify(block),
      });
    }
  }
  return parts;
}

/** Total input tokens of a request (what `count_tokens` returns). */
export function countInputTokens(request: MessagesRequest): number {
  let total = 0;
  for (const part of promptParts(request)) total += part.tokens;
  return total;
}
