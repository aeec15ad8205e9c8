import { useQuery } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient } from "./internal/types.js";
import { type BatchPollingOptions, batchQueryOptions } from "./query-options.js";

/** Options of {@link useBatch}. */
export interface UseBatchOptions extends BatchPollingOptions {
  /** Use this client instead of the provider's. */
  client?: AnthropicClient | undefined;
}

/**
 * One batch, polled while it is in progress (first after `pollIntervalMs`, then 1.5× longer each time up to
 * `maxPollIntervalMs`) and no longer once it has ended. `null` waits.
 *
 * @example
 * const { data: batch } = useBatch(batchId);
 * <progress max={total} value={total - (batch?.request_counts.processing ?? total)} />
 */
export function useBatch(batchId: string | null, options: UseBatchOptions = {}) {
  const { client: override, ...polling } = options;
  const client = useAnthropicClient("useBatch", override);
  return useQuery(batchQueryOptions(client, batchId, polling));
}
