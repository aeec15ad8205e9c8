import type Anthropic from "@colloquy/client";

export type {
  BatchCreateParams as MessageBatchCreateParams,
  BatchListParams as MessageBatchListParams,
  ContentBlock,
  ContentBlockParam,
  DeletedMessageBatch,
  Message,
  MessageBatch,
  MessageBatchIndividualResponse,
  MessageBatchResult,
  MessageCountTokensParams,
  MessageCreateParamsNonStreaming as MessageCreateParams,
  MessageParam,
  MessageStreamParams,
  MessageTokensCount,
  Model,
  ModelInfo,
  ModelListParams,
  RawMessageStreamEvent,
  StopReason,
  TextBlockParam,
  ThinkingConfigParam,
  ToolResultBlockParam,
  ToolUnion,
  ToolUseBlock,
  Usage,
} from "@colloquy/client";

/** The client instance the hooks talk to. */
export type AnthropicClient = Anthropic;

/** Per-request options of the client (`signal`, `timeout`, `maxRetries`, `headers`, ...). */
export type RequestOptions = NonNullable<Parameters<Anthropic["messages"]["create"]>[1]>;
