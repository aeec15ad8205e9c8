export { AnthropicProvider, type AnthropicProviderProps, useAnthropicClient } from "./anthropic-provider.js";
export { buildChatRequest, type ChatRequestOptions, DEFAULT_CHAT_MODEL } from "./build-chat-request.js";
export {
  addUsage,
  type ChatAssistantMessage,
  type ChatAssistantStatus,
  type ChatMessage,
  type ChatUsageTotals,
  type ChatUserMessage,
  toChatMessages,
  toRequestMessages,
} from "./chat-message.js";
export { type ChatOptions, type ChatSnapshot, type ChatStatus, ChatStore } from "./chat-store.js";
export type { AnthropicClient, RequestOptions } from "./internal/types.js";
export {
  type MessageStreamResult,
  type MessageStreamSnapshot,
  type MessageStreamStatus,
  MessageStreamStore,
  type MessageStreamStoreOptions,
} from "./message-stream-store.js";
export {
  anthropicKeys,
  type BatchPollingOptions,
  type BatchResults,
  batchesInfiniteQueryOptions,
  batchPollDelay,
  batchQueryOptions,
  batchResultsQueryOptions,
  countTokensQueryOptions,
  type MessageBatchPage,
  messageQueryOptions,
  modelQueryOptions,
  modelsQueryOptions,
  retryRetryableOnce,
} from "./query-options.js";
export { type ChatTool, type PendingToolCall, ToolRunner, type ToolRunOptions } from "./tool-runner.js";
export { type UseBatchOptions, useBatch } from "./use-batch.js";
export { useCancelBatch, useCreateBatch, useDeleteBatch } from "./use-batch-mutations.js";
export { type UseBatchResultsOptions, useBatchResults } from "./use-batch-results.js";
export { useBatches } from "./use-batches.js";
export { type UseChatOptions, type UseChatResult, useChat } from "./use-chat.js";
export { type UseCountTokensOptions, useCountTokens } from "./use-count-tokens.js";
export { type UseMessageOptions, useMessage, useSuspenseMessage } from "./use-message.js";
export {
  type UseMessageStreamOptions,
  type UseMessageStreamResult,
  useMessageStream,
} from "./use-message-stream.js";
export { useModel, useModels } from "./use-models.js";
export { type UseSendMessageOptions, useSendMessage } from "./use-send-message.js";
