// Wire types of POST /v1/messages and /v1/messages/count_tokens (API version 2026-10-21).
// Field names follow the API (snake_case). Response fields that the API may omit are optional.

/** Model id or alias; any string is accepted, the listed ids are the ones known today. */
export type Model =
  | (string & {})
  | "claude-fable-5-2"
  | "claude-mythos-5-2"
  | "claude-haiku-5-5"
  | "claude-sonnet-5-5"
  | "claude-fable-5-1"
  | "claude-opus-5-5"
  | "claude-mythos-5-1"
  | "claude-sonnet-5"
  | "claude-fable-5"
  | "claude-mythos-5"
  | "claude-opus-5"
  | "claude-opus-4-8"
  | "claude-opus-4-7"
  | "claude-mythos-preview"
  | "claude-opus-4-6"
  | "claude-sonnet-4-6"
  | "claude-haiku-4-5"
  | "claude-haiku-4-5-20251001"
  | "claude-opus-4-5"
  | "claude-opus-4-5-20251101"
  | "claude-sonnet-4-5"
  | "claude-sonnet-4-5-20250929";

// ---------------------------------------------------------------------------
// Shared request pieces

/** Prompt-cache breakpoint: cache the prefix up to and including this block. */
export interface CacheControlEphemeral {
  type: "ephemeral";
  /**
   * How long the cached prefix lives.
   * @default "5m"
   */
  ttl?: "5m" | "1h";
}

/** Turns citations on for a document or search result. */
export interface CitationsConfigParam {
  /** @default false */
  enabled?: boolean;
}

/** Citation settings echoed on response document blocks. */
export interface CitationsConfig {
  enabled: boolean;
}

/** Who invoked a tool: the model directly. */
export interface DirectCaller {
  type: "direct";
}

/** Who invoked a tool: code running in a code-execution server tool (programmatic tool calling). */
export interface ServerToolCaller {
  type: "code_execution_20250825" | "code_execution_20260120";
  /** Id of the code-execution tool call that made this call. */
  tool_id: string;
}

/** The caller of a tool use block. */
export type ToolUseCaller = DirectCaller | ServerToolCaller;

// ---------------------------------------------------------------------------
// Citations

/** Citation of a character range in a plain-text document. */
export interface CitationCharLocation {
  type: "char_location";
  cited_text: string;
  document_index: number;
  document_title: string | null;
  /** 0-based, inclusive. */
  start_char_index: number;
  /** 0-based, exclusive. */
  end_char_index: number;
  file_id?: string | null;
}

/** Citation of a page range in a PDF document. */
export interface CitationPageLocation {
  type: "page_location";
  cited_text: string;
  document_index: number;
  document_title: string | null;
  /** 1-based, inclusive. */
  start_page_number: number;
  /** 1-based, exclusive. */
  end_page_number: number;
  file_id?: string | null;
}

/** Citation of a block range in a custom-content document. */
export interface CitationContentBlockLocation {
  type: "content_block_location";
  cited_text: string;
  document_index: number;
  document_title: string | null;
  /** 0-based, inclusive. */
  start_block_index: number;
  /** 0-based, exclusive. */
  end_block_index: number;
  file_id?: string | null;
}

/** Citation of a web search result. */
export interface CitationsWebSearchResultLocation {
  type: "web_search_result_location";
  cited_text: string;
  url: string;
  title: string | null;
  encrypted_index: string;
}

/** Citation of a `search_result` block supplied by the caller. */
export interface CitationsSearchResultLocation {
  type: "search_result_location";
  cited_text: string;
  search_result_index: number;
  source: string;
  title: string | null;
  start_block_index: number;
  end_block_index: number;
}

/** A citation attached to a response text block. */
export type TextCitation =
  | CitationCharLocation
  | CitationPageLocation
  | CitationContentBlockLocation
  | CitationsWebSearchResultLocation
  | CitationsSearchResultLocation;

/** Char-location citation echoed back in an assistant turn. */
export type CitationCharLocationParam = Omit<CitationCharLocation, "file_id">;
/** Page-location citation echoed back in an assistant turn. */
export type CitationPageLocationParam = Omit<CitationPageLocation, "file_id">;
/** Content-block-location citation echoed back in an assistant turn. */
export type CitationContentBlockLocationParam = Omit<CitationContentBlockLocation, "file_id">;
/** Web-search-result citation echoed back in an assistant turn. */
export type CitationWebSearchResultLocationParam = CitationsWebSearchResultLocation;
/** Search-result citation echoed back in an assistant turn. */
export type CitationSearchResultLocationParam = CitationsSearchResultLocation;

/** A citation sent back in history (assistant text only under 2026-10-21). */
export type TextCitationParam =
  | CitationCharLocationParam
  | CitationPageLocationParam
  | CitationContentBlockLocationParam
  | CitationWebSearchResultLocationParam
  | CitationSearchResultLocationParam;

// ---------------------------------------------------------------------------
// Request content blocks

/** Plain text; the only block allowed in `system`. */
export interface TextBlockParam {
  type: "text";
  text: string;
  /** Citations of an echoed assistant text; non-empty in a user turn is rejected. */
  citations?: TextCitationParam[] | null;
  cache_control?: CacheControlEphemeral | null;
}

/** Inline base64 image. */
export interface Base64ImageSource {
  type: "base64";
  media_type: "image/jpeg" | "image/png" | "image/gif" | "image/webp";
  /** Base64-encoded bytes. */
  data: string;
}

/** Image fetched by the API from a URL. */
export interface URLImageSource {
  type: "url";
  url: string;
}

/** Image uploaded through the Files API. */
export interface FileImageSource {
  type: "file";
  file_id: string;
}

/** Image input. */
export interface ImageBlockParam {
  type: "image";
  source: Base64ImageSource | URLImageSource | FileImageSource;
  /** What to do with oversized images. */
  transformations?: {
    /** @default "downsize" */
    oversized_image?: "downsize" | "error";
  } | null;
  cache_control?: CacheControlEphemeral | null;
}

/** Inline base64 PDF. */
export interface Base64PDFSource {
  type: "base64";
  media_type: "application/pdf";
  data: string;
}

/** Inline plain-text document. */
export interface PlainTextSource {
  type: "text";
  media_type: "text/plain";
  data: string;
}

/** Custom-chunked document made of text/image blocks. */
export interface ContentBlockSource {
  type: "content";
  content: string | Array<TextBlockParam | ImageBlockParam>;
}

/** PDF fetched by the API from a URL. */
export interface URLPDFSource {
  type: "url";
  url: string;
}

/** Document uploaded through the Files API. */
export interface FileDocumentSource {
  type: "file";
  file_id: string;
}

/** Document input (PDF, text, or custom content). Not allowed directly in assistant turns. */
export interface DocumentBlockParam {
  type: "document";
  source: Base64PDFSource | PlainTextSource | ContentBlockSource | URLPDFSource | FileDocumentSource;
  title?: string | null;
  /** Extra context about the document; not cited. */
  context?: string | null;
  citations?: CitationsConfigParam | null;
  cache_control?: CacheControlEphemeral | null;
}

/** A search result supplied by the caller, citable like a document. */
export interface SearchResultBlockParam {
  type: "search_result";
  /** Where the result came from (URL or identifier). */
  source: string;
  title: string;
  content: TextBlockParam[];
  citations?: CitationsConfigParam;
  cache_control?: CacheControlEphemeral | null;
}

/** A thinking block echoed back unmodified. */
export interface ThinkingBlockParam {
  type: "thinking";
  thinking: string;
  signature: string;
}

/** A redacted thinking block echoed back unmodified. */
export type RedactedThinkingBlockParam = RedactedThinkingBlock;

/**
 * A client tool call echoed back in an assistant turn: the response block (its `toolset_name` may be
 * `null`, so that `message.content` can be sent back as it came) with a cache breakpoint.
 */
export interface ToolUseBlockParam extends ToolUseBlock {
  cache_control?: CacheControlEphemeral | null;
}

/** Reference to a deferred tool, inside a tool result. */
export interface ToolReferenceBlockParam {
  type: "tool_reference";
  tool_name: string;
  cache_control?: CacheControlEphemeral | null;
}

/** The result of a client tool call, sent in the next user turn. */
export interface ToolResultBlockParam {
  type: "tool_result";
  /** Id of the `tool_use` block this answers. */
  tool_use_id: string;
  content?:
    | string
    | Array<
        | TextBlockParam
        | ImageBlockParam
        | SearchResultBlockParam
        | DocumentBlockParam
        | ToolReferenceBlockParam
        | { type: "browser_state"; [field: string]: unknown }
      >;
  /** @default false */
  is_error?: boolean;
  toolset_name?: string;
  cache_control?: CacheControlEphemeral | null;
}

/** A server tool call echoed back in an assistant turn. */
export interface ServerToolUseBlockParam {
  type: "server_tool_use";
  id: string;
  name: ServerToolName;
  input: unknown;
  caller?: ToolUseCaller;
  cache_control?: CacheControlEphemeral | null;
}

/** One web search hit, echoed back. */
export interface WebSearchResultBlockParam {
  type: "web_search_result";
  url: string;
  title: string;
  encrypted_content: string;
  page_age?: string | null;
}

/** A failed web search, echoed back. */
export interface WebSearchToolRequestError {
  type: "web_search_tool_result_error";
  error_code: WebSearchToolResultErrorCode;
}

/** A web search result block echoed back in an assistant turn. */
export interface WebSearchToolResultBlockParam {
  type: "web_search_tool_result";
  tool_use_id: string;
  content: WebSearchResultBlockParam[] | WebSearchToolRequestError;
  caller?: ToolUseCaller;
  cache_control?: CacheControlEphemeral | null;
}

/** Another server tool result block echoed back as received (web fetch, code execution, tool search). */
export interface ServerToolResultBlockParam {
  type:
    | "web_fetch_tool_result"
    | "code_execution_tool_result"
    | "bash_code_execution_tool_result"
    | "text_editor_code_execution_tool_result"
    | "tool_search_tool_result";
  tool_use_id: string;
  content: unknown;
  caller?: ToolUseCaller;
  cache_control?: CacheControlEphemeral | null;
}

/** Puts an uploaded file into the code-execution container. */
export interface ContainerUploadBlockParam {
  type: "container_upload";
  file_id: string;
  cache_control?: CacheControlEphemeral | null;
}

/** Any block allowed in a request message's `content`. */
export type ContentBlockParam =
  | TextBlockParam
  | ImageBlockParam
  | DocumentBlockParam
  | SearchResultBlockParam
  | ThinkingBlockParam
  | RedactedThinkingBlockParam
  | ToolUseBlockParam
  | ToolResultBlockParam
  | ServerToolUseBlockParam
  | WebSearchToolResultBlockParam
  | ServerToolResultBlockParam
  | ContainerUploadBlockParam;

/** One conversation turn; string content is shorthand for a single text block. */
export interface MessageParam {
  /** `system` = mid-conversation system message (text only, newer models). */
  role: "user" | "assistant" | "system";
  content: string | ContentBlockParam[];
}

// ---------------------------------------------------------------------------
// Tools

/** JSON Schema (2020-12) of a client tool's input; must describe an object. */
export interface ToolInputSchema {
  type: "object";
  properties?: Record<string, unknown> | null;
  required?: string[] | null;
  [keyword: string]: unknown;
}

/** Which callers may invoke a tool. */
export type ToolAllowedCaller =
  | (string & {})
  | "direct"
  | "code_execution_20250825"
  | "code_execution_20260120"
  | "code_execution_20260521";

/** The fields the client tool and the server-run tools share. */
interface ToolOptions {
  cache_control?: CacheControlEphemeral | null;
  /** Guarantee inputs match the schema. */
  strict?: boolean;
  /** Load only when found by a tool-search tool. */
  defer_loading?: boolean;
  allowed_callers?: ToolAllowedCaller[];
}

/** The limits of the server-run web tools. */
interface WebToolOptions extends ToolOptions {
  /** Maximum uses in one request. */
  max_uses?: number | null;
  allowed_domains?: string[] | null;
  blocked_domains?: string[] | null;
}

/** A tool defined and executed by the client. */
export interface Tool extends ToolOptions {
  /** Matches `^[a-zA-Z0-9_-]{1,64}$`. */
  name: string;
  input_schema: ToolInputSchema;
  description?: string;
  type?: "custom" | null;
  input_examples?: Array<Record<string, unknown>>;
  eager_input_streaming?: boolean | null;
}

/** Approximate user location that tunes web search results. */
export interface UserLocation {
  type: "approximate";
  city?: string | null;
  region?: string | null;
  /** Two-letter ISO country code. */
  country?: string | null;
  /** IANA time zone. */
  timezone?: string | null;
}

/** The server-run web search tool. */
export interface WebSearchTool extends WebToolOptions {
  type: "web_search_20250305" | "web_search_20260209" | "web_search_20260318";
  name: "web_search";
  user_location?: UserLocation | null;
  /** Only for `web_search_20260318`. */
  response_inclusion?: unknown;
}

/** The server-run web fetch tool. */
export interface WebFetchTool extends WebToolOptions {
  type: "web_fetch_20250910" | "web_fetch_20260209" | "web_fetch_20260309" | "web_fetch_20260318";
  name: "web_fetch";
  citations?: CitationsConfigParam | null;
  max_content_tokens?: number | null;
  [field: string]: unknown;
}

/** The server-run code execution tool. */
export interface CodeExecutionTool extends ToolOptions {
  type:
    | "code_execution_20250522"
    | "code_execution_20250825"
    | "code_execution_20260120"
    | "code_execution_20260521";
  name: "code_execution";
}

/**
 * Any other Anthropic-defined tool (bash, text editor, memory, toolsets, tool search),
 * selected by its versioned `type`.
 */
export interface AnthropicDefinedTool {
  type: string;
  name: string;
  cache_control?: CacheControlEphemeral | null;
  [field: string]: unknown;
}

/** Any entry of `tools`: a client tool or an Anthropic-defined tool. */
export type ToolUnion = Tool | WebSearchTool | WebFetchTool | CodeExecutionTool | AnthropicDefinedTool;

/** Let the model decide whether to call tools. */
export interface ToolChoiceAuto {
  type: "auto";
  /** @default false */
  disable_parallel_tool_use?: boolean;
}

/** The model must call at least one tool. */
export interface ToolChoiceAny {
  type: "any";
  /** @default false */
  disable_parallel_tool_use?: boolean;
}

/** The model must call the named tool. */
export interface ToolChoiceTool {
  type: "tool";
  name: string;
  /** @default false */
  disable_parallel_tool_use?: boolean;
}

/** The model must not call tools. */
export interface ToolChoiceNone {
  type: "none";
}

/** How the model may use the provided tools. */
export type ToolChoice = ToolChoiceAuto | ToolChoiceAny | ToolChoiceTool | ToolChoiceNone;

// ---------------------------------------------------------------------------
// Thinking and other request options

/** How thinking text is returned. */
export type ThinkingDisplay = "summarized" | "omitted";

/** Manual extended thinking with a token budget. */
export interface ThinkingConfigEnabled {
  type: "enabled";
  /** At least 1024 and below `max_tokens`. */
  budget_tokens: number;
  display?: ThinkingDisplay | null;
}

/** The model decides how much to think. */
export interface ThinkingConfigAdaptive {
  type: "adaptive";
  display?: ThinkingDisplay | null;
}

/** No thinking. */
export interface ThinkingConfigDisabled {
  type: "disabled";
}

/** Think only between tool calls. */
export interface ThinkingConfigBetweenTools {
  type: "between_tools";
}

/** Extended-thinking configuration. */
export type ThinkingConfigParam =
  | ThinkingConfigEnabled
  | ThinkingConfigAdaptive
  | ThinkingConfigDisabled
  | ThinkingConfigBetweenTools;

/** Structured output constrained by a JSON schema. */
export interface JSONOutputFormat {
  type: "json_schema";
  schema: Record<string, unknown>;
}

/** Effort and structured-output settings. */
export interface OutputConfig {
  effort?: "low" | "medium" | "high" | "xhigh" | "max" | null;
  format?: JSONOutputFormat | null;
}

/** Request metadata. */
export interface Metadata {
  /** Opaque end-user id (no personal data). */
  user_id?: string | null;
}

/** A skill to load into the container. */
export interface SkillParams {
  skill_id: string;
  type: "anthropic" | "custom";
  /** @default "latest" */
  version?: string;
}

/** Container to reuse and skills to attach. */
export interface ContainerParams {
  id?: string | null;
  skills?: SkillParams[] | null;
}

/** Ask the response to explain a prompt-cache miss. */
export interface DiagnosticsParam {
  previous_message_id?: string | null;
}

/** Body fields shared by streaming and non-streaming message requests. */
export interface MessageCreateParamsBase {
  /** Model id or alias. */
  model: Model;
  /** Maximum output tokens (thinking included); `0` only warms the cache. */
  max_tokens: number;
  /** The conversation so far. */
  messages: MessageParam[];
  /** Top-level system prompt. */
  system?: string | TextBlockParam[];
  metadata?: Metadata;
  /** Custom strings that stop generation with `stop_reason: "stop_sequence"`. */
  stop_sequences?: string[];
  /** Return server-sent events instead of one JSON body. */
  stream?: boolean;
  tools?: ToolUnion[];
  tool_choice?: ToolChoice;
  thinking?: ThinkingConfigParam;
  output_config?: OutputConfig;
  /** @default "auto" */
  service_tier?: "auto" | "standard_only";
  container?: string | ContainerParams | null;
  /** Adds a cache breakpoint on the last cacheable block. */
  cache_control?: CacheControlEphemeral | null;
  diagnostics?: DiagnosticsParam | null;
  /** Inference region; defaults to the workspace setting. */
  inference_geo?: string | null;
  /** @default "standard" */
  speed?: "standard" | "fast" | null;
  /** @deprecated Accepted under `anthropic-version: 2023-06-01` (this client's default); removed in `2026-10-21`. */
  temperature?: number;
  /** @deprecated Accepted under `anthropic-version: 2023-06-01`; removed in `2026-10-21`. */
  top_p?: number;
  /** @deprecated Accepted under `anthropic-version: 2023-06-01`; removed in `2026-10-21`. */
  top_k?: number;
  /** Header param, sent as `anthropic-user-profile-id`: the user profile the request acts for. */
  user_profile_id?: string;
  /** Header param, sent as `anthropic-workspace-id`: the Workspace of a credential that spans several. */
  workspace_id?: string;
}

/** A request answered with one JSON `Message`. */
export interface MessageCreateParamsNonStreaming extends MessageCreateParamsBase {
  /** @default false */
  stream?: false;
}

/** A request answered with a stream of server-sent events. */
export interface MessageCreateParamsStreaming extends MessageCreateParamsBase {
  stream: true;
}

/** Body of POST /v1/messages. */
export type MessageCreateParams = MessageCreateParamsNonStreaming | MessageCreateParamsStreaming;

/** Parameters of a streaming helper call (the `stream` flag is set by the client). */
export type MessageStreamParams = MessageCreateParamsBase;

/** Body of POST /v1/messages/count_tokens. */
export interface MessageCountTokensParams {
  model: Model;
  messages: MessageParam[];
  system?: string | TextBlockParam[];
  tools?: ToolUnion[];
  tool_choice?: ToolChoice;
  thinking?: ThinkingConfigParam;
  output_config?: OutputConfig;
  cache_control?: CacheControlEphemeral | null;
  speed?: "standard" | "fast" | null;
  /** Header param, sent as `anthropic-user-profile-id`. */
  user_profile_id?: string;
  /** Header param, sent as `anthropic-workspace-id`. */
  workspace_id?: string;
}

/** Response of POST /v1/messages/count_tokens. */
export interface MessageTokensCount {
  /** Total input tokens of the request (messages, system and tools). */
  input_tokens: number;
}

// ---------------------------------------------------------------------------
// Response content blocks

/** Generated text, possibly with citations. */
export interface TextBlock {
  type: "text";
  text: string;
  /** Absent or null when nothing is cited. */
  citations?: TextCitation[] | null;
}

/** Visible reasoning; echo it back unmodified with its signature. */
export interface ThinkingBlock {
  type: "thinking";
  thinking: string;
  signature: string;
}

/** Encrypted reasoning; echo it back unmodified. */
export interface RedactedThinkingBlock {
  type: "redacted_thinking";
  data: string;
}

/** A call of a client tool; answer it with a `tool_result`. */
export interface ToolUseBlock {
  type: "tool_use";
  /** `toolu_…` */
  id: string;
  name: string;
  input: unknown;
  /** Who made the call; treat absence as `{type: "direct"}`. */
  caller?: ToolUseCaller;
  toolset_name?: string | null;
}

/** Names of server-run tools. */
export type ServerToolName =
  | (string & {})
  | "web_search"
  | "web_fetch"
  | "code_execution"
  | "bash_code_execution"
  | "text_editor_code_execution"
  | "tool_search_tool_regex"
  | "tool_search_tool_bm25";

/** A call of a server-run tool (the API executes it). */
export interface ServerToolUseBlock {
  type: "server_tool_use";
  /** `srvtoolu_…` */
  id: string;
  name: ServerToolName;
  input: unknown;
  caller?: ToolUseCaller;
}

/** One web search hit. */
export interface WebSearchResultBlock {
  type: "web_search_result";
  url: string;
  title: string;
  encrypted_content: string;
  page_age: string | null;
}

/** Why a web search failed. */
export type WebSearchToolResultErrorCode =
  | "invalid_tool_input"
  | "unavailable"
  | "max_uses_exceeded"
  | "too_many_requests"
  | "query_too_long"
  | "request_too_large";

/** A failed web search. */
export interface WebSearchToolResultError {
  type: "web_search_tool_result_error";
  error_code: WebSearchToolResultErrorCode;
}

/** Results of a web search. */
export interface WebSearchToolResultBlock {
  type: "web_search_tool_result";
  tool_use_id: string;
  content: WebSearchResultBlock[] | WebSearchToolResultError;
  caller?: ToolUseCaller;
}

/** Error object inside a server tool result. */
export interface ServerToolResultError {
  /** e.g. `web_fetch_tool_result_error`, `code_execution_tool_result_error`. */
  type: string;
  error_code: string;
  [field: string]: unknown;
}

/** Result of a web fetch (simplified: the fetched document is left untyped). */
export interface WebFetchToolResultBlock {
  type: "web_fetch_tool_result";
  tool_use_id: string;
  content:
    | { type: "web_fetch_result"; url: string; retrieved_at?: string | null; content: unknown }
    | ServerToolResultError;
  caller?: ToolUseCaller;
}

/** A file produced by code execution. */
export interface CodeExecutionOutputBlock {
  type: "code_execution_output" | "bash_code_execution_output";
  file_id: string;
}

/** Result of the code execution tool. */
export interface CodeExecutionToolResultBlock {
  type: "code_execution_tool_result";
  tool_use_id: string;
  content:
    | {
        type: "code_execution_result";
        stdout: string;
        stderr: string;
        return_code: number;
        content: CodeExecutionOutputBlock[];
      }
    | {
        type: "encrypted_code_execution_result";
        encrypted_stdout: string;
        stderr: string;
        return_code: number;
        content: CodeExecutionOutputBlock[];
      }
    | ServerToolResultError;
}

/** Result of a bash command run by code execution. */
export interface BashCodeExecutionToolResultBlock {
  type: "bash_code_execution_tool_result";
  tool_use_id: string;
  content:
    | {
        type: "bash_code_execution_result";
        stdout: string;
        stderr: string;
        return_code: number;
        content: CodeExecutionOutputBlock[];
      }
    | ServerToolResultError;
}

/** Result of a file view/create/edit done by code execution (left loosely typed). */
export interface TextEditorCodeExecutionToolResultBlock {
  type: "text_editor_code_execution_tool_result";
  tool_use_id: string;
  content: { type: string; [field: string]: unknown };
}

/** Reference to a tool found by a tool-search tool. */
export interface ToolReferenceBlock {
  type: "tool_reference";
  tool_name: string;
}

/** Result of a tool-search tool. */
export interface ToolSearchToolResultBlock {
  type: "tool_search_tool_result";
  tool_use_id: string;
  content:
    | { type: "tool_search_tool_search_result"; tool_references: ToolReferenceBlock[] }
    | ServerToolResultError;
}

/** A file placed into the code-execution container. */
export interface ContainerUploadBlock {
  type: "container_upload";
  file_id: string;
}

/** Any block of a response `Message`'s `content`. */
export type ContentBlock =
  | TextBlock
  | ThinkingBlock
  | RedactedThinkingBlock
  | ToolUseBlock
  | ServerToolUseBlock
  | WebSearchToolResultBlock
  | WebFetchToolResultBlock
  | CodeExecutionToolResultBlock
  | BashCodeExecutionToolResultBlock
  | TextEditorCodeExecutionToolResultBlock
  | ToolSearchToolResultBlock
  | ContainerUploadBlock;

// ---------------------------------------------------------------------------
// Message

/** Why the model stopped. */
export type StopReason =
  | "end_turn"
  | "max_tokens"
  | "stop_sequence"
  | "tool_use"
  | "pause_turn"
  | "refusal"
  | "model_context_window_exceeded";

/** Detail of a refusal; set only when `stop_reason` is `refusal`. */
export interface RefusalStopDetails {
  type: "refusal";
  category: "cyber" | "bio" | "frontier_llm" | "reasoning_extraction" | "general_harms" | null;
  explanation: string | null;
}

/** Extra detail on why the model stopped. */
export type StopDetails = RefusalStopDetails;

/** A skill loaded in a container. */
export interface ContainerSkill {
  skill_id: string;
  type: "anthropic" | "custom";
  version: string;
}

/** The code-execution container used by the request. */
export interface Container {
  id: string;
  /** RFC 3339 time the container expires. */
  expires_at: string;
  skills?: ContainerSkill[] | null;
}

/** Why the prompt cache missed. */
export interface CacheMissReason {
  type:
    | (string & {})
    | "model_changed"
    | "system_changed"
    | "tools_changed"
    | "messages_changed"
    | "previous_message_not_found"
    | "unavailable";
  /** Present for the `*_changed` reasons. */
  cache_missed_input_tokens?: number;
}

/** Response diagnostics, present when the request asked for them. */
export interface Diagnostics {
  cache_miss_reason: CacheMissReason | null;
}

/** Cache writes broken down by TTL. */
export interface CacheCreation {
  ephemeral_5m_input_tokens: number;
  ephemeral_1h_input_tokens: number;
}

/** Server tool calls made for the message. */
export interface ServerToolUsage {
  web_search_requests: number;
  web_fetch_requests?: number;
}

/** Breakdown of output tokens. */
export interface OutputTokensDetails {
  /** Thinking tokens (included in `output_tokens`). */
  thinking_tokens: number;
}

/** Token usage of a message; total input = input + cache creation + cache read. */
export interface Usage {
  /** Uncached input tokens. */
  input_tokens: number;
  /** Billed output tokens, thinking included. */
  output_tokens: number;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation?: CacheCreation | null;
  server_tool_use?: ServerToolUsage | null;
  service_tier?: "standard" | "priority" | "batch" | null;
  output_tokens_details?: OutputTokensDetails | null;
  inference_geo?: string | null;
  speed?: "standard" | "fast" | null;
}

/** A model response. */
export interface Message {
  /** `msg_…` */
  id: string;
  type: "message";
  role: "assistant";
  /** The model that served the request. */
  model: Model;
  content: ContentBlock[];
  /** Null only in `message_start`. */
  stop_reason: StopReason | null;
  stop_sequence: string | null;
  stop_details?: StopDetails | null;
  container?: Container | null;
  diagnostics?: Diagnostics | null;
  usage: Usage;
}

// ---------------------------------------------------------------------------
// Streaming

/** Text appended to a `text` block. */
export interface TextDelta {
  type: "text_delta";
  text: string;
}

/** A fragment of a tool call's JSON input; concatenate and parse at block stop. */
export interface InputJSONDelta {
  type: "input_json_delta";
  partial_json: string;
}

/** A citation pushed onto a `text` block. */
export interface CitationsDelta {
  type: "citations_delta";
  citation: TextCitation;
}

/** Text appended to a `thinking` block. */
export interface ThinkingDelta {
  type: "thinking_delta";
  thinking: string;
}

/** The signature of a `thinking` block (replaces, sent once). */
export interface SignatureDelta {
  type: "signature_delta";
  signature: string;
}

/** Any `content_block_delta` payload. */
export type RawContentBlockDelta =
  | TextDelta
  | InputJSONDelta
  | CitationsDelta
  | ThinkingDelta
  | SignatureDelta;

/** Cumulative usage in `message_delta`; present non-null fields replace earlier values. */
export interface MessageDeltaUsage {
  /** Cumulative output tokens. */
  output_tokens: number;
  input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  server_tool_use?: ServerToolUsage | null;
  output_tokens_details?: OutputTokensDetails | null;
}

/** First event: the message skeleton with empty content. */
export interface RawMessageStartEvent {
  type: "message_start";
  message: Message;
}

/** Top-level changes near the end of the stream. */
export interface RawMessageDeltaEvent {
  type: "message_delta";
  delta: {
    stop_reason: StopReason | null;
    stop_sequence: string | null;
    stop_details?: StopDetails | null;
    /** Non-null replaces `message.container`. */
    container?: Container | null;
  };
  usage: MessageDeltaUsage;
}

/** Last event of a complete stream. */
export interface RawMessageStopEvent {
  type: "message_stop";
}

/** Opens the block at `index` with its skeleton (or full payload for result blocks). */
export interface RawContentBlockStartEvent {
  type: "content_block_start";
  index: number;
  content_block: ContentBlock;
}

/** An incremental change to the block at `index`. */
export interface RawContentBlockDeltaEvent {
  type: "content_block_delta";
  index: number;
  delta: RawContentBlockDelta;
}

/** Closes the block at `index`. */
export interface RawContentBlockStopEvent {
  type: "content_block_stop";
  index: number;
}

/** Any typed stream event (`ping` and `error` are handled by the transport). */
export type RawMessageStreamEvent =
  | RawMessageStartEvent
  | RawMessageDeltaEvent
  | RawMessageStopEvent
  | RawContentBlockStartEvent
  | RawContentBlockDeltaEvent
  | RawContentBlockStopEvent;

/** Alias of `RawMessageStreamEvent`. */
export type MessageStreamEvent = RawMessageStreamEvent;

// ---------------------------------------------------------------------------
// Names of the official SDK for narrower shapes of the types above, so that code naming them compiles.

/** `message_start` (official alias of `RawMessageStartEvent`). */
export type MessageStartEvent = RawMessageStartEvent;
/** `message_delta` (official alias of `RawMessageDeltaEvent`). */
export type MessageDeltaEvent = RawMessageDeltaEvent;
/** `message_stop` (official alias of `RawMessageStopEvent`). */
export type MessageStopEvent = RawMessageStopEvent;
/** `content_block_start` (official alias of `RawContentBlockStartEvent`). */
export type ContentBlockStartEvent = RawContentBlockStartEvent;
/** `content_block_delta` (official alias of `RawContentBlockDeltaEvent`). */
export type ContentBlockDeltaEvent = RawContentBlockDeltaEvent;
/** `content_block_stop` (official alias of `RawContentBlockStopEvent`). */
export type ContentBlockStopEvent = RawContentBlockStopEvent;

/** A user turn. */
export type UserMessageParam = MessageParam & { role: "user" };
/** An assistant turn. */
export type AssistantMessageParam = MessageParam & { role: "assistant" };
/** A mid-conversation system turn. */
export type SystemMessageParam = MessageParam & { role: "system" };
/** The `content` of a turn. */
export type MessageContentParam = MessageParam["content"];
/** The `container` of a request. */
export type MessageCreateParamsContainer = ContainerParams | string;
/** What to do with oversized images. */
export type ImageTransformationsParam = NonNullable<ImageBlockParam["transformations"]>;

/** The web search tool, version 2025-03-05. */
export type WebSearchTool20250305 = WebSearchTool & { type: "web_search_20250305" };
/** The web search tool, version 2026-02-09. */
export type WebSearchTool20260209 = WebSearchTool & { type: "web_search_20260209" };
/** The web search tool, version 2026-03-18. */
export type WebSearchTool20260318 = WebSearchTool & { type: "web_search_20260318" };
/** The web fetch tool, version 2025-09-10. */
export type WebFetchTool20250910 = WebFetchTool & { type: "web_fetch_20250910" };
/** The web fetch tool, version 2026-02-09. */
export type WebFetchTool20260209 = WebFetchTool & { type: "web_fetch_20260209" };
/** The web fetch tool, version 2026-03-09. */
export type WebFetchTool20260309 = WebFetchTool & { type: "web_fetch_20260309" };
/** The web fetch tool, version 2026-03-18. */
export type WebFetchTool20260318 = WebFetchTool & { type: "web_fetch_20260318" };
/** The code execution tool, version 2025-05-22. */
export type CodeExecutionTool20250522 = CodeExecutionTool & { type: "code_execution_20250522" };
/** The code execution tool, version 2025-08-25. */
export type CodeExecutionTool20250825 = CodeExecutionTool & { type: "code_execution_20250825" };
/** The code execution tool, version 2026-01-20. */
export type CodeExecutionTool20260120 = CodeExecutionTool & { type: "code_execution_20260120" };
/** The code execution tool, version 2026-05-21. */
export type CodeExecutionTool20260521 = CodeExecutionTool & { type: "code_execution_20260521" };
/** The bash tool (run by the client), version 2025-01-24. */
export type ToolBash20250124 = AnthropicDefinedTool & { type: "bash_20250124"; name: "bash" };
/** The text editor tool (run by the client), version 2025-01-24. */
export type ToolTextEditor20250124 = AnthropicDefinedTool & {
  type: "text_editor_20250124";
  name: "str_replace_editor";
};
/** The text editor tool (run by the client), version 2025-04-29. */
export type ToolTextEditor20250429 = AnthropicDefinedTool & {
  type: "text_editor_20250429";
  name: "str_replace_based_edit_tool";
};
/** The text editor tool (run by the client), version 2025-07-28. */
export type ToolTextEditor20250728 = AnthropicDefinedTool & {
  type: "text_editor_20250728";
  name: "str_replace_based_edit_tool";
};
/** The memory tool (run by the client), version 2025-08-18. */
export type MemoryTool20250818 = AnthropicDefinedTool & { type: "memory_20250818"; name: "memory" };
/** The BM25 tool search tool. */
export type ToolSearchToolBm25_20251119 = AnthropicDefinedTool & {
  type: "tool_search_tool_bm25_20251119" | "tool_search_tool_bm25";
  name: "tool_search_tool_bm25";
};
/** The regex tool search tool. */
export type ToolSearchToolRegex20251119 = AnthropicDefinedTool & {
  type: "tool_search_tool_regex_20251119" | "tool_search_tool_regex";
  name: "tool_search_tool_regex";
};
/** The tools the client runs itself. */
export type ClientToolUnion =
  | Tool
  | ToolBash20250124
  | MemoryTool20250818
  | ToolTextEditor20250124
  | ToolTextEditor20250429
  | ToolTextEditor20250728;
/** An entry of `tools` in a token count. */
export type MessageCountTokensTool = ToolUnion;

/** A web fetch result block echoed back. */
export type WebFetchToolResultBlockParam = ServerToolResultBlockParam & { type: "web_fetch_tool_result" };
/** A code execution result block echoed back. */
export type CodeExecutionToolResultBlockParam = ServerToolResultBlockParam & {
  type: "code_execution_tool_result";
};
/** A bash code execution result block echoed back. */
export type BashCodeExecutionToolResultBlockParam = ServerToolResultBlockParam & {
  type: "bash_code_execution_tool_result";
};
/** A text editor code execution result block echoed back. */
export type TextEditorCodeExecutionToolResultBlockParam = ServerToolResultBlockParam & {
  type: "text_editor_code_execution_tool_result";
};
/** A tool search result block echoed back. */
export type ToolSearchToolResultBlockParam = ServerToolResultBlockParam & { type: "tool_search_tool_result" };
/** The `content` of a web search result block. */
export type WebSearchToolResultBlockContent = WebSearchToolResultBlock["content"];
/** The `content` of a code execution result block. */
export type CodeExecutionToolResultBlockContent = CodeExecutionToolResultBlock["content"];
/** A tool call of a client tool. */
export type ToolsetToolUseBlock = ToolUseBlock;
/** A tool call of a client tool, in a response. */
export type ResponseToolUseBlockUnion = ToolUseBlock;
