import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { ChatMessage } from "./chat-message.js";
import { type ChatOptions, type ChatSnapshot, ChatStore } from "./chat-store.js";
import type { ContentBlockParam, MessageParam } from "./internal/types.js";

/** Options of {@link useChat}: those of {@link ChatStore}; `client` defaults to the provider's. */
export type UseChatOptions = ChatOptions;

/** What {@link useChat} returns: the conversation snapshot plus its actions (stable across renders). */
export interface UseChatResult extends ChatSnapshot {
  send: (input: string | ContentBlockParam[]) => Promise<void>;
  stop: () => void;
  regenerate: () => Promise<void>;
  retry: () => Promise<void>;
  edit: (index: number, content: string | ContentBlockParam[]) => Promise<void>;
  continue: () => Promise<void>;
  setMessages: (
    messages: readonly (ChatMessage | MessageParam)[] | ((current: ChatMessage[]) => ChatMessage[]),
  ) => void;
  approveToolCall: (toolUseId: string) => void;
  denyToolCall: (toolUseId: string, reason?: string) => void;
}

/**
 * A conversation with streaming replies, client-side tools (run automatically, with approval where asked),
 * thinking kept intact across turns, `continue()` after `max_tokens`, and `retry()` after an error.
 * Unmounting aborts whatever is in flight.
 *
 * @example
 * const chat = useChat({
 *   model: "claude-sonnet-4-5",
 *   tools: { get_weather: { input_schema: { type: "object", properties: { city: { type: "string" } } }, run: ({ city }) => lookup(city) } },
 * });
 * chat.send("What's the weather in Paris?");
 */
export function useChat(options: UseChatOptions = {}): UseChatResult {
  const client = useAnthropicClient("useChat", options.client);
  const resolved: ChatOptions = { ...options, client };
  const [store] = useState(() => new ChatStore(resolved));
  // The latest options (callbacks included) are used from the next request on.
  store.setOptions(resolved);

  useEffect(() => () => store.stop(), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const actions = useMemo(
    () => ({
      send: (input: string | ContentBlockParam[]) => store.send(input),
      stop: () => store.stop(),
      regenerate: () => store.regenerate(),
      retry: () => store.retry(),
      edit: (index: number, content: string | ContentBlockParam[]) => store.edit(index, content),
      continue: () => store.continue(),
      setMessages: (messages: Parameters<ChatStore["setMessages"]>[0]) => store.setMessages(messages),
      approveToolCall: (toolUseId: string) => store.approveToolCall(toolUseId),
      denyToolCall: (toolUseId: string, reason?: string) => store.denyToolCall(toolUseId, reason),
    }),
    [store],
  );
  return useMemo(() => ({ ...snapshot, ...actions }), [snapshot, actions]);
}
