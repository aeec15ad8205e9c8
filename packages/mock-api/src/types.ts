/**
 * Wire types the mock produces and reads. They mirror the Anthropic API's JSON (snake_case) and are kept
 * local so the mock never depends on another package at run time.
 */

/** The `error.type` values the mock emits. */
export type ErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "billing_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error"
  | "timeout_error"
  | "overloaded_error";

export interface ErrorEnvelope {
  type: "error";
  error: { type: ErrorType | string; message: string; details?: Record<string, unknown> };
  request_id: string | null;
}

export interface CacheControl {
  type: "ephemeral";
  ttl?: "5m" | "1h";
}

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

export type ToolChoice =
  | { type: "auto"; disable_parallel_tool_use?: boolean }
  | { type: "any"; disable_parallel_tool_use?: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean }
  | { type: "none" };

export type ThinkingConfig =
  | { type: "enabled"; budget_tokens: number; display?: "summarized" | "omitted" | null }
  | { type: "adaptive"; display?: "summarized" | "omitted" | null }
  | { type: "disabled" }
  | { type: "between_tools" };

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

export interface TextCitation {
  type: string;
  cited_text: string;
  [field: string]: unknown;
}

export type ContentBlock =
  | { type: "text"; text: string; citations?: TextCitation[] }
  | { type: "thinking"; thinking: string; signature: string }
  | { type: "tool_use"; id: string; name: string; input: unknown; caller: { type: "direct" } };

export type StopReason = "end_turn" | "max_tokens" | "stop_sequence" | "tool_use" | "pause_turn" | "refusal";

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens_details: { thinking_tokens: number } | null;
  server_tool_use: null;
  service_tier: "standard" | "batch";
  inference_geo: null;
  speed: null;
}

export interface Message {
  id: string;
  type: "message";
  role: "assistant";
  model: string;
  content: ContentBlock[];
  stop_reason: StopReason | null;
  stop_sequence: string | null;
  stop_details: null;
  container: null;
  diagnostics: null;
  usage: Usage;
}

export interface ModelInfo {
  type: "model";
  id: string;
  display_name: string;
  created_at: string;
  lifecycle: "active" | "deprecated" | "retired";
  deprecated_at: string | null;
  retires_at: string | null;
  line: string | null;
  max_input_tokens: number | null;
  max_tokens: number | null;
  capabilities: Record<string, unknown> | null;
}

export interface MessageBatchRequestCounts {
  processing: number;
  succeeded: number;
  errored: number;
  canceled: number;
  expired: number;
}

export interface MessageBatch {
  id: string;
  type: "message_batch";
  processing_status: "in_progress" | "canceling" | "ended";
  request_counts: MessageBatchRequestCounts;
  created_at: string;
  expires_at: string;
  ended_at: string | null;
  cancel_initiated_at: string | null;
  archived_at: string | null;
  results_url: string | null;
}

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
