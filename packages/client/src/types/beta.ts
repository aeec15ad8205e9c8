// Types of the beta namespace (`client.beta.*`). Its endpoints are the same as the GA ones; every
// method also takes `betas`, sent as the `anthropic-beta` header. The response shapes are the GA
// ones, under the `Beta…` names of the official SDK so that code written against it compiles.
import type { BatchCreateParams, BatchListParams, BatchRetrieveParams } from "./batches.js";
import type {
  ContentBlock,
  ContentBlockParam,
  Message,
  MessageCountTokensParams,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  MessageDeltaUsage,
  MessageParam,
  MessageStreamParams,
  MessageTokensCount,
  OutputConfig,
  RawContentBlockDelta,
  RawContentBlockDeltaEvent,
  RawContentBlockStartEvent,
  RawContentBlockStopEvent,
  RawMessageDeltaEvent,
  RawMessageStartEvent,
  RawMessageStopEvent,
  RawMessageStreamEvent,
  RedactedThinkingBlock,
  RedactedThinkingBlockParam,
  StopReason,
  TextBlock,
  TextBlockParam,
  TextCitation,
  ThinkingBlock,
  ThinkingBlockParam,
  ThinkingConfigParam,
  Tool,
  ToolChoice,
  ToolResultBlockParam,
  ToolUnion,
  ToolUseBlock,
  ToolUseBlockParam,
  Usage,
} from "./messages.js";
import type { ModelInfo, ModelListParams, ModelRetrieveParams } from "./models.js";

/** A beta feature to enable; any string is accepted, the listed ones are known today. */
export type AnthropicBeta =
  | (string & {})
  | "message-batches-2024-09-24"
  | "prompt-caching-2024-07-31"
  | "pdfs-2024-09-25"
  | "token-counting-2024-11-01"
  | "token-efficient-tools-2025-02-19"
  | "output-128k-2025-02-19"
  | "files-api-2025-04-14"
  | "extended-cache-ttl-2025-04-11"
  | "interleaved-thinking-2025-05-14"
  | "code-execution-2025-05-22"
  | "context-management-2025-06-27"
  | "context-1m-2025-08-07"
  | "skills-2025-10-02"
  | "structured-outputs-2025-11-13"
  | "compact-2026-01-12"
  | "fast-mode-2026-02-01";

/**
 * The header param of every beta method: the beta features to enable, sent comma-joined as the
 * `anthropic-beta` header (merged with one given in the call's `headers`), never in the body or query.
 */
export interface BetaParams {
  betas?: AnthropicBeta[];
}

/** A token budget the model tracks across contexts (beta `task-budgets-2026-03-13`). */
export interface BetaTokenTaskBudget {
  type: "tokens";
  /** Total budget across all contexts. */
  total: number;
  /** What is left of it; defaults to `total`. */
  remaining?: number | null;
}

/** `output_config` of the beta API: the GA settings plus a task budget. */
export interface BetaOutputConfig extends OutputConfig {
  task_budget?: BetaTokenTaskBudget | null;
}

/** An MCP server the API connects to (beta `mcp-client-*`). */
export interface BetaRequestMCPServerURLDefinition {
  type: "url";
  name: string;
  url: string;
  authorization_token?: string | null;
  [field: string]: unknown;
}

/**
 * Body fields of the beta Messages API that GA lacks. The structured ones are typed loosely (an object
 * of any fields): they are sent as given, and their shapes change with their betas.
 */
export interface BetaMessageOnlyParams {
  mcp_servers?: BetaRequestMCPServerURLDefinition[];
  context_management?: { [field: string]: unknown } | null;
  compaction?: { [field: string]: unknown } | null;
  fallbacks?: string | { [field: string]: unknown } | Array<{ [field: string]: unknown }> | null;
  fallback_credit_token?: string | { [field: string]: unknown } | null;
  thread?: { [field: string]: unknown } | null;
  billing_policy?: string | { [field: string]: unknown } | null;
}

/** `beta.messages.create()` answered with one `Message`. */
export interface BetaMessageCreateParamsNonStreaming
  extends MessageCreateParamsNonStreaming,
    BetaMessageOnlyParams,
    BetaParams {
  output_config?: BetaOutputConfig;
}
/** `beta.messages.create()` answered with a stream of events. */
export interface BetaMessageCreateParamsStreaming
  extends MessageCreateParamsStreaming,
    BetaMessageOnlyParams,
    BetaParams {
  output_config?: BetaOutputConfig;
}
/** Params of `beta.messages.create()`. */
export type BetaMessageCreateParams = BetaMessageCreateParamsNonStreaming | BetaMessageCreateParamsStreaming;
/** Params of `beta.messages.stream()`. */
export interface BetaMessageStreamParams extends MessageStreamParams, BetaMessageOnlyParams, BetaParams {
  output_config?: BetaOutputConfig;
}
/** Params of `beta.messages.countTokens()`. */
export interface BetaMessageCountTokensParams
  extends MessageCountTokensParams,
    Pick<BetaMessageOnlyParams, "mcp_servers" | "context_management">,
    BetaParams {
  output_config?: BetaOutputConfig;
}

/** One request of a beta batch: a beta Messages request (its `betas` go on the batch call). */
export interface BetaMessageBatchRequest {
  custom_id: string;
  params: Omit<BetaMessageCreateParamsNonStreaming, "betas">;
}

/** Params of `beta.messages.batches.create()`. */
export interface BetaBatchCreateParams extends BatchCreateParams, BetaParams {
  requests: BetaMessageBatchRequest[];
}
/** Params of `beta.messages.batches.list()` (`betas` and `workspace_id` are headers, not query). */
export interface BetaBatchListParams extends BatchListParams, BetaParams {}
/** Params of `beta.messages.batches.retrieve()`, `cancel()`, `delete()` and `results()`. */
export interface BetaBatchRetrieveParams extends BatchRetrieveParams, BetaParams {}
/** Params of `beta.models.retrieve()`. */
export interface BetaModelRetrieveParams extends ModelRetrieveParams, BetaParams {}
/** Params of `beta.models.list()` (`betas` and `workspace_id` are headers, not query). */
export interface BetaModelListParams extends ModelListParams, BetaParams {}

// The official SDK's `Beta…` names of the shapes the beta endpoints share with GA.
/** Beta-namespace name of `Message`. */
export type BetaMessage = Message;
/** Beta-namespace name of `MessageParam`. */
export type BetaMessageParam = MessageParam;
/** Beta-namespace name of `ContentBlock`. */
export type BetaContentBlock = ContentBlock;
/** Beta-namespace name of `ContentBlockParam`. */
export type BetaContentBlockParam = ContentBlockParam;
/** Beta-namespace name of `TextBlock`. */
export type BetaTextBlock = TextBlock;
/** Beta-namespace name of `TextBlockParam`. */
export type BetaTextBlockParam = TextBlockParam;
/** Beta-namespace name of `TextCitation`. */
export type BetaTextCitation = TextCitation;
/** Beta-namespace name of `ThinkingBlock`. */
export type BetaThinkingBlock = ThinkingBlock;
/** Beta-namespace name of `ThinkingBlockParam`. */
export type BetaThinkingBlockParam = ThinkingBlockParam;
/** Beta-namespace name of `RedactedThinkingBlock`. */
export type BetaRedactedThinkingBlock = RedactedThinkingBlock;
/** Beta-namespace name of `RedactedThinkingBlockParam`. */
export type BetaRedactedThinkingBlockParam = RedactedThinkingBlockParam;
/** Beta-namespace name of `ThinkingConfigParam`. */
export type BetaThinkingConfigParam = ThinkingConfigParam;
/** Beta-namespace name of `ToolUseBlock`. */
export type BetaToolUseBlock = ToolUseBlock;
/** Beta-namespace name of `ToolUseBlockParam`. */
export type BetaToolUseBlockParam = ToolUseBlockParam;
/** Beta-namespace name of `ToolResultBlockParam`. */
export type BetaToolResultBlockParam = ToolResultBlockParam;
/** Beta-namespace name of `Tool`. */
export type BetaTool = Tool;
/** Beta-namespace name of `ToolUnion`. */
export type BetaToolUnion = ToolUnion;
/** Beta-namespace name of `ToolChoice`. */
export type BetaToolChoice = ToolChoice;
/** Beta-namespace name of `StopReason`. */
export type BetaStopReason = StopReason;
/** Beta-namespace name of `Usage`. */
export type BetaUsage = Usage;
/** Beta-namespace name of `MessageDeltaUsage`. */
export type BetaMessageDeltaUsage = MessageDeltaUsage;
/** Beta-namespace name of `MessageTokensCount`. */
export type BetaMessageTokensCount = MessageTokensCount;
/** Beta-namespace name of `RawContentBlockDelta`. */
export type BetaRawContentBlockDelta = RawContentBlockDelta;
/** Beta-namespace name of `RawMessageStartEvent`. */
export type BetaRawMessageStartEvent = RawMessageStartEvent;
/** Beta-namespace name of `RawMessageDeltaEvent`. */
export type BetaRawMessageDeltaEvent = RawMessageDeltaEvent;
/** Beta-namespace name of `RawMessageStopEvent`. */
export type BetaRawMessageStopEvent = RawMessageStopEvent;
/** Beta-namespace name of `RawContentBlockStartEvent`. */
export type BetaRawContentBlockStartEvent = RawContentBlockStartEvent;
/** Beta-namespace name of `RawContentBlockDeltaEvent`. */
export type BetaRawContentBlockDeltaEvent = RawContentBlockDeltaEvent;
/** Beta-namespace name of `RawContentBlockStopEvent`. */
export type BetaRawContentBlockStopEvent = RawContentBlockStopEvent;
/** Beta-namespace name of `RawMessageStreamEvent`. */
export type BetaRawMessageStreamEvent = RawMessageStreamEvent;
/** Beta-namespace name of `ModelInfo`. */
export type BetaModelInfo = ModelInfo;
