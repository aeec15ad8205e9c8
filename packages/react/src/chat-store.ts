import { AnthropicError } from "@colloquy/client";
import { buildChatRequest, type ChatRequestOptions } from "./build-chat-request.js";
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
} from "./chat-message.js";
import { Subscribable } from "./internal/subscribable.js";
import type {
  AnthropicClient,
  ContentBlock,
  ContentBlockParam,
  MessageParam,
  StopReason,
  ToolUseBlock,
} from "./internal/types.js";
import { MessageStreamStore } from "./message-stream-store.js";
import { canRunToolCalls, type PendingToolCall, ToolRunner } from "./tool-runner.js";

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

/** Options of a {@link ChatStore} (and `useChat`). */
export interface ChatOptions extends ChatRequestOptions {
  client?: AnthropicClient | undefined;
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
 * A framework-free conversation: it streams replies through a {@link MessageStreamStore}, answers tool
 * calls through a {@link ToolRunner} and keeps the message list. Its actions are arrow-function fields, so
 * they can be passed around unbound (`useChat` returns them as they are).
 */
export class ChatStore extends Subscribable {
  #options: ChatOptions;
  #stream: MessageStreamStore;
  #tools = new ToolRunner();
  #snapshot: ChatSnapshot;
  #turn: Turn | null = null;
  /** The assistant message being streamed and, when continuing, what it had before. */
  #streaming: { id: string; base: ContentBlock[] } | null = null;

  constructor(options: ChatOptions) {
    super();
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

  /** Replaces the options; they apply from the next request on. */
  setOptions(options: ChatOptions): void {
    this.#options = options;
    this.#stream.setOptions({ client: options.client, throttleMs: options.throttleMs });
  }

  getSnapshot = (): ChatSnapshot => this.#snapshot;

  /** Whether a request, a tool run or an approval is in progress. */
  get busy(): boolean {
    return this.#turn !== null;
  }

  /** Adds a user turn (text or content blocks) and answers it, aborting whatever was in progress. */
  send = (input: string | ContentBlockParam[]): Promise<void> => {
    this.#interrupt();
    const content: ContentBlockParam[] = typeof input === "string" ? [{ type: "text", text: input }] : input;
    this.#update({
      messages: [...this.#snapshot.messages, { id: createChatMessageId(), role: "user", content }],
    });
    return this.#run(false);
  };

  /** Aborts the request or tool run in progress; the partial reply stays, marked `stopped`. */
  stop = (): void => {
    if (!this.#turn) return;
    this.#interrupt();
    this.#update({ status: "aborted", pendingToolCalls: [] });
  };

  /** Answers the last user turn again, replacing the replies after it. */
  regenerate = (): Promise<void> => {
    this.#interrupt();
    const messages = this.#snapshot.messages;
    let index = messages.length - 1;
    while (index >= 0 && !isUserTurn(messages[index])) index--;
    if (index < 0) return Promise.resolve();
    this.#update({ messages: messages.slice(0, index + 1) });
    return this.#run(false);
  };

  /** Resends after an error or a stop, dropping the unfinished reply but never duplicating the user turn. */
  retry = (): Promise<void> => {
    this.#interrupt();
    const messages = [...this.#snapshot.messages];
    let last = messages.at(-1);
    while (last?.role === "assistant" && last.status !== "complete") {
      messages.pop();
      last = messages.at(-1);
    }
    if (!last) return Promise.resolve();
    this.#update({ messages });
    // A complete reply that stopped on tool_use is picked up where it left off.
    if (last.role === "assistant") return this.#afterReply(last, this.#options.maxSteps ?? 10);
    return this.#run(false);
  };

  /** Replaces the user message at `index` and answers it again, dropping everything after it. */
  edit = (index: number, content: string | ContentBlockParam[]): Promise<void> => {
    const target = this.#snapshot.messages[index];
    if (target?.role !== "user")
      throw new AnthropicError(`edit(${index}): only a user message can be edited`);
    this.#interrupt();
    const blocks: ContentBlockParam[] =
      typeof content === "string" ? [{ type: "text", text: content }] : content;
    this.#update({ messages: [...this.#snapshot.messages.slice(0, index), { ...target, content: blocks }] });
    return this.#run(false);
  };

  /** Continues a reply cut by `max_tokens`, appending to the same message. */
  continue = (): Promise<void> => {
    const last = this.#snapshot.messages.at(-1);
    if (last?.role !== "assistant" || last.status !== "complete") return Promise.resolve();
    this.#interrupt();
    return this.#run(true);
  };

  /** Replaces the conversation (aborting anything in progress). */
  setMessages = (
    messages: readonly (ChatMessage | MessageParam)[] | ((current: ChatMessage[]) => ChatMessage[]),
  ): void => {
    this.#interrupt();
    const next =
      typeof messages === "function" ? messages(this.#snapshot.messages) : toChatMessages(messages);
    this.#update({ messages: next, status: "idle", error: null, pendingToolCalls: [] });
  };

  /** Lets a tool call that waits for approval run. */
  approveToolCall = (toolUseId: string): void => this.#tools.approve(toolUseId);

  /** Refuses a tool call that waits for approval; the model is told, with `reason` if given. */
  denyToolCall = (toolUseId: string, reason?: string): void => this.#tools.deny(toolUseId, reason);

  /** Streams replies until one needs nothing more: tool calls are run and answered, `pause_turn` resumed. */
  async #run(continuing: boolean, stepsLeft = this.#options.maxSteps ?? 10): Promise<void> {
    const turn: Turn = { controller: new AbortController() };
    this.#turn = turn;
    const request = buildChatRequest(this.#options, this.#snapshot.messages, continuing);
    let messages = this.#snapshot.messages;
    let reply: ChatAssistantMessage;
    if (continuing) {
      reply = messages.at(-1) as ChatAssistantMessage;
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
    this.#update({ messages, status: "connecting", error: null, stopReason: null, pendingToolCalls: [] });

    const result = await this.#stream.send(request, { signal: turn.controller.signal });
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
    const runnable = reply.stopReason === "tool_use" && canRunToolCalls(calls, tools);
    if (!runnable || stepsLeft <= 0) {
      this.#update({ status: "done" });
      this.#options.onFinish?.(reply);
      return;
    }

    const turn: Turn = { controller: new AbortController() };
    this.#turn = turn;
    const results = await this.#tools.run(calls, tools, {
      signal: turn.controller.signal,
      approveToolCall: this.#options.approveToolCall,
      onWaiting: (call) =>
        this.#update({
          status: "awaiting-approval",
          pendingToolCalls: [...this.#snapshot.pendingToolCalls, call],
        }),
      onDecided: (call) =>
        this.#update({
          pendingToolCalls: this.#snapshot.pendingToolCalls.filter((item) => item.id !== call.id),
        }),
      onRunning: () => this.#update({ status: "running-tools", pendingToolCalls: [] }),
    });
    if (this.#turn !== turn || !results) return;
    this.#turn = null;
    this.#update({
      messages: [...this.#snapshot.messages, { id: createChatMessageId(), role: "user", content: results }],
    });
    return this.#run(false, stepsLeft);
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

  /** Stops the current turn without publishing its status (the caller publishes the next state). */
  #interrupt(): void {
    const turn = this.#turn;
    if (!turn) return;
    this.#turn = null;
    // Also denies every tool call still waiting for approval (the runner listens to this signal).
    turn.controller.abort();
    const streaming = this.#streaming;
    this.#streaming = null;
    if (!streaming) return;
    const partial = this.#stream.getSnapshot().message?.content ?? [];
    const content = mergeContinuation(streaming.base, partial);
    const current = this.#snapshot.messages.find((message) => message.id === streaming.id);
    const kept: ChatMessage[] =
      content.length > 0 && current?.role === "assistant"
        ? [{ ...current, content, status: streaming.base.length > 0 ? "complete" : "stopped" }]
        : [];
    this.#update({ messages: this.#replace(streaming.id, kept) });
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
    this.notify();
  }
}

/** A user message that starts a turn (not one that only carries tool results). */
function isUserTurn(message: ChatMessage | undefined): boolean {
  return message?.role === "user" && !isToolResultMessage(message);
}
