// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown nodes, blocks and tokens have no identity beyond their position
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import { ContentBlock } from "./content-block.js";
import { cx } from "./internal/class-names.js";
import { MessageCopyButton } from "./message-copy-button.js";
import { blocksOf, type MessageLike } from "./message-types.js";
import { StopReasonNotice } from "./stop-reason-notice.js";
import type { ToolUseStatus } from "./tool-use-block.js";
import { UsageMeter } from "./usage-meter.js";

export interface MessageViewProps extends Omit<ComponentPropsWithoutRef<"article">, "children"> {
  message: MessageLike;
  /**
   * The message is still streaming in: its last block renders as streaming.
   * @default false
   */
  streaming?: boolean;
  /** Show the usage meter under an assistant message that carries `usage`. @default false */
  showUsage?: boolean;
  /** The model's context window, for the usage meter. */
  contextWindow?: number | null | undefined;
  /** The request's thinking budget, shown on thinking blocks. */
  budgetTokens?: number | undefined;
  /** Names of earlier tool calls by id, so tool results can say which tool they answer. */
  toolNames?: ReadonlyMap<string, string> | undefined;
  /** Status of tool calls by id (e.g. `pending` while awaiting approval); others show as complete. */
  toolStatuses?: ReadonlyMap<string, ToolUseStatus> | undefined;
  /** Offered on `max_tokens` / `pause_turn` stops. */
  onContinue?: (() => void) | undefined;
  /** Extra content after the blocks (actions, an error notice). */
  footer?: ReactNode;
  /** Buttons at the end of the message, in one row with Copy (e.g. Edit). */
  actions?: ReactNode;
  /**
   * Offer a Copy button for the message's text once it is complete (announced "Copied" politely).
   * @default true
   */
  copyable?: boolean;
}

const roleLabel = { user: "You", assistant: "Claude", system: "System" } as const;

/** A whole message: who said it, its blocks in order, why it stopped and, optionally, its usage. */
export const MessageView = forwardRef<HTMLElement, MessageViewProps>(function MessageView(
  {
    message,
    streaming = false,
    showUsage = false,
    contextWindow,
    budgetTokens,
    toolNames,
    toolStatuses,
    onContinue,
    footer,
    copyable = true,
    actions,
    className,
    ...props
  },
  ref,
) {
  const blocks = blocksOf(message);
  const text = blocks
    .map((block) => (block.type === "text" ? block.text : ""))
    .filter((part) => part.trim() !== "")
    .join("\n\n");
  let citationCount = 0;
  const state = streaming ? "streaming" : message.interrupted ? "interrupted" : "complete";
  return (
    <article
      ref={ref}
      className={cx("cq-message", className)}
      data-role={message.role}
      data-state={state}
      aria-label={`${roleLabel[message.role]}${streaming ? " (replying)" : ""}`}
      aria-busy={streaming || undefined}
      {...props}
    >
      <header className="cq-message-role">{roleLabel[message.role]}</header>
      <div className="cq-message-content">
        {blocks.length === 0 && streaming ? <span className="cq-typing" aria-hidden="true" /> : null}
        {blocks.map((block, index) => {
          const citationStart = citationCount + 1;
          if (block.type === "text") citationCount += block.citations?.length ?? 0;
          return (
            <ContentBlock
              key={index}
              block={block}
              streaming={streaming && index === blocks.length - 1}
              citationStart={citationStart}
              budgetTokens={budgetTokens}
              toolName={block.type === "tool_result" ? toolNames?.get(block.tool_use_id) : undefined}
              toolStatus={block.type === "tool_use" ? toolStatuses?.get(block.id) : undefined}
            />
          );
        })}
      </div>
      {message.interrupted && !streaming ? (
        <p className="cq-notice" data-tone="warning" data-state="interrupted">
          This reply was interrupted and is incomplete.
        </p>
      ) : null}
      {!streaming && message.role === "assistant" ? (
        <StopReasonNotice
          stopReason={message.stop_reason}
          stopDetails={message.stop_details}
          stopSequence={message.stop_sequence}
          onContinue={onContinue}
        />
      ) : null}
      {showUsage && message.usage ? <UsageMeter usage={message.usage} contextWindow={contextWindow} /> : null}
      {actions || (copyable && !streaming && text !== "") ? (
        <div className="cq-message-actions">
          {actions}
          {copyable && !streaming && text !== "" ? <MessageCopyButton text={text} /> : null}
        </div>
      ) : null}
      {footer}
    </article>
  );
});
