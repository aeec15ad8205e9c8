import { useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { useAnthropicClient } from "./anthropic-provider.js";
import { type ChatOptions, type ChatSnapshot, ChatStore } from "./chat-store.js";
import { useStopOnUnmount } from "./internal/use-stop-on-unmount.js";

/** Options of {@link useChat}: those of {@link ChatStore}; `client` defaults to the provider's. */
export type UseChatOptions = ChatOptions;

/** What {@link useChat} returns: the conversation snapshot plus its actions (stable across renders). */
export interface UseChatResult
  extends ChatSnapshot,
    Pick<
      ChatStore,
      | "send"
      | "stop"
      | "regenerate"
      | "retry"
      | "edit"
      | "continue"
      | "setMessages"
      | "approveToolCall"
      | "denyToolCall"
    > {}

/**
 * A conversation with streaming replies, client-side tools (run automatically, with approval where asked),
 * thinking kept intact across turns, `continue()` after `max_tokens`, and `retry()` after an error.
 * Unmounting aborts whatever is in flight (StrictMode's re-run of effects does not: a conversation started
 * from a mount effect keeps going).
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
  // The latest options (callbacks included) apply from the next request on; set after each commit, never
  // while rendering (a render may be thrown away).
  useEffect(() => store.setOptions(resolved));
  useStopOnUnmount(store.stop);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return useMemo(
    () => ({
      ...snapshot,
      send: store.send,
      stop: store.stop,
      regenerate: store.regenerate,
      retry: store.retry,
      edit: store.edit,
      continue: store.continue,
      setMessages: store.setMessages,
      approveToolCall: store.approveToolCall,
      denyToolCall: store.denyToolCall,
    }),
    [snapshot, store],
  );
}
