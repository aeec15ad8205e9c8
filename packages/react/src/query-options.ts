import { type AnthropicError, isRetryableError, linkSignals } from "@colloquy/client";
import {
  infiniteQueryOptions,
  type QueryFunctionContext,
  queryOptions,
  skipToken,
} from "@tanstack/react-query";
import { stableHash } from "./internal/stable-hash.js";
import type {
  AnthropicClient,
  MessageBatch,
  MessageBatchListParams,
  MessageBatchResult,
  MessageCountTokensParams,
  MessageCreateParams,
  MessageTokensCount,
  ModelInfo,
  ModelListParams,
  RequestOptions,
} from "./internal/types.js";
import { requireBatches, requireFeature } from "./internal/types.js";

/**
 * The one factory of React Query keys used by every hook, for `invalidateQueries`, `prefetchQuery` and
 * `setQueryData`. Keys are hierarchical: `anthropicKeys.batches()` matches every batch query.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: anthropicKeys.batches() });
 */
export const anthropicKeys = {
  all: ["anthropic"] as const,
  messages: () => [...anthropicKeys.all, "messages"] as const,
  /** A non-streaming message, keyed by a stable hash of its params (key order does not matter). */
  message: (params: MessageCreateParams | null) =>
    [...anthropicKeys.messages(), "create", params ? stableHash(params) : null] as const,
  countTokens: (params: MessageCountTokensParams | null) =>
    [...anthropicKeys.messages(), "count-tokens", params ? stableHash(params) : null] as const,
  models: () => [...anthropicKeys.all, "models"] as const,
  modelList: (params: ModelListParams = {}) => [...anthropicKeys.models(), "list", params] as const,
  model: (modelId: string) => [...anthropicKeys.models(), "detail", modelId] as const,
  batches: () => [...anthropicKeys.all, "batches"] as const,
  batchLists: () => [...anthropicKeys.batches(), "list"] as const,
  batchList: (params: MessageBatchListParams = {}) => [...anthropicKeys.batchLists(), params] as const,
  batch: (batchId: string) => [...anthropicKeys.batches(), "detail", batchId] as const,
  batchResults: (batchId: string) => [...anthropicKeys.batches(), "results", batchId] as const,
};

/**
 * React Query's `retry` for this package: the client already retries each request (`maxRetries`), so the
 * query retries once more, and only an error the client itself would retry (its `isRetryableError`:
 * connection failures, 408, 409, 429, 5xx, and `x-should-retry` when the server sends it).
 *
 * Its `AnthropicError` parameter is also what types the error of every query-option builder here: the
 * builders' queries fail with an `AnthropicError` without touching React Query's global `Register`.
 */
export function retryRetryableOnce(failureCount: number, error: AnthropicError): boolean {
  return failureCount < 1 && isRetryableError(error);
}

/**
 * Query options for one non-streaming message. Defaults: never stale (the same params give an answer
 * worth keeping), no refetch on focus or reconnect, retry only retryable errors. `null` params disable it.
 *
 * @example
 * await queryClient.prefetchQuery(messageQueryOptions(client, params));
 */
export function messageQueryOptions(
  client: AnthropicClient,
  params: MessageCreateParams | null,
  requestOptions?: RequestOptions,
) {
  return queryOptions({
    queryKey: anthropicKeys.message(params),
    queryFn: params
      ? (context) =>
          withQuerySignal(
            context,
            (signal) => client.messages.create(params, { ...requestOptions, signal }),
            requestOptions?.signal,
          )
      : skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: retryRetryableOnce,
  });
}

/** Query options for counting the input tokens of a request. `null` params disable it. */
export function countTokensQueryOptions(client: AnthropicClient, params: MessageCountTokensParams | null) {
  return queryOptions({
    queryKey: anthropicKeys.countTokens(params),
    queryFn: params
      ? (context) =>
          withQuerySignal(context, (signal): Promise<MessageTokensCount> => {
            const countTokens = requireFeature(client.messages.countTokens, "token counting");
            return countTokens.call(client.messages, params, { signal });
          })
      : skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: retryRetryableOnce,
  });
}

/** Query options for every available model (all pages walked), newest first. */
export function modelsQueryOptions(client: AnthropicClient, params: ModelListParams = {}) {
  return queryOptions({
    queryKey: anthropicKeys.modelList(params),
    queryFn: (context) =>
      withQuerySignal(context, async (signal) => {
        const models: ModelInfo[] = [];
        for await (const model of requireFeature(client.models, "Models API").list(params, { signal }))
          models.push(model);
        return models;
      }),
    staleTime: 5 * 60_000,
    retry: retryRetryableOnce,
  });
}

/** Query options for one model's details. */
export function modelQueryOptions(client: AnthropicClient, modelId: string) {
  return queryOptions({
    queryKey: anthropicKeys.model(modelId),
    queryFn: (context) =>
      withQuerySignal(context, (signal) =>
        requireFeature(client.models, "Models API").retrieve(modelId, { signal }),
      ),
    staleTime: 5 * 60_000,
    retry: retryRetryableOnce,
  });
}

const DEFAULT_POLL_INTERVAL_MS = 1000;

/** How {@link batchQueryOptions} polls a batch that has not ended. */
export interface BatchPollingOptions {
  /**
   * Delay before the first re-fetch of a batch still in progress.
   * @default 1000
   */
  pollIntervalMs?: number | undefined;
  /**
   * Longest delay between two fetches; each delay is 1.5× the previous one up to this.
   * @default 30000
   */
  maxPollIntervalMs?: number | undefined;
}

/** The delay before the next poll of a batch fetched `fetchCount` times; `false` once it ended. */
export function batchPollDelay(
  batch: MessageBatch | undefined,
  fetchCount: number,
  { pollIntervalMs = DEFAULT_POLL_INTERVAL_MS, maxPollIntervalMs = 30_000 }: BatchPollingOptions = {},
): number | false {
  if (!batch || batch.processing_status === "ended") return false;
  return Math.min(maxPollIntervalMs, pollIntervalMs * 1.5 ** Math.max(0, fetchCount - 1));
}

/**
 * Query options for one batch, polled with a growing delay while it is `in_progress` or `canceling`, and
 * never again once `ended`. Each delay counts from the last time the batch's data changed, whether by a
 * fetch or by `setQueryData` (as `useCreateBatch` and `useCancelBatch` do), and data younger than
 * `pollIntervalMs` is not refetched on mount.
 */
export function batchQueryOptions(
  client: AnthropicClient,
  batchId: string | null,
  polling: BatchPollingOptions = {},
) {
  return queryOptions({
    queryKey: anthropicKeys.batch(batchId ?? ""),
    queryFn: batchId
      ? (context) =>
          withQuerySignal(context, (signal) => requireBatches(client).retrieve(batchId, { signal }))
      : skipToken,
    refetchInterval: (query) => {
      const { status, fetchStatus, data, dataUpdateCount, dataUpdatedAt } = query.state;
      if (status === "error" || fetchStatus === "fetching") return false;
      const delay = batchPollDelay(data, dataUpdateCount, polling);
      if (delay === false) return false;
      // React Query restarts this timer on every update of the query, so it counts from the last data: a
      // batch put in the cache by `useCreateBatch` is first polled `pollIntervalMs` after the mutation.
      return Math.max(1, delay - (Date.now() - dataUpdatedAt));
    },
    // Data younger than one poll interval is fresh: mounting right after `useCreateBatch` does not refetch.
    staleTime: (query) =>
      query.state.data?.processing_status === "ended"
        ? Number.POSITIVE_INFINITY
        : (polling.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS),
    retry: retryRetryableOnce,
  });
}

/** One page of the batch list, as plain data (the client's `Page` class is not kept in the cache). */
export interface MessageBatchPage {
  data: MessageBatch[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

/** Infinite query options for the batch list, newest first, following `last_id` cursors. */
export function batchesInfiniteQueryOptions(client: AnthropicClient, params: MessageBatchListParams = {}) {
  return infiniteQueryOptions({
    queryKey: anthropicKeys.batchList(params),
    queryFn: (context) =>
      withQuerySignal(context, async (signal): Promise<MessageBatchPage> => {
        const pageParam = context.pageParam;
        const page = await requireBatches(client).list(
          pageParam ? { ...params, after_id: pageParam } : params,
          { signal },
        );
        return { data: page.data, has_more: page.has_more, first_id: page.first_id, last_id: page.last_id };
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => (lastPage.has_more && lastPage.last_id ? lastPage.last_id : undefined),
    retry: retryRetryableOnce,
  });
}

/** The results of an ended batch, filled in as the JSONL streams. */
export interface BatchResults {
  /** Each request's result by its `custom_id`. */
  results: Record<string, MessageBatchResult>;
  /** The `custom_id`s in the order their results arrived. */
  customIds: string[];
  /** `false` while lines are still arriving. */
  complete: boolean;
}

/**
 * Query options for the results of an ended batch. The JSONL is decoded as it streams and written into the
 * cache as it goes (at most every `flushMs`), so a table can fill in before the last line.
 */
export function batchResultsQueryOptions(
  client: AnthropicClient,
  batchId: string | null,
  { flushMs = 50 } = {},
) {
  return queryOptions({
    queryKey: anthropicKeys.batchResults(batchId ?? ""),
    queryFn: batchId
      ? (context) =>
          withQuerySignal(context, async (signal): Promise<BatchResults> => {
            const { client: queryClient, queryKey } = context;
            const results: Record<string, MessageBatchResult> = {};
            const customIds: string[] = [];
            const batches = requireBatches(client);
            const lines = await batches.results(batchId, { signal });
            let flushedAt = Date.now();
            for await (const line of lines) {
              if (!(line.custom_id in results)) customIds.push(line.custom_id);
              results[line.custom_id] = line.result;
              // `client` is in the query function context since TanStack Query 5.x; without it, no partial data.
              if (queryClient && Date.now() - flushedAt >= flushMs) {
                flushedAt = Date.now();
                queryClient.setQueryData<BatchResults>(queryKey, {
                  results: { ...results },
                  customIds: [...customIds],
                  complete: false,
                });
              }
            }
            return { results, customIds, complete: true };
          })
      : skipToken,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: retryRetryableOnce,
  });
}

/**
 * Runs one request of a query function under a signal linked to React Query's `signal` and to `others`
 * (a caller's own signal), and unlinks it once the request settles, so a long-lived caller signal keeps
 * no listener per request.
 *
 * React Query's `signal` is read one microtask late: React Query cancels a fetch whose `signal` was read
 * as soon as its last observer unsubscribes, and React 18's StrictMode unsubscribes and resubscribes every
 * new observer once, synchronously, right after the fetch started; reading the signal at once would
 * cancel that fetch and send it a second time. Read after that, it still aborts the request on a real
 * unmount or a `cancelQueries`.
 */
async function withQuerySignal<Result>(
  context: Pick<QueryFunctionContext, "signal">,
  request: (signal: AbortSignal) => Promise<Result>,
  ...others: Array<AbortSignal | null | undefined>
): Promise<Result> {
  await Promise.resolve();
  const { signal, unlink } = linkSignals(context.signal, ...others);
  try {
    return await request(signal);
  } finally {
    unlink();
  }
}
