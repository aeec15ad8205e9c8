import { invalidRequest, MockApiError } from "./errors.js";
import { type CatalogModel, findModel } from "./models-catalog.js";
import type {
  CacheControl,
  MessagesRequest,
  RequestBlock,
  RequestMessage,
  RequestTool,
  ThinkingConfig,
  ToolChoice,
} from "./types.js";

/** `anthropic-version` values the mock accepts. */
export const SUPPORTED_VERSIONS = ["2023-01-01", "2023-06-01", "2026-10-21"] as const;
/** The version with the stricter Messages rules (no sampling params, no assistant documents, …). */
export const CURRENT_VERSION = "2026-10-21";

/** Which endpoint the body was sent to; each accepts a different set of fields. */
export type RequestKind = "messages" | "count_tokens" | "batch_item";

export interface ValidationContext {
  kind: RequestKind;
  version: string;
  catalog: readonly CatalogModel[];
}

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

const userBlockTypes = ["text", "image", "document", "search_result", "tool_result", "container_upload"];
const assistantBlockTypes = [
  "text",
  "thinking",
  "redacted_thinking",
  "tool_use",
  "server_tool_use",
  "web_search_tool_result",
  "web_fetch_tool_result",
  "code_execution_tool_result",
  "bash_code_execution_tool_result",
  "text_editor_code_execution_tool_result",
  "tool_search_tool_result",
  "container_upload",
  "mcp_tool_use",
  "mcp_tool_result",
  "compaction",
  "document",
];
const imageMediaTypes = ["image/jpeg", "image/png", "image/gif", "image/webp"];
const NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? "a string" : `a ${typeof value}`;
}

function expectString(value: unknown, path: string, options: { nonEmpty?: boolean } = {}): string {
  if (typeof value !== "string")
    throw invalidRequest(`${path}: Input should be a valid string, got ${describe(value)}`);
  if (options.nonEmpty && value.length === 0)
    throw invalidRequest(`${path}: String should have at least 1 character`);
  return value;
}

function expectObject(value: unknown, path: string): Json {
  if (!isObject(value))
    throw invalidRequest(`${path}: Input should be a valid dictionary or object, got ${describe(value)}`);
  return value;
}

function expectArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value))
    throw invalidRequest(`${path}: Input should be a valid list, got ${describe(value)}`);
  return value;
}

function expectNumber(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw invalidRequest(`${path}: Input should be a valid number, got ${describe(value)}`);
  }
  if (value < min || value > max) throw invalidRequest(`${path}: Input should be between ${min} and ${max}`);
  return value;
}

function expectInteger(value: unknown, path: string, min: number): number {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw invalidRequest(`${path}: Input should be a valid integer, got ${describe(value)}`);
  }
  if (value < min) throw invalidRequest(`${path}: Input should be greater than or equal to ${min}`);
  return value;
}

/** Counts `cache_control` breakpoints so the request can be checked against the limit of 4. */
class BreakpointCounter {
  count = 0;
  read(owner: Json, path: string): CacheControl | null {
    const value = owner.cache_control;
    if (value === undefined || value === null) return null;
    const cacheControl = expectObject(value, `${path}.cache_control`);
    if (cacheControl.type !== "ephemeral") {
      throw invalidRequest(`${path}.cache_control.type: Input should be 'ephemeral'`);
    }
    if (cacheControl.ttl !== undefined && cacheControl.ttl !== "5m" && cacheControl.ttl !== "1h") {
      throw invalidRequest(`${path}.cache_control.ttl: Input should be '5m' or '1h'`);
    }
    this.count++;
    return cacheControl as unknown as CacheControl;
  }
}

function validateSource(block: Json, path: string, kind: "image" | "document"): void {
  const source = expectObject(block.source, `${path}.source`);
  const type = source.type;
  const allowed = kind === "image" ? ["base64", "url", "file"] : ["base64", "text", "content", "url", "file"];
  if (typeof type !== "string" || !allowed.includes(type)) {
    throw invalidRequest(
      `${path}.source: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: ${allowed.map((tag) => `'${tag}'`).join(", ")}`,
    );
  }
  if (type === "base64") {
    const mediaTypes = kind === "image" ? imageMediaTypes : ["application/pdf"];
    if (typeof source.media_type !== "string" || !mediaTypes.includes(source.media_type)) {
      throw invalidRequest(
        `${path}.source.media_type: Input should be ${mediaTypes.map((media) => `'${media}'`).join(" or ")}`,
      );
    }
    expectString(source.data, `${path}.source.data`, { nonEmpty: true });
  } else if (type === "text") {
    if (source.media_type !== "text/plain")
      throw invalidRequest(`${path}.source.media_type: Input should be 'text/plain'`);
    expectString(source.data, `${path}.source.data`);
  } else if (type === "content") {
    if (typeof source.content !== "string") expectArray(source.content, `${path}.source.content`);
  } else if (type === "url") {
    expectString(source.url, `${path}.source.url`, { nonEmpty: true });
  } else {
    expectString(source.file_id, `${path}.source.file_id`, { nonEmpty: true });
  }
}

function validateTextBlock(block: Json, path: string, role: string, version: string): void {
  const text = expectString(block.text, `${path}.text`);
  if (text.length === 0) throw invalidRequest(`${path}.text: text content blocks must be non-empty`);
  const citations = block.citations;
  if (citations !== undefined && citations !== null) {
    const list = expectArray(citations, `${path}.citations`);
    if (role === "user" && list.length > 0 && version === CURRENT_VERSION) {
      throw invalidRequest(
        `${path}.citations: citations are not allowed on text blocks in user messages under anthropic-version ${CURRENT_VERSION}`,
      );
    }
  }
}

function validateBlock(
  value: unknown,
  path: string,
  role: RequestMessage["role"],
  context: ValidationContext,
  breakpoints: BreakpointCounter,
): RequestBlock {
  const block = expectObject(value, path);
  const type = block.type;
  const allowed = role === "user" ? userBlockTypes : role === "assistant" ? assistantBlockTypes : ["text"];
  const everyType = new Set([...userBlockTypes, ...assistantBlockTypes]);
  if (typeof type !== "string" || !everyType.has(type)) {
    throw invalidRequest(
      `${path}: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: ${allowed.map((tag) => `'${tag}'`).join(", ")}`,
    );
  }
  if (!allowed.includes(type)) {
    throw invalidRequest(`${path}.type: '${type}' blocks are not allowed in ${role} messages`);
  }
  if (type === "document" && role === "assistant" && context.version === CURRENT_VERSION) {
    throw invalidRequest(
      `${path}: document blocks are not allowed in assistant messages under anthropic-version ${CURRENT_VERSION}`,
    );
  }
  if (type !== "thinking" && type !== "redacted_thinking") breakpoints.read(block, path);
  switch (type) {
    case "text":
      validateTextBlock(block, path, role, context.version);
      break;
    case "image":
      validateSource(block, path, "image");
      break;
    case "document":
      validateSource(block, path, "document");
      if (block.citations !== undefined && block.citations !== null)
        expectObject(block.citations, `${path}.citations`);
      break;
    case "search_result":
      expectString(block.source, `${path}.source`);
      expectString(block.title, `${path}.title`);
      expectArray(block.content, `${path}.content`).forEach((item, index) => {
        validateBlock(item, `${path}.content.${index}`, "system", context, breakpoints);
      });
      break;
    case "tool_use":
    case "server_tool_use":
      expectString(block.id, `${path}.id`, { nonEmpty: true });
      expectString(block.name, `${path}.name`, { nonEmpty: true });
      expectObject(block.input, `${path}.input`);
      break;
    case "tool_result":
      expectString(block.tool_use_id, `${path}.tool_use_id`, { nonEmpty: true });
      if (block.content !== undefined && typeof block.content !== "string")
        expectArray(block.content, `${path}.content`);
      break;
    case "thinking":
      expectString(block.thinking, `${path}.thinking`);
      expectString(block.signature, `${path}.signature`);
      break;
    case "redacted_thinking":
      expectString(block.data, `${path}.data`);
      break;
    default:
      break;
  }
  return block as RequestBlock;
}

function validateMessages(
  value: unknown,
  context: ValidationContext,
  breakpoints: BreakpointCounter,
): RequestMessage[] {
  const list = expectArray(value, "messages");
  if (list.length === 0) throw invalidRequest("messages: at least one message is required");
  if (list.length > 100_000) throw invalidRequest("messages: a request may contain at most 100000 messages");
  const messages = list.map((item, index): RequestMessage => {
    const path = `messages.${index}`;
    const message = expectObject(item, path);
    const role = message.role;
    if (role !== "user" && role !== "assistant" && role !== "system") {
      throw invalidRequest(`${path}.role: Input should be 'user', 'assistant' or 'system'`);
    }
    const isFinalAssistant = index === list.length - 1 && role === "assistant";
    let content: RequestBlock[];
    if (typeof message.content === "string") {
      content = message.content.length > 0 ? [{ type: "text", text: message.content }] : [];
    } else {
      content = expectArray(message.content, `${path}.content`).map((block, blockIndex) =>
        validateBlock(block, `${path}.content.${blockIndex}`, role, context, breakpoints),
      );
    }
    if (content.length === 0 && !isFinalAssistant) {
      throw invalidRequest(
        `${path}: all messages must have non-empty content except for the optional final assistant message`,
      );
    }
    for (const key of Object.keys(message)) {
      if (key !== "role" && key !== "content")
        throw invalidRequest(`${path}.${key}: Extra inputs are not permitted`);
    }
    return { role, content };
  });
  if (messages[0]?.role !== "user")
    throw invalidRequest('messages.0.role: first message must use the "user" role');
  validateTurns(messages);
  return messages;
}

/** Tool results must answer the `tool_use` blocks of the assistant turn just before them, and only those. */
function validateTurns(messages: RequestMessage[]): void {
  // Consecutive turns of one role are merged, as the API does; each group remembers its first index.
  const groups: Array<{ role: string; index: number; blocks: RequestBlock[] }> = [];
  messages.forEach((message, index) => {
    const last = groups[groups.length - 1];
    if (last && last.role === message.role) last.blocks.push(...message.content);
    else groups.push({ role: message.role, index, blocks: [...message.content] });
  });
  groups.forEach((group, groupIndex) => {
    const previous = groups[groupIndex - 1];
    const next = groups[groupIndex + 1];
    if (group.role === "system" && previous?.role !== "user") {
      throw invalidRequest(`messages.${group.index}: a system message must follow a user message`);
    }
    const toolUseIds = group.blocks
      .filter((block) => block.type === "tool_use")
      .map((block) => String(block.id));
    if (group.role === "assistant" && toolUseIds.length > 0 && next) {
      const answered = new Set(
        next.role === "user"
          ? next.blocks
              .filter((block) => block.type === "tool_result")
              .map((block) => String(block.tool_use_id))
          : [],
      );
      const missing = toolUseIds.filter((id) => !answered.has(id));
      if (missing.length > 0) {
        throw invalidRequest(
          `messages.${next.index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
        );
      }
    }
    if (group.role === "user") {
      const known = new Set(
        previous?.role === "assistant"
          ? previous.blocks.filter((block) => block.type === "tool_use").map((block) => String(block.id))
          : [],
      );
      const unexpected = group.blocks
        .filter((block) => block.type === "tool_result" && !known.has(String(block.tool_use_id)))
        .map((block) => String(block.tool_use_id));
      if (unexpected.length > 0) {
        throw invalidRequest(
          `messages.${group.index}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.join(", ")}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
        );
      }
    }
  });
  const last = messages[messages.length - 1];
  const lastBlock = last?.content[last.content.length - 1];
  if (last?.role === "assistant" && lastBlock?.type === "text" && /\s$/.test(String(lastBlock.text))) {
    throw invalidRequest("final assistant content cannot end with trailing whitespace");
  }
}

function validateSystem(
  value: unknown,
  context: ValidationContext,
  breakpoints: BreakpointCounter,
): RequestBlock[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return value.length > 0 ? [{ type: "text", text: value }] : [];
  return expectArray(value, "system").map((block, index) => {
    const path = `system.${index}`;
    const object = expectObject(block, path);
    if (object.type !== "text") throw invalidRequest(`${path}.type: Input should be 'text'`);
    return validateBlock(object, path, "system", context, breakpoints);
  });
}

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
      throw invalidRequest(
        `${path}: Input tag '${String(type)}' found using 'type' does not match any of the expected tags`,
      );
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
  const type = choice.type;
  if (type !== "auto" && type !== "any" && type !== "tool" && type !== "none") {
    throw invalidRequest(
      `tool_choice: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'`,
    );
  }
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
  const type = thinking.type;
  if (type !== "enabled" && type !== "adaptive" && type !== "disabled" && type !== "between_tools") {
    throw invalidRequest(
      `thinking: Input tag '${String(type)}' found using 'type' does not match any of the expected tags: 'enabled', 'adaptive', 'disabled', 'between_tools'`,
    );
  }
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
