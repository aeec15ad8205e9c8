/**
 * Wire types the mock produces and reads. The API's shapes come from `@colloquy/client` as type-only
 * imports (erased from the build, so the mock has no run-time dependency on the client); the mock
 * narrows them where it promises more, e.g. every field of a `Message` present.
 */
import type {
  CacheControlEphemeral,
  ErrorResponse,
  TextBlock,
  ThinkingBlock,
  ThinkingConfigParam,
  ToolUseBlock,
  Message as WireMessage,
  MessageBatch as WireMessageBatch,
  MessageBatchRequestCounts as WireMessageBatchRequestCounts,
  ModelInfo as WireModelInfo,
  StopReason as WireStopReason,
  TextCitation as WireTextCitation,
  ToolChoice as WireToolChoice,
  Usage as WireUsage,
} from "@colloquy/client";
import type { statusForErrorType } from "./errors.js";

/** The `error.type` values the mock emits: the keys of `statusForErrorType`, its one list. */
export type ErrorType = keyof typeof statusForErrorType;

/** The error body of every non-2xx response and of the SSE `error` event (always with `request_id`). */
export type ErrorEnvelope = ErrorResponse & { request_id: string | null };

export type CacheControl = CacheControlEphemeral;

/** A request content block after validation (string content is expanded to one text block). */
export interface RequestBlock {
  type: string;
  [field: string]: unknown;
}

export interface RequestMessage {
  role: "user" | "assistant" | "system";
  content: RequestBlock[];
}

export interface RequestTool {
  name: string;
  type?: string | null;
  description?: string;
  input_schema?: JsonSchema;
  cache_control?: CacheControl | null;
  [field: string]: unknown;
}

export type ToolChoice = WireToolChoice;

export type ThinkingConfig = ThinkingConfigParam;

/** A validated Messages (or count_tokens) request, normalised for the reply generator. */
export interface MessagesRequest {
  model: string;
  /** `null` for count_tokens, which has no `max_tokens`. */
  max_tokens: number | null;
  messages: RequestMessage[];
  system: RequestBlock[];
  tools: RequestTool[];
  tool_choice: ToolChoice | null;
  thinking: ThinkingConfig | null;
  stop_sequences: string[];
  stream: boolean;
  cache_control: CacheControl | null;
  /** The raw JSON body, as received. */
  raw: Record<string, unknown>;
}

/** JSON Schema, as loosely as tools send it. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  [keyword: string]: unknown;
}

export type TextCitation = WireTextCitation;

/** The content blocks the mock generates: text (with `citations` only when cited), thinking, tool calls. */
export type ContentBlock =
  | (Omit<TextBlock, "citations"> & { citations?: TextCitation[] })
  | ThinkingBlock
  | (ToolUseBlock & { caller: { type: "direct" } });

export type StopReason = WireStopReason;

/** `Usage` with every field the mock sends present. */
export type Usage = Required<Omit<WireUsage, "service_tier" | "output_tokens_details">> & {
  service_tier: "standard" | "batch";
  output_tokens_details: { thinking_tokens: number } | null;
};

/** A `Message` as the mock sends it: every field present, nulls included. */
export type Message = Required<Omit<WireMessage, "content" | "usage">> & {
  content: ContentBlock[];
  usage: Usage;
};

/** A `ModelInfo` with every field present. */
export type ModelInfo = Required<Omit<WireModelInfo, "capabilities">> & {
  capabilities: Record<string, unknown> | null;
};

export type MessageBatchRequestCounts = WireMessageBatchRequestCounts;

export type MessageBatch = WireMessageBatch;

/** One batch result; an errored one carries the full error body, `request_id` included. */
export type MessageBatchResult =
  | { type: "succeeded"; message: Message }
  | { type: "errored"; error: ErrorEnvelope }
  | { type: "canceled" }
  | { type: "expired" };

export interface Page<T> {
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}
