import type { AnthropicError } from "@colloquy/client";
import { type UseQueryOptions, useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient, Message, MessageCreateParams, RequestOptions } from "./internal/types.js";
import { type anthropicKeys, messageQueryOptions } from "./query-options.js";

/** React Query options a caller may override on {@link useMessage}, plus a client override. */
export type UseMessageOptions<TData = Message> = Omit<
  UseQueryOptions<Message, AnthropicError, TData, ReturnType<typeof anthropicKeys.message>>,
  "queryKey" | "queryFn"
> & {
  /** Use this client instead of the provider's. */
  client?: AnthropicClient | undefined;
  /** Per-request options of the client (`timeout`, `maxRetries`, `headers`, ...). */
  requestOptions?: RequestOptions | undefined;
};

/**
 * One non-streaming message as a cached query keyed by its params: a second component asking the same
 * thing is served from the cache, and unmounting (or `cancelQueries`) aborts the request. `null` waits.
 *
 * @example
 * const { data, error, isPending } = useMessage({ model, max_tokens: 256, messages: [{ role: "user", content: "Hi" }] });
 */
export function useMessage<TData = Message>(
  params: MessageCreateParams | null,
  options: UseMessageOptions<TData> = {},
) {
  const { client: override, requestOptions, ...queryOverrides } = options;
  const client = useAnthropicClient("useMessage", override);
  const base = messageQueryOptions(client, params, requestOptions);
  type Key = ReturnType<typeof anthropicKeys.message>;
  return useQuery<Message, AnthropicError, TData, Key>({
    ...(base as unknown as UseQueryOptions<Message, AnthropicError, TData, Key>),
    ...queryOverrides,
  });
}

/** {@link useMessage} for Suspense: suspends until the message is there and throws errors to a boundary. */
export function useSuspenseMessage(
  params: MessageCreateParams,
  options: { client?: AnthropicClient | undefined; requestOptions?: RequestOptions | undefined } = {},
) {
  const client = useAnthropicClient("useSuspenseMessage", options.client);
  const { queryKey, queryFn, staleTime, retry } = messageQueryOptions(client, params, options.requestOptions);
  return useSuspenseQuery({
    queryKey,
    queryFn: queryFn as Exclude<typeof queryFn, symbol | undefined>,
    staleTime,
    retry,
  });
}
