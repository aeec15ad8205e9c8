import { invalidRequest, MockApiError } from "./errors.js";
import {
  describe,
  expectArray,
  expectInteger,
  expectNumber,
  expectObject,
  expectString,
  expectTag,
  type Json,
  unknownTag,
} from "./internal/field-checks.js";
import { BreakpointCounter, validateMessages, validateSystem } from "./message-validation.js";
import { type CatalogModel, findModel } from "./models-catalog.js";
import type { MessagesRequest, RequestTool, ThinkingConfig, ToolChoice } from "./types.js";
import { CURRENT_VERSION, type ValidationContext } from "./validation-context.js";

export {
  CURRENT_VERSION,
  type RequestKind,
  SUPPORTED_VERSIONS,
  type ValidationContext,
} from "./validation-context.js";

const messageFields = [
  "model",
  "max_tokens",
  "messages",
  "system",
  "metadata",
  "stop_sequences",
  "stream",
  "tools",
  "tool_choice",
  "thinking",
  "output_config",
  "service_tier",
  "container",
  "cache_control",
  "diagnostics",
  "inference_geo",
  "speed",
  // Beta-only fields (SDK `beta.messages`), accepted whatever `anthropic-beta` says.
  "mcp_servers",
  "context_management",
  "compaction",
  "fallbacks",
  "fallback_credit_token",
  "thread",
  "billing_policy",
  "output_format",
];
const countTokensFields = [
  "model",
  "messages",
  "system",
  "tools",
  "tool_choice",
  "thinking",
  "output_config",
  "cache_control",
  "speed",
  "mcp_servers",
  "context_management",
];
const samplingFields = ["temperature", "top_p", "top_k"];

const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

function validateTools(value: unknown, breakpoints: BreakpointCounter): RequestTool[] {
  if (value === undefined || value === null) return [];
  const names = new Set<string>();
  return expectArray(value, "tools").map((item, index) => {
    const path = `tools.${index}`;
    const tool = expectObject(item, path);
    const type = tool.type;
    if (type === undefined || type === null || type === "custom") {
      const name = expectString(tool.name, `${path}.name`);
      if (!NAME_PATTERN.test(name))
        throw invalidRequest(`${path}.name: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'`);
      const schema = expectObject(tool.input_schema, `${path}.input_schema`);
      if (schema.type !== "object")
        throw invalidRequest(`${path}.input_schema.type: Input should be 'object'`);
    } else if (typeof type !== "string" || !/^[a-z_]+(_\d{8})?$/.test(type)) {
      throw unknownTag(type, path, []);
    }
    const name = typeof tool.name === "string" ? tool.name : String(type);
    if (names.has(name)) throw invalidRequest(`tools: Tool names must be unique (duplicate '${name}')`);
    names.add(name);
    breakpoints.read(tool, path);
    return { ...tool, name } as RequestTool;
  });
}

function validateToolChoice(value: unknown, tools: RequestTool[]): ToolChoice | null {
  if (value === undefined || value === null) return null;
  const choice = expectObject(value, "tool_choice");
  const type = expectTag(choice.type, "tool_choice", ["auto", "any", "tool", "none"]);
  if ((type === "any" || type === "tool") && tools.length === 0) {
    throw invalidRequest("tool_choice: tool_choice may only be specified while providing tools");
  }
  if (type === "tool") {
    const name = expectString(choice.name, "tool_choice.name", { nonEmpty: true });
    if (!tools.some((tool) => tool.name === name)) {
      throw invalidRequest(`tool_choice.name: tool '${name}' is not one of the tools of this request`);
    }
  }
  return choice as unknown as ToolChoice;
}

function validateThinking(
  value: unknown,
  maxTokens: number | null,
  model: CatalogModel | undefined,
  toolChoice: ToolChoice | null,
): ThinkingConfig | null {
  if (value === undefined || value === null) return null;
  const thinking = expectObject(value, "thinking");
  const type = expectTag(thinking.type, "thinking", ["enabled", "adaptive", "disabled", "between_tools"]);
  if (type === "enabled") {
    const budget = expectInteger(thinking.budget_tokens, "thinking.enabled.budget_tokens", 1024);
    if (maxTokens !== null && budget >= maxTokens) {
      throw invalidRequest(
        `max_tokens must be greater than thinking.budget_tokens (got max_tokens=${maxTokens}, budget_tokens=${budget})`,
      );
    }
    const types = (
      model?.capabilities?.thinking as { types?: { enabled?: { supported?: boolean } } } | undefined
    )?.types;
    if (types?.enabled?.supported === false) {
      throw invalidRequest(
        `thinking.type.enabled is not supported for model ${model?.id}; use thinking.type.adaptive instead`,
      );
    }
  }
  if (thinking.display !== undefined && thinking.display !== null) {
    if (thinking.display !== "summarized" && thinking.display !== "omitted") {
      throw invalidRequest("thinking.display: Input should be 'summarized' or 'omitted'");
    }
  }
  if (type !== "disabled" && (toolChoice?.type === "any" || toolChoice?.type === "tool")) {
    throw invalidRequest("Thinking may not be enabled when tool_choice forces tool use.");
  }
  return thinking as unknown as ThinkingConfig;
}

const EFFORTS = ["low", "medium", "high", "xhigh", "max"];

/** `output_config`: `effort` and a structured-output `format` (`{ type: "json_schema", schema }`). */
function validateOutputConfig(value: unknown): void {
  if (value === undefined || value === null) return;
  const config = expectObject(value, "output_config");
  if (config.effort !== undefined && config.effort !== null && !EFFORTS.includes(String(config.effort))) {
    throw invalidRequest(
      `output_config.effort: Input should be ${EFFORTS.map((effort) => `'${effort}'`).join(", ")}`,
    );
  }
  if (config.format === undefined || config.format === null) return;
  const format = expectObject(config.format, "output_config.format");
  expectTag(format.type, "output_config.format", ["json_schema"]);
  expectObject(format.schema, "output_config.format.schema");
}

function validateSampling(body: Json, context: ValidationContext): void {
  for (const field of samplingFields) {
    if (body[field] === undefined) continue;
    if (context.version === CURRENT_VERSION || context.kind === "count_tokens") {
      throw invalidRequest(`${field}: Extra inputs are not permitted`);
    }
    if (field === "top_k") expectInteger(body[field], field, 0);
    else expectNumber(body[field], field, 0, 1);
  }
}

/**
 * Validates a Messages, count_tokens or batch-item body like the real API (first problem wins) and
 * normalises it. Throws a {@link MockApiError}: 400 `invalid_request_error`, or 404 for an unknown model.
 */
export function validateMessagesRequest(value: unknown, context: ValidationContext): MessagesRequest {
  const body = expectObject(value, "body");
  const allowed = context.kind === "count_tokens" ? countTokensFields : messageFields;
  for (const key of Object.keys(body)) {
    if (!allowed.includes(key) && !samplingFields.includes(key)) {
      throw invalidRequest(`${key}: Extra inputs are not permitted`);
    }
  }
  validateSampling(body, context);
  validateOutputConfig(body.output_config);
  if (body.model === undefined) throw invalidRequest("model: Field required");
  const modelId = expectString(body.model, "model", { nonEmpty: true });
  let maxTokens: number | null = null;
  if (context.kind !== "count_tokens") {
    if (body.max_tokens === undefined) throw invalidRequest("max_tokens: Field required");
    maxTokens = expectInteger(body.max_tokens, "max_tokens", 0);
  }
  if (body.messages === undefined) throw invalidRequest("messages: Field required");
  const breakpoints = new BreakpointCounter();
  const messages = validateMessages(body.messages, context, breakpoints);
  const system = validateSystem(body.system, context, breakpoints);
  const tools = validateTools(body.tools, breakpoints);
  const toolChoice = validateToolChoice(body.tool_choice, tools);
  const model = findModel(context.catalog, modelId);
  const thinking = validateThinking(body.thinking, maxTokens, model, toolChoice);
  const topLevelCache = breakpoints.read(body, "body");
  if (breakpoints.count > 4) {
    throw invalidRequest(
      `A maximum of 4 blocks with cache_control may be provided. Found ${breakpoints.count}.`,
    );
  }
  let stopSequences: string[] = [];
  if (body.stop_sequences !== undefined && body.stop_sequences !== null) {
    stopSequences = expectArray(body.stop_sequences, "stop_sequences").map((item, index) => {
      const sequence = expectString(item, `stop_sequences.${index}`);
      if (sequence.trim().length === 0) {
        throw invalidRequest(`stop_sequences.${index}: each stop sequence must contain non-whitespace`);
      }
      return sequence;
    });
  }
  if (body.stream !== undefined && typeof body.stream !== "boolean") {
    throw invalidRequest(`stream: Input should be a valid boolean, got ${describe(body.stream)}`);
  }
  if (context.kind === "batch_item" && body.stream === true) {
    throw invalidRequest("stream: streaming is not supported for requests in a Message Batch");
  }
  if (body.metadata !== undefined && body.metadata !== null) {
    const metadata = expectObject(body.metadata, "metadata");
    if (metadata.user_id !== undefined && metadata.user_id !== null)
      expectString(metadata.user_id, "metadata.user_id");
  }
  if (!model || model.lifecycle === "retired") {
    throw new MockApiError("not_found_error", `model: ${modelId}`);
  }
  if (maxTokens !== null && model.max_tokens !== null && maxTokens > model.max_tokens) {
    throw invalidRequest(
      `max_tokens: ${maxTokens} > ${model.max_tokens}, which is the maximum allowed number of output tokens for ${model.id}`,
    );
  }
  return {
    model: modelId,
    max_tokens: maxTokens,
    messages,
    system,
    tools,
    tool_choice: toolChoice,
    thinking,
    stop_sequences: stopSequences,
    stream: body.stream === true,
    cache_control: topLevelCache,
    raw: body,
  };
}
