import type { Usage } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef, useMemo } from "react";
import { ChatThread, type ChatThreadProps } from "./chat-thread.js";
import { Composer, type ComposerProps } from "./composer.js";
import { ErrorNotice } from "./error-notice.js";
import { cx } from "./internal/class-names.js";
import { blocksOf, type MessageLike } from "./message-types.js";
import { type PendingToolCallLike, ToolApproval } from "./tool-approval.js";
import type { ToolUseStatus } from "./tool-use-block.js";
import { UsageMeter } from "./usage-meter.js";

/** The props `<ChatView>` passes on to its thread; they are typed and documented there. */
type PassedToThread = Pick<
  ChatThreadProps,
  "messages" | "status" | "emptyState" | "budgetTokens" | "onContinue"
>;
/** The props `<ChatView>` passes on to its composer; they are typed and documented there. */
type PassedToComposer = Pick<
  ComposerProps,
  "onSend" | "onStop" | "tokenCount" | "placeholder" | "textareaRef"
>;

export interface ChatViewProps
  extends Omit<ComponentPropsWithoutRef<"section">, "children">,
    PassedToThread,
    PassedToComposer {
  /** The last failure, shown with a Retry button under the thread. */
  error?: unknown;
  onRetry?: (() => void) | undefined;
  /** Token totals of the conversation, shown in a usage meter when given. */
  usage?: Partial<Usage> | null | undefined;
  contextWindow?: number | null | undefined;
  /** Composer text (controlled). */
  draft?: string;
  onDraftChange?: (text: string) => void;
  /** @default "Chat with Claude" */
  label?: string;
  /** Tool calls waiting for the user's yes or no. */
  pendingToolCalls?: readonly PendingToolCallLike[] | undefined;
  onApproveTool?: ((id: string) => void) | undefined;
  onDenyTool?: ((id: string) => void) | undefined;
}

const noCalls: readonly PendingToolCallLike[] = [];

/** A whole chat from plain props: thread, error notice, usage and composer. `<Chat>` wires it to `useChat`. */
export const ChatView = forwardRef<HTMLElement, ChatViewProps>(function ChatView(
  {
    messages,
    status = "idle",
    error,
    onSend,
    onStop,
    onRetry,
    onContinue,
    usage,
    contextWindow,
    tokenCount,
    draft,
    onDraftChange,
    budgetTokens,
    emptyState,
    placeholder,
    label = "Chat with Claude",
    textareaRef,
    pendingToolCalls = noCalls,
    onApproveTool,
    onDenyTool,
    className,
    ...props
  },
  ref,
) {
  const busy = status === "connecting" || status === "streaming";
  const toolStatuses = useMemo(
    () => toolUseStatuses(messages, busy, pendingToolCalls),
    [messages, busy, pendingToolCalls],
  );
  const showError = error !== null && error !== undefined && status === "error";
  return (
    <section ref={ref} aria-label={label} className={cx("cq-chat", className)} data-state={status} {...props}>
      <ChatThread
        messages={messages}
        status={status}
        emptyState={emptyState}
        budgetTokens={budgetTokens}
        onContinue={onContinue}
        toolStatuses={toolStatuses}
        footer={
          <>
            {onApproveTool && onDenyTool
              ? pendingToolCalls.map((call) => (
                  <ToolApproval key={call.id} call={call} onApprove={onApproveTool} onDeny={onDenyTool} />
                ))
              : null}
            {showError ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
          </>
        }
      />
      {usage ? <UsageMeter usage={usage} contextWindow={contextWindow} /> : null}
      <Composer
        onSend={onSend}
        onStop={onStop}
        streaming={busy}
        tokenCount={tokenCount}
        placeholder={placeholder}
        textareaRef={textareaRef}
        {...(draft !== undefined ? { value: draft } : {})}
        {...(onDraftChange ? { onValueChange: onDraftChange } : {})}
      />
    </section>
  );
});

/**
 * The status of each tool call the thread shows: waiting for approval, or running while the chat is
 * busy and the call, from a finished `tool_use` turn, has no result yet. Others use the block's default
 * (input still streaming, or done).
 */
export function toolUseStatuses(
  messages: readonly MessageLike[],
  busy: boolean,
  pendingToolCalls: readonly PendingToolCallLike[],
): Map<string, ToolUseStatus> {
  const statuses = new Map<string, ToolUseStatus>();
  if (busy) {
    const answered = new Set<string>();
    for (const message of messages) {
      for (const block of blocksOf(message))
        if (block.type === "tool_result") answered.add(block.tool_use_id);
    }
    for (const message of messages) {
      if (message.stop_reason !== "tool_use") continue;
      for (const block of blocksOf(message)) {
        if (block.type === "tool_use" && !answered.has(block.id)) statuses.set(block.id, "running");
      }
    }
  }
  for (const call of pendingToolCalls) statuses.set(call.id, "pending");
  return statuses;
}
