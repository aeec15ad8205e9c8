import { type AnthropicError, linkSignals } from "@colloquy/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient, Message, MessageCreateParams, RequestOptions } from "./internal/types.js";
import { anthropicKeys } from "./query-options.js";

/** Options of {@link useSendMessage}. */
export interface UseSendMessageOptions {
  /** Use this client instead of the provider's. */
  client?: AnthropicClient | undefined;
  /**
   * Put each answer in the cache under its params, so a `useMessage` with the same params reads it.
   * @default true
   */
  cacheResult?: boolean | undefined;
  onSuccess?: ((message: Message, params: MessageCreateParams) => void) | undefined;
  onError?: ((error: AnthropicError, params: MessageCreateParams) => void) | undefined;
}

/**
 * Sends one non-streaming message on demand (a mutation). `abort()` cancels the request in flight, and so
 * does unmounting; a new `mutate` aborts the previous one.
 *
 * @example
 * const send = useSendMessage();
 * send.mutate({ model, max_tokens: 256, messages });
 * if (send.isPending) return <button onClick={send.abort}>Cancel</button>;
 */
export function useSendMessage(options: UseSendMessageOptions = {}) {
  const client = useAnthropicClient("useSendMessage", options.client);
  const queryClient = useQueryClient();
  const controllerRef = useRef<AbortController | null>(null);
  const { cacheResult = true, onSuccess, onError } = options;

  useEffect(() => () => controllerRef.current?.abort(), []);

  type Variables = MessageCreateParams & { requestOptions?: RequestOptions };
  const mutation = useMutation<Message, AnthropicError, Variables>({
    mutationFn: async ({ requestOptions, ...params }) => {
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const { signal, unlink } = linkSignals(controller.signal, requestOptions?.signal);
      try {
        return await client.messages.create(params, { ...requestOptions, signal });
      } finally {
        unlink();
      }
    },
    onSuccess: (message, { requestOptions: _ignored, ...params }) => {
      if (cacheResult) queryClient.setQueryData(anthropicKeys.message(params), message);
      onSuccess?.(message, params);
    },
    onError: (error, { requestOptions: _ignored, ...params }) => onError?.(error, params),
  });

  return { ...mutation, abort: () => controllerRef.current?.abort() };
}
