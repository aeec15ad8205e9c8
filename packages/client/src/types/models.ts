// Wire types of GET /v1/models and GET /v1/models/{model_id}.
import type { Page } from "../pagination.js";

/** Whether a model supports a feature. */
export interface CapabilitySupport {
  supported: boolean;
}

/** Thinking modes a model supports. */
export interface ThinkingCapability extends CapabilitySupport {
  types: {
    enabled: CapabilitySupport;
    adaptive: CapabilitySupport;
    disabled: CapabilitySupport;
    between_tools?: CapabilitySupport | null;
  };
}

/** Effort levels a model supports. */
export interface EffortCapability extends CapabilitySupport {
  low: CapabilitySupport;
  medium: CapabilitySupport;
  high: CapabilitySupport;
  max: CapabilitySupport;
  xhigh?: CapabilitySupport | null;
}

/** Context-management strategies a model supports. */
export interface ContextManagementCapability extends CapabilitySupport {
  clear_thinking_20251015?: CapabilitySupport | null;
  clear_tool_uses_20250919?: CapabilitySupport | null;
  compact_20260112?: CapabilitySupport | null;
}

/** Server tools a model supports. */
export interface ServerToolsCapability extends CapabilitySupport {
  web_search: CapabilitySupport;
  code_execution: CapabilitySupport;
}

/** What a model can do; new keys may appear. */
export interface ModelCapabilities {
  batch: CapabilitySupport;
  citations: CapabilitySupport;
  code_execution: CapabilitySupport;
  image_input: CapabilitySupport;
  pdf_input: CapabilitySupport;
  structured_outputs: CapabilitySupport;
  thinking: ThinkingCapability;
  effort: EffortCapability;
  context_management: ContextManagementCapability;
  server_tools?: ServerToolsCapability;
}

/** Model family; more values may appear. */
export type ModelLine = (string & {}) | "haiku" | "sonnet" | "opus" | "fable" | "mythos";

/** Lifecycle stage of a model. */
export type ModelLifecycle = "active" | "deprecated" | "retired";

/** A model available to the caller. */
export interface ModelInfo {
  type: "model";
  /** Model id, usable as `model` in requests. */
  id: string;
  /** Human-readable name, e.g. "Claude Sonnet 4.6". */
  display_name: string;
  /** RFC 3339 release time; may be the epoch if unknown. */
  created_at: string;
  lifecycle?: ModelLifecycle;
  /** RFC 3339; null while active. */
  deprecated_at?: string | null;
  /** RFC 3339 scheduled retirement. */
  retires_at?: string | null;
  line?: ModelLine | null;
  /** Context window in tokens. */
  max_input_tokens?: number | null;
  /** Largest allowed `max_tokens`. */
  max_tokens?: number | null;
  capabilities?: ModelCapabilities | null;
}

/** Query of GET /v1/models (ID-cursor pagination, newest first). */
export interface ModelListParams {
  /**
   * Page size, 1–1000.
   * @default 20
   */
  limit?: number;
  /** Return the page just before this model id. */
  before_id?: string;
  /** Return the page just after this model id. */
  after_id?: string;
  /**
   * Lifecycle stages to include (up to 3); sent as `lifecycle[]`.
   * @default ["active", "deprecated"]
   */
  lifecycle?: ModelLifecycle[];
  /** Header param, sent as `anthropic-workspace-id` (not in the query). */
  workspace_id?: string;
}

/** Params of GET /v1/models/{model_id}: header params only (the API takes no query or body). */
export interface ModelRetrieveParams {
  /** Header param, sent as `anthropic-workspace-id`. */
  workspace_id?: string;
}

/** A page of `models.list()` (official name). */
export type ModelInfosPage = Page<ModelInfo>;
