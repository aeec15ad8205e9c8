import type Anthropic from "@colloquy/client";
import { AnthropicError } from "@colloquy/client";

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

/**
 * The client the hooks talk to: `Anthropic` from `@colloquy/client`, or a cloud client such as
 * `AnthropicBedrock` or `AnthropicVertex`, which have Messages but may lack batches, models or token counting.
 */
export interface AnthropicClient {
  messages: Pick<Anthropic["messages"], "create" | "stream"> &
    Partial<Pick<Anthropic["messages"], "countTokens" | "batches">>;
  models?: Anthropic["models"] | undefined;
}

/** The part of the client a hook needs, or a clear error naming what this client lacks. */
export function requireFeature<T>(feature: T | undefined, name: string): T {
  if (feature === undefined) {
    throw new AnthropicError(
      `This client has no ${name} (cloud clients such as Bedrock and Vertex lack some endpoints).`,
    );
  }
  return feature;
}

/** The client's Message Batches, or a clear error for a client without them (Bedrock, Vertex). */
export function requireBatches(client: AnthropicClient): NonNullable<AnthropicClient["messages"]["batches"]> {
  return requireFeature(client.messages.batches, "Message Batches");
}

/** Per-request options of the client (`signal`, `timeout`, `maxRetries`, `headers`, ...). */
export type RequestOptions = NonNullable<Parameters<Anthropic["messages"]["create"]>[1]>;
