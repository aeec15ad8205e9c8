import { useQuery } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import type { AnthropicClient } from "./internal/types.js";
import { type BatchPollingOptions, batchQueryOptions, batchResultsQueryOptions } from "./query-options.js";

/** Options of {@link useBatchResults}. */
export interface UseBatchResultsOptions extends BatchPollingOptions {
  /** Use this client instead of the provider's. */
  client?: AnthropicClient | undefined;
  /**
   * Longest pause between two cache updates while the results stream.
   * @default 50
   */
  flushMs?: number | undefined;
}

/**
 * The results of a batch by `custom_id`, fetched once it has ended (it watches the batch, sharing the
 * `useBatch` query) and filled in while the JSONL streams. `data.complete` turns true at the last line.
 * `error` is the batch's error when the batch itself cannot be fetched.
 *
 * @example
 * const { data } = useBatchResults(batchId);
 * data?.customIds.map((id) => <Row key={id} result={data.results[id]} />);
 */
export function useBatchResults(batchId: string | null, options: UseBatchResultsOptions = {}) {
  const { client: override, flushMs, ...polling } = options;
  const client = useAnthropicClient("useBatchResults", override);
  const batch = useQuery(batchQueryOptions(client, batchId, polling));
  const ended = batch.data?.processing_status === "ended";
  const results = useQuery({ ...batchResultsQueryOptions(client, batchId, { flushMs }), enabled: ended });
  // A batch that cannot be fetched (e.g. 404) is this hook's error too.
  const error = results.error ?? batch.error;
  return { ...results, error, isError: error !== null, batch: batch.data };
}
