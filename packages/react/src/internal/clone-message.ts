import type { ContentBlock, Message } from "./types.js";

/**
 * A copy of a streaming message snapshot that later events cannot change: the client keeps mutating its
 * own snapshot, so each published one gets fresh blocks, citation lists and (for tool blocks whose input
 * still streams, listed in `openInputs`) a deep copy of the partial input.
 */
export function cloneMessage(message: Message, openInputs: ReadonlySet<number>): Message {
  return {
    ...message,
    usage: message.usage ? { ...message.usage } : message.usage,
    content: message.content.map((block, index) => {
      const copy = { ...block } as ContentBlock & { citations?: unknown; input?: unknown };
      if (Array.isArray(copy.citations)) copy.citations = [...copy.citations];
      if (openInputs.has(index)) copy.input = copyJson(copy.input);
      return copy;
    }),
  };
}

/** A deep copy of a JSON value, so a published partial tool input never changes after the fact. */
function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) copy[key] = copyJson(member);
  return copy;
}
