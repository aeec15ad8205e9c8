import { type ChatMessage, toRequestMessages } from "./chat-message.js";
import type { MessageStreamParams, ThinkingConfigParam, ToolUnion } from "./internal/types.js";
import type { ChatTool } from "./tool-runner.js";

/** The model a chat uses when its options name none. */
export const DEFAULT_CHAT_MODEL = "claude-sonnet-4-6";

/** The default `max_tokens` of a chat request. */
const DEFAULT_MAX_TOKENS = 1024;

/** The options of a chat that shape its requests (a subset of `ChatOptions`). */
export interface ChatRequestOptions {
  /**
   * The model for every request.
   * @default DEFAULT_CHAT_MODEL ("claude-sonnet-4-6")
   */
  model?: string | undefined;
  /** @default 1024 */
  maxTokens?: number | undefined;
  system?: MessageStreamParams["system"] | undefined;
  thinking?: ThinkingConfigParam | undefined;
  /** Client-side tools by name. */
  tools?: Record<string, ChatTool<never>> | undefined;
  /** Any other request params (server tools in `tools`, `temperature`, `tool_choice`, `metadata`...). */
  params?: Partial<Omit<MessageStreamParams, "messages" | "model">> | undefined;
}

/**
 * The streaming request that answers a conversation: its messages as the API takes them (see
 * `toRequestMessages`; `continuing` prefills the last reply to extend it), the client-side tools' definitions
 * (without `run` and `needsApproval`) followed by any server tools in `params.tools`, and the other options.
 * A pure function: the same options and messages give the same request.
 *
 * @example
 * const request = buildChatRequest({ model: "claude-sonnet-4-6", system: "Be brief." }, chat.messages);
 */
export function buildChatRequest(
  options: ChatRequestOptions,
  messages: readonly ChatMessage[],
  continuing = false,
): MessageStreamParams {
  const {
    model = DEFAULT_CHAT_MODEL,
    maxTokens = DEFAULT_MAX_TOKENS,
    system,
    thinking,
    tools = {},
    params = {},
  } = options;
  const toolDefinitions: ToolUnion[] = Object.entries(tools).map(([name, tool]) => {
    const { run: _run, needsApproval: _needsApproval, ...definition } = tool;
    return { name, ...definition } as ToolUnion;
  });
  const allTools = [...toolDefinitions, ...((params.tools as ToolUnion[] | undefined) ?? [])];
  return {
    ...params,
    model,
    max_tokens: maxTokens,
    messages: toRequestMessages(messages, continuing),
    ...(system !== undefined ? { system } : {}),
    ...(thinking !== undefined ? { thinking } : {}),
    ...(allTools.length > 0 ? { tools: allTools } : {}),
  } as MessageStreamParams;
}
