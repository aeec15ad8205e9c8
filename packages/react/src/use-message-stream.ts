import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient, MessageStreamParams, RequestOptions } from "./internal/types.js";
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
 * Streams one message and renders it as it arrives, at most once per animation frame (see `throttleMs`);
 * status and error changes render at once. Unmounting aborts the request.
 *
 * @example
 * const { send, stop, text, status } = useMessageStream();
 * <button onClick={() => send({ model, max_tokens: 1024, messages })}>Ask</button>
 * <p aria-live="polite">{text}</p>
 */
export function useMessageStream(options: UseMessageStreamOptions = {}): UseMessageStreamResult {
  const client = useAnthropicClient("useMessageStream", options.client);
  const optionsRef = useRef(options);
  optionsRef.current = options;

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
  store.setOptions({ client, throttleMs: options.throttleMs });

  // Only an unmount aborts: the StrictMode re-run of effects happens before any stream can start.
  useEffect(() => () => store.stop(), [store]);

  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getServerSnapshot);
  const send = useCallback(
    (params: MessageStreamParams, requestOptions?: RequestOptions) => store.send(params, requestOptions),
    [store],
  );
  const stop = useCallback(() => store.stop(), [store]);
  const reset = useCallback(() => store.reset(), [store]);
  return useMemo(() => ({ ...snapshot, send, stop, reset }), [snapshot, send, stop, reset]);
}
