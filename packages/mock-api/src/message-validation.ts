import { invalidRequest } from "./errors.js";
import {
  expectArray,
  expectObject,
  expectString,
  expectTag,
  type Json,
  unknownTag,
} from "./internal/field-checks.js";
import type { CacheControl, RequestBlock, RequestMessage } from "./types.js";
import { CURRENT_VERSION, type ValidationContext } from "./validation-context.js";

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
/** Largest image the API takes, decoded (its documented 5 MB per image). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const HTTP_URL = /^https?:\/\/[^\s/]+/i;

/** The first bytes of each format the API takes, to tell a mislabelled file (as the API does). */
const signatures: Array<{ mediaType: string; matches: (bytes: Uint8Array) => boolean }> = [
  { mediaType: "image/png", matches: (bytes) => startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) },
  { mediaType: "image/jpeg", matches: (bytes) => startsWith(bytes, [0xff, 0xd8, 0xff]) },
  { mediaType: "image/gif", matches: (bytes) => startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) },
  {
    mediaType: "image/webp",
    matches: (bytes) =>
      startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes.subarray(8), [0x57, 0x45, 0x42, 0x50]),
  },
  { mediaType: "application/pdf", matches: (bytes) => startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** The first 12 bytes a base64 string encodes (enough for a file signature); `data` is valid base64. */
function leadingBytes(data: string): Uint8Array {
  // 16 characters are whole 4-character groups, and only the last group of valid base64 holds padding.
  const head = atob(data.length <= 16 ? data : data.slice(0, 16));
  return Uint8Array.from(head, (character) => character.charCodeAt(0));
}

/** Size in bytes of the data a base64 string encodes. */
function decodedSize(data: string): number {
  const padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

/** Checks base64 file data like the API: valid base64, within the size limit, of the declared format. */
function validateBase64Data(data: string, mediaType: string, path: string, kind: "image" | "document"): void {
  if (data.length % 4 !== 0 || !BASE64.test(data)) {
    throw invalidRequest(`${path}.source.data: Input should be valid base64 data`);
  }
  const size = decodedSize(data);
  if (kind === "image" && size > MAX_IMAGE_BYTES) {
    throw invalidRequest(
      `${path}.source.base64: image exceeds 5 MB maximum: ${size} bytes > ${MAX_IMAGE_BYTES} bytes`,
    );
  }
  const actual = signatures.find((signature) => signature.matches(leadingBytes(data)))?.mediaType;
  if (actual !== mediaType) {
    const what = kind === "image" ? "Image" : "Document";
    const found = actual ? ` (the data looks like ${actual})` : "";
    throw invalidRequest(
      `${path}.source: ${what} does not match the provided media type ${mediaType}${found}`,
    );
  }
}
export class BreakpointCounter {
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
  const allowed = kind === "image" ? ["base64", "url", "file"] : ["base64", "text", "content", "url", "file"];
  const type = expectTag(source.type, `${path}.source`, allowed);
  if (type === "base64") {
    const mediaTypes = kind === "image" ? imageMediaTypes : ["application/pdf"];
    if (typeof source.media_type !== "string" || !mediaTypes.includes(source.media_type)) {
      throw invalidRequest(
        `${path}.source.media_type: Input should be ${mediaTypes.map((media) => `'${media}'`).join(" or ")}`,
      );
    }
    const data = expectString(source.data, `${path}.source.data`, { nonEmpty: true });
    validateBase64Data(data, source.media_type, path, kind);
  } else if (type === "text") {
    if (source.media_type !== "text/plain")
      throw invalidRequest(`${path}.source.media_type: Input should be 'text/plain'`);
    expectString(source.data, `${path}.source.data`);
  } else if (type === "content") {
    if (typeof source.content !== "string") expectArray(source.content, `${path}.source.content`);
  } else if (type === "url") {
    const url = expectString(source.url, `${path}.source.url`, { nonEmpty: true });
    if (!HTTP_URL.test(url))
      throw invalidRequest(`${path}.source.url: Input should be a valid http or https URL`);
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
  if (typeof type !== "string" || !everyType.has(type)) throw unknownTag(type, path, allowed);
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

export function validateMessages(
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

export function validateSystem(
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
