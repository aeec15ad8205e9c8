import type { AnthropicError } from "@colloquy/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useAnthropicClient } from "./anthropic-provider.js";
import {
  type AnthropicClient,
  type DeletedMessageBatch,
  type MessageBatch,
  type MessageBatchCreateParams,
  requireFeature,
} from "./internal/types.js";
import { anthropicKeys } from "./query-options.js";

type ClientOption = { client?: AnthropicClient | undefined };

/**
 * Creates a batch; the new batch is put in the cache and every batch list is refetched.
 *
 * @example
 * const create = useCreateBatch();
 * create.mutate({ requests: [{ custom_id: "q1", params: { model, max_tokens: 256, messages } }] });
 */
export function useCreateBatch(options: ClientOption = {}) {
  const client = useAnthropicClient("useCreateBatch", options.client);
  const queryClient = useQueryClient();
  return useMutation<MessageBatch, AnthropicError, MessageBatchCreateParams>({
    mutationFn: (params) => requireFeature(client.messages.batches, "Message Batches").create(params),
    onSuccess: (batch) => {
      queryClient.setQueryData(anthropicKeys.batch(batch.id), batch);
      return queryClient.invalidateQueries({ queryKey: anthropicKeys.batchLists() });
    },
  });
}

/** Asks to cancel a batch; its cached state becomes `canceling` and the lists are refetched. */
export function useCancelBatch(options: ClientOption = {}) {
  const client = useAnthropicClient("useCancelBatch", options.client);
  const queryClient = useQueryClient();
  return useMutation<MessageBatch, AnthropicError, string>({
    mutationFn: (batchId) => requireFeature(client.messages.batches, "Message Batches").cancel(batchId),
    onSuccess: (batch) => {
      queryClient.setQueryData(anthropicKeys.batch(batch.id), batch);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: anthropicKeys.batch(batch.id) }),
        queryClient.invalidateQueries({ queryKey: anthropicKeys.batchLists() }),
      ]);
    },
  });
}

/** Deletes an ended batch; its cached state and results are removed and the lists are refetched. */
export function useDeleteBatch(options: ClientOption = {}) {
  const client = useAnthropicClient("useDeleteBatch", options.client);
  const queryClient = useQueryClient();
  return useMutation<DeletedMessageBatch, AnthropicError, string>({
    mutationFn: (batchId) => requireFeature(client.messages.batches, "Message Batches").delete(batchId),
    onSuccess: (_deleted, batchId) => {
      queryClient.removeQueries({ queryKey: anthropicKeys.batch(batchId) });
      queryClient.removeQueries({ queryKey: anthropicKeys.batchResults(batchId) });
      return queryClient.invalidateQueries({ queryKey: anthropicKeys.batchLists() });
    },
  });
}
