import { AnthropicError } from "@colloquy/client";
import {
  addUsage,
  type ChatAssistantMessage,
  type ChatMessage,
  type ChatUsageTotals,
  createChatMessageId,
  emptyUsageTotals,
  isToolResultMessage,
  mergeContinuation,
  toChatMessages,
  toRequestMessages,
} from "./chat-message.js";
import type {
  AnthropicClient,
  ContentBlock,
  ContentBlockParam,
  MessageParam,
  MessageStreamParams,
  StopReason,
  ThinkingConfigParam,
  ToolResultBlockParam,
  ToolUnion,
  ToolUseBlock,
} from "./internal/types.js";
import { MessageStreamStore } from "./message-stream-store.js";

/** A tool the model may call, run in the app. The object key in `tools` is its name. */
export interface ChatTool<Input = Record<string, unknown>> {
  description?: string | undefined;
  /** JSON Schema of the input object. */
  input_schema: { type: "object"; properties?: unknown; required?: string[] | null; [key: string]: unknown };
  /**
   * Runs the call; the value is sent back as the tool result (strings as they are, anything else as JSON).
   * A thrown error is sent back as a result with `is_error: true`. Without `run`, the loop stops at the
   * call and the app answers with `send([{ type: "tool_result", ... }])`.
   */
  run?: ((input: Input, context: { toolUseId: string; signal: AbortSignal }) => unknown) | undefined;
  /**
   * Wait for a human yes before running (see `approveToolCall` and `pendingToolCalls`).
   * @default false
   */
  needsApproval?: boolean | ((input: Input) => boolean) | undefined;
}

/** A tool call waiting for approval. */
export interface PendingToolCall {
  id: string;
  name: string;
  input: unknown;
}

/**
 * What the conversation is doing: waiting for the first event (`connecting`), `streaming` a reply,
 * `running-tools`, `awaiting-approval` of a tool call, or resting (`idle`, `done`, `error`, `aborted`).
 */
export type ChatStatus =
  | "idle"
  | "connecting"
  | "streaming"
  | "running-tools"
  | "awaiting-approval"
  | "done"
  | "error"
  | "aborted";

/** The model a chat uses when its options name none. */
export const DEFAULT_CHAT_MODEL = "claude-sonnet-4-6";

/** Options of a {@link ChatStore} (and `useChat`). */
export interface ChatOptions {
  client?: AnthropicClient | undefined;
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
  initialMessages?: readonly (ChatMessage | MessageParam)[] | undefined;
  /**
   * Most requests one `send` may make through tool calls and automatic continuations.
   * @default 10
   */
  maxSteps?: number | undefined;
  /**
   * Continue automatically when a reply stops with `pause_turn`.
   * @default true
   */
  autoContinue?: boolean | undefined;
  /**
   * Decides tool calls that need approval; without it they wait in `pendingToolCalls` for
   * `approveToolCall(id)` or `denyToolCall(id)`.
   */
  approveToolCall?: ((call: PendingToolCall) => boolean | Promise<boolean>) | undefined;
  /** See `MessageStreamStoreOptions.throttleMs`. @default undefined (once per frame) */
  throttleMs?: number | undefined;
  onFinish?: ((message: ChatAssistantMessage) => void) | undefined;
  onError?: ((error: AnthropicError) => void) | undefined;
}

/** The conversation as a component renders it. */
export interface ChatSnapshot {
  messages: ChatMessage[];
  status: ChatStatus;
  error: AnthropicError | null;
  /** Token usage summed over every request. */
  usage: ChatUsageTotals;
  /** The stop reason of the last reply (`refusal`, `max_tokens`, ...). */
  stopReason: StopReason | null;
  /** Tool calls waiting for `approveToolCall` / `denyToolCall`. */
  pendingToolCalls: PendingToolCall[];
}

interface Turn {
  controller: AbortController;
}

/**
 * A framework-free conversation: it streams replies through a {@link MessageStreamStore}, runs the tool
 * loop and keeps the message list. `useChat` is a thin React adapter over it.
 */
export class ChatStore {
  #options: ChatOptions;
  #stream: MessageStreamStore;
  #listeners = new Set<() => void>();
  #snapshot: ChatSnapshot;
  #turn: Turn | null = null;
  #approvals = new Map<string, (approved: boolean, reason?: string) => void>();
  /** The assistant message being streamed and, when continuing, what it had before. */
  #streaming: { id: string; base: ContentBlock[] } | null = null;

  constructor(options: ChatOptions) {
    this.#options = options;
    this.#snapshot = {
      messages: toChatMessages(options.initialMessages ?? []),
      status: "idle",
      error: null,
      usage: emptyUsageTotals,
      stopReason: null,
      pendingToolCalls: [],
    };
    this.#stream = new MessageStreamStore({ client: options.client, throttleMs: options.throttleMs });
    this.#stream.subscribe(() => this.#onStreamUpdate());
  }

  setOptions(options: ChatOptions): void {
    this.#options = options;
    this.#stream.setOptions({ client: options.client, throttleMs: options.throttleMs });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  getSnapshot = (): ChatSnapshot => this.#snapshot;

  /** Whether a request, a tool run or an approval is in progress. */
  get busy(): boolean {
    return this.#turn !== null;
  }

  /** Adds a user turn (text or content blocks) and answers it, aborting whatever was in progress. */
  send(input: string | ContentBlockParam[]): Promise<void> {
    this.#interrupt();
    const content: ContentBlockParam[] = typeof input === "string" ? [{ type: "text", text: input }] : input;
    this.#update({
      messages: [...this.#snapshot.messages, { id: createChatMessageId(), role: "user", content }],
    });
    return this.#run(false);
  }

  /** Aborts the request or tool run in progress; the partial reply stays, marked `stopped`. */
  stop(): void {
    if (!this.#turn) return;
    this.#interrupt();
    this.#update({ status: "aborted", pendingToolCalls: [] });
  }

  /** Answers the last user turn again, replacing the replies after it. */
  regenerate(): Promise<void> {
    this.#interrupt();
    const messages = this.#snapshot.messages;
    let index = messages.length - 1;
    while (index >= 0 && (messages[index]?.role !== "user" || isToolResultMessage(messages[index]!))) index--;
    if (index < 0) return Promise.resolve();
    this.#update({ messages: messages.slice(0, index + 1) });
    return this.#run(false);
  }

  /** Resends after an error or a stop, dropping the unfinished reply but never duplicating the user turn. */
  retry(): Promise<void> {
    this.#interrupt();
    const messages = [...this.#snapshot.messages];
    while (messages.length > 0) {
      const last = messages[messages.length - 1]!;
      if (last.role === "assistant" && last.status !== "complete") messages.pop();
      else break;
    }
    const last = messages[messages.length - 1];
    if (!last) return Promise.resolve();
    this.#update({ messages });
    // A complete reply that stopped on tool_use is picked up where it left off.
    if (last.role === "assistant") return this.#afterReply(last, this.#options.maxSteps ?? 10);
    return this.#run(false);
  }

  /** Replaces the user message at `index` and answers it again, dropping everything after it. */
  edit(index: number, content: string | ContentBlockParam[]): Promise<void> {
    const target = this.#snapshot.messages[index];
    if (target?.role !== "user")
      throw new AnthropicError(`edit(${index}): only a user message can be edited`);
    this.#interrupt();
    const blocks: ContentBlockParam[] =
      typeof content === "string" ? [{ type: "text", text: content }] : content;
    this.#update({ messages: [...this.#snapshot.messages.slice(0, index), { ...target, content: blocks }] });
    return this.#run(false);
  }

  /** Continues a reply cut by `max_tokens`, appending to the same message. */
  continue(): Promise<void> {
    const last = this.#snapshot.messages[this.#snapshot.messages.length - 1];
    if (last?.role !== "assistant" || last.status !== "complete") return Promise.resolve();
    this.#interrupt();
    return this.#run(true);
  }

  /** Replaces the conversation (aborting anything in progress). */
  setMessages(
    messages: readonly (ChatMessage | MessageParam)[] | ((current: ChatMessage[]) => ChatMessage[]),
  ): void {
    this.#interrupt();
    const next =
      typeof messages === "function" ? messages(this.#snapshot.messages) : toChatMessages(messages);
    this.#update({ messages: next, status: "idle", error: null, pendingToolCalls: [] });
  }

  /** Lets a tool call that waits for approval run. */
  approveToolCall(toolUseId: string): void {
    this.#approvals.get(toolUseId)?.(true);
  }

  /** Refuses a tool call that waits for approval; the model is told, with `reason` if given. */
  denyToolCall(toolUseId: string, reason?: string): void {
    this.#approvals.get(toolUseId)?.(false, reason);
  }

  /** Streams replies until one needs nothing more: tool calls are run and answered, `pause_turn` resumed. */
  async #run(continuing: boolean, stepsLeft = this.#options.maxSteps ?? 10): Promise<void> {
    const turn: Turn = { controller: new AbortController() };
    this.#turn = turn;
    let messages = this.#snapshot.messages;
    let reply: ChatAssistantMessage;
    if (continuing) {
      reply = messages[messages.length - 1] as ChatAssistantMessage;
      this.#streaming = { id: reply.id, base: reply.content };
      reply = { ...reply, status: "streaming" };
      messages = [...messages.slice(0, -1), reply];
    } else {
      reply = {
        id: createChatMessageId(),
        role: "assistant",
        content: [],
        status: "streaming",
        stopReason: null,
        usage: null,
      };
      this.#streaming = { id: reply.id, base: [] };
      messages = [...messages, reply];
    }
    const requestMessages = toRequestMessages(this.#snapshot.messages, continuing);
    this.#update({ messages, status: "connecting", error: null, stopReason: null, pendingToolCalls: [] });

    const result = await this.#stream.send(this.#buildParams(requestMessages), {
      signal: turn.controller.signal,
    });
    if (this.#turn !== turn) return;
    const base = this.#streaming?.base ?? [];
    this.#streaming = null;

    if (result.status !== "done") {
      const content = mergeContinuation(base, result.message?.content ?? []);
      const status = result.status === "error" ? "interrupted" : "stopped";
      const kept = content.length > 0 ? [{ ...reply, content, status } as ChatAssistantMessage] : [];
      this.#turn = null;
      if (result.status === "error") {
        this.#update({ messages: this.#replace(reply.id, kept), status: "error", error: result.error });
        this.#options.onError?.(result.error);
      } else {
        this.#update({ messages: this.#replace(reply.id, kept), status: "aborted" });
      }
      return;
    }

    const message = result.message;
    const finished: ChatAssistantMessage = {
      ...reply,
      content: mergeContinuation(base, message.content),
      status: "complete",
      stopReason: message.stop_reason,
      usage: message.usage,
    };
    this.#update({
      messages: this.#replace(reply.id, [finished]),
      usage: addUsage(this.#snapshot.usage, message.usage),
      stopReason: message.stop_reason,
    });
    this.#turn = null;
    await this.#afterReply(finished, stepsLeft - 1);
  }

  /** Decides what follows a complete reply: tool results, an automatic continuation, or rest. */
  async #afterReply(reply: ChatAssistantMessage, stepsLeft: number): Promise<void> {
    const { tools = {}, autoContinue = true } = this.#options;
    if (reply.stopReason === "pause_turn" && autoContinue && stepsLeft > 0) return this.#run(true, stepsLeft);
    const calls = reply.content.filter((block): block is ToolUseBlock => block.type === "tool_use");
    const runnable =
      reply.stopReason === "tool_use" && calls.length > 0 && calls.every((call) => tools[call.name]?.run);
    if (!runnable || stepsLeft <= 0) {
      this.#update({ status: "done" });
      this.#options.onFinish?.(reply);
      return;
    }

    const turn: Turn = { controller: new AbortController() };
    this.#turn = turn;
    const results = await this.#runTools(calls, turn);
    if (this.#turn !== turn || !results) return;
    this.#turn = null;
    this.#update({
      messages: [...this.#snapshot.messages, { id: createChatMessageId(), role: "user", content: results }],
    });
    return this.#run(false, stepsLeft);
  }

  async #runTools(calls: ToolUseBlock[], turn: Turn): Promise<ToolResultBlockParam[] | null> {
    const tools = this.#options.tools ?? {};
    const decisions = await Promise.all(calls.map((call) => this.#approve(call, tools[call.name]!, turn)));
    if (this.#turn !== turn) return null;
    this.#update({ status: "running-tools", pendingToolCalls: [] });
    return Promise.all(
      calls.map(async (call, index): Promise<ToolResultBlockParam> => {
        const decision = decisions[index]!;
        if (!decision.approved) {
          const text = decision.reason
            ? `The user denied this tool call: ${decision.reason}`
            : "The user denied this tool call.";
          return { type: "tool_result", tool_use_id: call.id, content: text, is_error: true };
        }
        try {
          const tool = tools[call.name] as ChatTool<unknown>;
          const output = await tool.run!(call.input, { toolUseId: call.id, signal: turn.controller.signal });
          return {
            type: "tool_result",
            tool_use_id: call.id,
            content: typeof output === "string" ? output : JSON.stringify(output ?? null),
          };
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          return { type: "tool_result", tool_use_id: call.id, content: text, is_error: true };
        }
      }),
    );
  }

  async #approve(
    call: ToolUseBlock,
    tool: ChatTool<never>,
    turn: Turn,
  ): Promise<{ approved: boolean; reason?: string }> {
    const needsApproval =
      typeof tool.needsApproval === "function"
        ? (tool.needsApproval as (input: unknown) => boolean)(call.input)
        : tool.needsApproval;
    if (!needsApproval) return { approved: true };
    const pending: PendingToolCall = { id: call.id, name: call.name, input: call.input };
    if (this.#options.approveToolCall) return { approved: await this.#options.approveToolCall(pending) };
    return new Promise((resolve) => {
      const settle = (approved: boolean, reason?: string) => {
        this.#approvals.delete(call.id);
        turn.controller.signal.removeEventListener("abort", onAbort);
        if (this.#turn === turn) {
          this.#update({
            pendingToolCalls: this.#snapshot.pendingToolCalls.filter((item) => item.id !== call.id),
          });
        }
        resolve(reason === undefined ? { approved } : { approved, reason });
      };
      const onAbort = () => settle(false);
      turn.controller.signal.addEventListener("abort", onAbort, { once: true });
      this.#approvals.set(call.id, settle);
      this.#update({
        status: "awaiting-approval",
        pendingToolCalls: [...this.#snapshot.pendingToolCalls, pending],
      });
    });
  }

  #buildParams(messages: MessageParam[]): MessageStreamParams {
    const {
      model = DEFAULT_CHAT_MODEL,
      maxTokens = 1024,
      system,
      thinking,
      tools = {},
      params = {},
    } = this.#options;
    const toolDefinitions: ToolUnion[] = Object.entries(tools).map(([name, tool]) => {
      const { run: _run, needsApproval: _needsApproval, ...definition } = tool;
      return { name, ...definition } as ToolUnion;
    });
    const allTools = [...toolDefinitions, ...((params.tools as ToolUnion[] | undefined) ?? [])];
    return {
      ...params,
      model,
      max_tokens: maxTokens,
      messages,
      ...(system !== undefined ? { system } : {}),
      ...(thinking !== undefined ? { thinking } : {}),
      ...(allTools.length > 0 ? { tools: allTools } : {}),
    } as MessageStreamParams;
  }

  /** Shows each streamed update in the reply being written. */
  #onStreamUpdate(): void {
    const streaming = this.#streaming;
    const snapshot = this.#stream.getSnapshot();
    if (!streaming || (snapshot.status !== "streaming" && snapshot.status !== "connecting")) return;
    const content = mergeContinuation(streaming.base, snapshot.message?.content ?? []);
    const messages = this.#snapshot.messages.map((message) =>
      message.id === streaming.id && message.role === "assistant"
        ? { ...message, content, usage: snapshot.usage, stopReason: snapshot.stopReason }
        : message,
    );
    this.#update({ messages, status: snapshot.status });
  }

  /** Stops the current turn without publishing (the caller publishes the next state). */
  #interrupt(): void {
    const turn = this.#turn;
    if (!turn) return;
    this.#turn = null;
    turn.controller.abort();
    for (const settle of [...this.#approvals.values()]) settle(false);
    const streaming = this.#streaming;
    this.#streaming = null;
    if (streaming) {
      const partial = this.#stream.getSnapshot().message?.content ?? [];
      const content = mergeContinuation(streaming.base, partial);
      this.#update({
        messages: this.#replace(
          streaming.id,
          content.length > 0
            ? [
                {
                  ...(this.#find(streaming.id) as ChatAssistantMessage),
                  content,
                  status: streaming.base.length > 0 ? "complete" : "stopped",
                },
              ]
            : [],
        ),
      });
    }
  }

  #find(id: string): ChatMessage | undefined {
    return this.#snapshot.messages.find((message) => message.id === id);
  }

  #replace(id: string, replacement: ChatMessage[]): ChatMessage[] {
    const index = this.#snapshot.messages.findIndex((message) => message.id === id);
    if (index < 0) return [...this.#snapshot.messages, ...replacement];
    return [
      ...this.#snapshot.messages.slice(0, index),
      ...replacement,
      ...this.#snapshot.messages.slice(index + 1),
    ];
  }

  #update(patch: Partial<ChatSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
