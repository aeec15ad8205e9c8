import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import { stableHash } from "./internal/stable-hash.js";
import type { AnthropicClient, MessageCountTokensParams } from "./internal/types.js";
import { useDebouncedValue } from "./internal/use-debounced-value.js";
import { countTokensQueryOptions } from "./query-options.js";

/** Options of {@link useCountTokens}. */
export interface UseCountTokensOptions {
  /**
   * Wait until the params have not changed for this long before counting, so typing does not send a
   * request per keystroke.
   * @default 300
   */
  debounceMs?: number | undefined;
  /** Use this client instead of the provider's. */
  client?: AnthropicClient | undefined;
  /** @default true */
  enabled?: boolean | undefined;
}

/**
 * Counts the input tokens of a request as it is being written (for a "tokens before send" meter). While a
 * new count loads, the previous one stays in `data` (`isPlaceholderData` tells). `null` params wait.
 *
 * @example
 * const { data } = useCountTokens({ model, messages: [{ role: "user", content: draft }] }, { debounceMs: 250 });
 * <span>{data?.input_tokens ?? "…"} tokens</span>
 */
export function useCountTokens(params: MessageCountTokensParams | null, options: UseCountTokensOptions = {}) {
  const { debounceMs = 300, enabled = true } = options;
  const client = useAnthropicClient("useCountTokens", options.client);
  const debounced = useDebouncedValue(params, params ? stableHash(params) : "", debounceMs);
  return useQuery({
    ...countTokensQueryOptions(client, debounced),
    enabled,
    placeholderData: keepPreviousData,
  });
}
