import type { AnthropicError } from "@colloquy/client";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import {
  type AnthropicClient,
  type DeletedMessageBatch,
  type MessageBatch,
  type MessageBatchCreateParams,
  requireBatches,
} from "./internal/types.js";
import { anthropicKeys } from "./query-options.js";

type ClientOption = { client?: AnthropicClient | undefined };
type Batches = ReturnType<typeof requireBatches>;

/**
 * A mutation on the client's Message Batches: `call` sends it, `updateCache` brings the cached batches
 * up to date once it succeeds (the mutation stays pending until the promise it returns settles).
 */
function useBatchMutation<Result, Variables>(
  hookName: string,
  options: ClientOption,
  call: (batches: Batches, variables: Variables) => Promise<Result>,
  updateCache: (queryClient: QueryClient, result: Result, variables: Variables) => Promise<unknown>,
) {
  const client = useAnthropicClient(hookName, options.client);
  const queryClient = useQueryClient();
  return useMutation<Result, AnthropicError, Variables>({
    mutationFn: (variables) => call(requireBatches(client), variables),
    onSuccess: (result, variables) => updateCache(queryClient, result, variables),
  });
}

/** Puts a batch the API returned in the cache and refetches every batch list. */
function cacheBatch(queryClient: QueryClient, batch: MessageBatch): Promise<void> {
  queryClient.setQueryData(anthropicKeys.batch(batch.id), batch);
  return queryClient.invalidateQueries({ queryKey: anthropicKeys.batchLists() });
}

/**
 * Creates a batch; the new batch is put in the cache and every batch list is refetched.
 *
 * @example
 * const create = useCreateBatch();
 * create.mutate({ requests: [{ custom_id: "q1", params: { model, max_tokens: 256, messages } }] });
 */
export function useCreateBatch(options: ClientOption = {}) {
  return useBatchMutation<MessageBatch, MessageBatchCreateParams>(
    "useCreateBatch",
    options,
    (batches, params) => batches.create(params),
    cacheBatch,
  );
}

/** Asks to cancel a batch; its cached state becomes `canceling` and the lists are refetched. */
export function useCancelBatch(options: ClientOption = {}) {
  return useBatchMutation<MessageBatch, string>(
    "useCancelBatch",
    options,
    (batches, batchId) => batches.cancel(batchId),
    (queryClient, batch) =>
      Promise.all([
        cacheBatch(queryClient, batch),
        queryClient.invalidateQueries({ queryKey: anthropicKeys.batch(batch.id) }),
      ]),
  );
}

/** Deletes an ended batch; its cached state and results are removed and the lists are refetched. */
export function useDeleteBatch(options: ClientOption = {}) {
  return useBatchMutation<DeletedMessageBatch, string>(
    "useDeleteBatch",
    options,
    (batches, batchId) => batches.delete(batchId),
    (queryClient, _deleted, batchId) => {
      queryClient.removeQueries({ queryKey: anthropicKeys.batch(batchId) });
      queryClient.removeQueries({ queryKey: anthropicKeys.batchResults(batchId) });
      return queryClient.invalidateQueries({ queryKey: anthropicKeys.batchLists() });
    },
  );
}
