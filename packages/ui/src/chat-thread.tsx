import { messageText } from "@colloquy/client";
import {
  type ComponentPropsWithoutRef,
  forwardRef,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { cx } from "./internal/class-names.js";
import { blocksOf, type MessageLike, type ReplyStatus } from "./message-types.js";
import { MessageView } from "./message-view.js";
import { ReplyAnnouncer } from "./reply-announcer.js";
import type { ToolUseStatus } from "./tool-use-block.js";

export interface ChatThreadProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  messages: readonly MessageLike[];
  /**
   * Status of the reply in progress; while `connecting`/`streaming` the last assistant message streams.
   * @default "idle"
   */
  status?: ReplyStatus;
  /** Shown when there are no messages. @default "Ask Claude anything." */
  emptyState?: ReactNode;
  /** Pixels from the bottom within which the thread keeps following new content. @default 48 */
  stickThreshold?: number;
  /** The request's thinking budget, shown on thinking blocks. */
  budgetTokens?: number | undefined;
  contextWindow?: number | null | undefined;
  /** Show usage under assistant messages. @default false */
  showUsage?: boolean;
  onContinue?: (() => void) | undefined;
  /** Status of tool calls by id, e.g. `pending` while they wait for approval. */
  toolStatuses?: ReadonlyMap<string, ToolUseStatus> | undefined;
  /** Content after the last message (e.g. an error notice). */
  footer?: ReactNode;
  /** Buttons at the end of one message, beside Copy (e.g. Edit and versions on the user's messages). */
  renderMessageActions?: ((message: MessageLike, index: number) => ReactNode) | undefined;
  /** Accessible name of the conversation. @default "Conversation" */
  label?: string;
}

/**
 * The list of messages. Follows new content while the reader is at the bottom, stops following when
 * they scroll up and offers "Jump to latest"; arrow keys, Home and End move between messages.
 */
export const ChatThread = forwardRef<HTMLDivElement, ChatThreadProps>(function ChatThread(
  {
    messages,
    status = "idle",
    emptyState = "Ask Claude anything.",
    stickThreshold = 48,
    budgetTokens,
    contextWindow,
    showUsage = false,
    onContinue,
    toolStatuses,
    footer,
    renderMessageActions,
    label = "Conversation",
    className,
    onScroll,
    ...props
  },
  ref,
) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const [following, setFollowing] = useState(true);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const itemRefs = useRef<Array<HTMLElement | null>>([]);

  const busy = status === "connecting" || status === "streaming";
  const last = messages[messages.length - 1];
  const streamingIndex = busy && last?.role === "assistant" ? messages.length - 1 : -1;

  const toolNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const message of messages) {
      for (const block of blocksOf(message)) if (block.type === "tool_use") names.set(block.id, block.name);
    }
    return names;
  }, [messages]);

  // Runs after every render: new content arrives as re-renders, and following must not lag a frame.
  // Only a render that moved the bottom (new content, or a resized thread) scrolls: one that did not (a
  // message taking the focus on a click or a Tab) must not move the thread under the pointer, or away from
  // the focused element.
  const followedBottom = useRef(-1);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const bottom = element.scrollHeight - element.clientHeight;
    if (stick.current && bottom !== followedBottom.current) element.scrollTop = element.scrollHeight;
    followedBottom.current = bottom;
  });

  const handleScroll = useCallback(
    (event: React.UIEvent<HTMLDivElement>) => {
      const element = event.currentTarget;
      const atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= stickThreshold;
      stick.current = atBottom;
      setFollowing(atBottom);
      onScroll?.(event);
    },
    [stickThreshold, onScroll],
  );

  const jumpToLatest = () => {
    const element = scrollRef.current;
    stick.current = true;
    setFollowing(true);
    if (element) element.scrollTop = element.scrollHeight;
    const index = messages.length - 1;
    if (index >= 0) {
      setActiveIndex(index);
      itemRefs.current[index]?.focus({ preventScroll: true });
    }
  };

  const focusMessage = (index: number) => {
    const clamped = Math.max(0, Math.min(messages.length - 1, index));
    setActiveIndex(clamped);
    itemRefs.current[clamped]?.focus();
  };

  const handleKeyDown = (event: KeyboardEvent<HTMLOListElement>) => {
    const current = itemRefs.current.indexOf(event.target as HTMLElement);
    if (current === -1) return;
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: messages.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    focusMessage(target);
  };

  const rovingIndex =
    activeIndex !== null && activeIndex < messages.length ? activeIndex : messages.length - 1;
  const replyText = last?.role === "assistant" ? messageText(last) : "";

  return (
    <div
      ref={ref}
      className={cx("cq-thread", className)}
      data-state={busy ? "streaming" : messages.length === 0 ? "empty" : "idle"}
      {...props}
    >
      <div
        ref={scrollRef}
        className="cq-thread-scroll"
        onScroll={handleScroll}
        data-following={following ? "" : undefined}
      >
        {messages.length === 0 ? (
          <div className="cq-thread-empty">{emptyState}</div>
        ) : (
          <ol className="cq-thread-list" aria-label={label} onKeyDown={handleKeyDown}>
            {messages.map((message, index) => (
              <li key={message.id ?? index} className="cq-thread-item">
                <MessageView
                  ref={(element) => {
                    itemRefs.current[index] = element;
                  }}
                  tabIndex={index === rovingIndex ? 0 : -1}
                  onFocus={() => setActiveIndex(index)}
                  message={message}
                  streaming={index === streamingIndex}
                  budgetTokens={budgetTokens}
                  contextWindow={contextWindow}
                  showUsage={showUsage}
                  toolNames={toolNames}
                  toolStatuses={toolStatuses}
                  onContinue={index === messages.length - 1 && !busy ? onContinue : undefined}
                  actions={renderMessageActions?.(message, index)}
                />
              </li>
            ))}
          </ol>
        )}
        {busy && streamingIndex === -1 ? (
          <p className="cq-thread-waiting" data-state="connecting">
            <span className="cq-typing" aria-hidden="true" /> Claude is thinking…
          </p>
        ) : null}
        {footer}
      </div>
      {!following && messages.length > 0 ? (
        <button type="button" className="cq-button cq-jump-to-latest" onClick={jumpToLatest}>
          Jump to latest
        </button>
      ) : null}
      <ReplyAnnouncer status={status} replyText={replyText} />
    </div>
  );
});
