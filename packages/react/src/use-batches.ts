import { useInfiniteQuery } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient, MessageBatchListParams } from "./internal/types.js";
import { batchesInfiniteQueryOptions } from "./query-options.js";

/**
 * The batch list, newest first, as an infinite query: `fetchNextPage()` follows the cursor while
 * `hasNextPage`.
 *
 * @example
 * const { data, fetchNextPage, hasNextPage } = useBatches({ limit: 20 });
 * const batches = data?.pages.flatMap((page) => page.data) ?? [];
 */
export function useBatches(
  params: MessageBatchListParams = {},
  options: { client?: AnthropicClient | undefined } = {},
) {
  const client = useAnthropicClient("useBatches", options.client);
  return useInfiniteQuery(batchesInfiniteQueryOptions(client, params));
}
