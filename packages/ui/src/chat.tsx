import type { ChatMessage, UseChatOptions, UseChatResult } from "@colloquy/react";
import { DEFAULT_CHAT_MODEL, useChat, useCountTokens } from "@colloquy/react";
import { forwardRef, type ReactNode, useMemo, useState } from "react";
import { ChatView } from "./chat-view.js";
import type { MessageLike, ReplyStatus } from "./message-types.js";

export interface ChatProps extends UseChatOptions {
  className?: string;
  /** Show the conversation's token totals. @default false */
  showUsage?: boolean;
  /** Count the draft's tokens before sending (debounced `count_tokens` calls). @default false */
  countTokens?: boolean;
  /** The model's context window, for the usage meter. */
  contextWindow?: number | null | undefined;
  emptyState?: ReactNode;
  placeholder?: string;
  label?: string;
  /**
   * A `useChat()` result to show instead of a chat of its own, for an app that also persists,
   * regenerates or edits the conversation. Its options are those of that `useChat` call; here, only
   * `model` (for `countTokens`) and `thinking` (for the thinking budget shown) are still read.
   */
  chat?: UseChatResult | undefined;
}

const converted = new WeakMap<ChatMessage, MessageLike>();

/** A chat message as the presentational parts take it; cached per object so settled messages keep identity. */
export function toMessageLike(message: ChatMessage): MessageLike {
  const cached = converted.get(message);
  if (cached) return cached;
  const result: MessageLike =
    message.role === "user"
      ? { id: message.id, role: "user", content: message.content }
      : {
          id: message.id,
          role: "assistant",
          content: message.content,
          stop_reason: message.stopReason,
          usage: message.usage,
          interrupted: message.status === "interrupted" || message.status === "stopped",
        };
  converted.set(message, result);
  return result;
}

/** Maps the chat's richer status onto the one the thread and composer show. */
export function toReplyStatus(status: ReturnType<typeof useChat>["status"]): ReplyStatus {
  if (status === "running-tools" || status === "awaiting-approval") return "streaming";
  return status;
}

/**
 * A complete chat wired to `useChat`: streaming replies, Stop, Retry after an error, Continue after
 * `max_tokens`, tool calls (with approval), and optionally usage totals and a token count of the draft.
 * Needs `<AnthropicProvider>`. Pass `chat` to show a `useChat()` the app owns.
 */
export const Chat = forwardRef<HTMLElement, ChatProps>(function Chat(props, ref) {
  return props.chat ? <ChatPanel {...props} chat={props.chat} ref={ref} /> : <OwnChat {...props} ref={ref} />;
});

/** `<Chat>` with a `useChat` of its own, made from its props. */
const OwnChat = forwardRef<HTMLElement, ChatProps>(function OwnChat(props, ref) {
  // The view's own props are left out of the chat's options.
  const { className, showUsage, countTokens, contextWindow, emptyState, placeholder, label, ...options } =
    props;
  const chat = useChat(options);
  return <ChatPanel {...props} chat={chat} ref={ref} />;
});

const ChatPanel = forwardRef<HTMLElement, ChatProps & { chat: UseChatResult }>(function ChatPanel(
  {
    className,
    showUsage = false,
    countTokens = false,
    contextWindow,
    emptyState,
    placeholder,
    label,
    chat,
    model,
    thinking,
  },
  ref,
) {
  const [draft, setDraft] = useState("");
  const messages = useMemo(() => chat.messages.map(toMessageLike), [chat.messages]);
  const countParams =
    countTokens && draft.trim() !== ""
      ? { model: model ?? DEFAULT_CHAT_MODEL, messages: [{ role: "user" as const, content: draft }] }
      : null;
  const count = useCountTokens(countParams, { enabled: countTokens });
  const status = toReplyStatus(chat.status);
  return (
    <ChatView
      ref={ref}
      className={className}
      messages={messages}
      status={status}
      error={chat.error}
      onSend={(text) => {
        void chat.send(text);
      }}
      onStop={chat.stop}
      onRetry={() => {
        void chat.retry();
      }}
      onContinue={() => {
        void chat.continue();
      }}
      usage={showUsage ? chat.usage : undefined}
      contextWindow={contextWindow}
      tokenCount={countParams ? (count.data?.input_tokens ?? null) : undefined}
      draft={draft}
      onDraftChange={setDraft}
      budgetTokens={thinking?.type === "enabled" ? thinking.budget_tokens : undefined}
      emptyState={emptyState}
      placeholder={placeholder}
      label={label}
      pendingToolCalls={chat.pendingToolCalls}
      onApproveTool={chat.approveToolCall}
      onDenyTool={chat.denyToolCall}
    />
  );
});
