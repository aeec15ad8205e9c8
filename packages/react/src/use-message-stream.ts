import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient, MessageStreamParams, RequestOptions } from "./internal/types.js";
import { useStopOnUnmount } from "./internal/use-stop-on-unmount.js";
import {
  type MessageStreamResult,
  type MessageStreamSnapshot,
  MessageStreamStore,
  type MessageStreamStoreOptions,
} from "./message-stream-store.js";

/** Options of {@link useMessageStream}. */
export interface UseMessageStreamOptions
  extends Pick<MessageStreamStoreOptions, "throttleMs" | "onText" | "onEvent" | "onFinish" | "onError"> {
  /** Use this client instead of the provider's (then no provider is needed). */
  client?: AnthropicClient | undefined;
}

/** What {@link useMessageStream} returns: the current snapshot plus the actions. */
export interface UseMessageStreamResult extends MessageStreamSnapshot {
  /** Starts a stream, aborting the one in flight; resolves (never rejects) when it ends. */
  send: (params: MessageStreamParams, requestOptions?: RequestOptions) => Promise<MessageStreamResult>;
  /** Aborts the stream in flight, keeping the partial message; status becomes `aborted`. */
  stop: () => void;
  /** Aborts any stream and returns to `idle`. */
  reset: () => void;
}

/**
 * Streams one message and renders it as it arrives: the first text and every status change at once, later
 * text at most once per animation frame (see `throttleMs`). `text` is the reply's visible text by the
 * client's `messageText` rule (passages parted by a tool call or another block are joined with a blank
 * line). Unmounting aborts the request; StrictMode's re-run of effects does not, so a stream started from
 * a mount effect keeps going.
 *
 * @example
 * const { send, stop, text, status } = useMessageStream();
 * <button onClick={() => send({ model, max_tokens: 1024, messages })}>Ask</button>
 * <p aria-live="polite">{text}</p>
 */
export function useMessageStream(options: UseMessageStreamOptions = {}): UseMessageStreamResult {
  const client = useAnthropicClient("useMessageStream", options.client);
  const optionsRef = useRef(options);

  const [store] = useState(
    () =>
      new MessageStreamStore({
        client,
        throttleMs: options.throttleMs,
        // The latest callbacks are read at call time, so passing inline functions never re-creates anything.
        onText: (delta, text) => optionsRef.current.onText?.(delta, text),
        onEvent: (event) => optionsRef.current.onEvent?.(event),
        onFinish: (message) => optionsRef.current.onFinish?.(message),
        onError: (error) => optionsRef.current.onError?.(error),
      }),
  );
  // Set after each commit, never while rendering (a render may be thrown away).
  useEffect(() => {
    optionsRef.current = options;
    store.setOptions({ client, throttleMs: options.throttleMs });
  });
  useStopOnUnmount(store.stop);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  return useMemo(
    () => ({ ...snapshot, send: store.send, stop: store.stop, reset: store.reset }),
    [snapshot, store],
  );
}
