import { type ComponentPropsWithoutRef, forwardRef, useEffect, useRef, useState } from "react";
import { cx } from "./internal/class-names.js";
import { countWords } from "./internal/format.js";
import type { ReplyStatus } from "./message-types.js";

export interface ReplyAnnouncerProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  status: ReplyStatus;
  /** The reply's text so far; read only when the reply ends, for the summary. */
  replyText: string;
}

/** What the live region says on a status change, or `null` to stay quiet. */
export function announcementFor(status: ReplyStatus, replyText: string): string | null {
  switch (status) {
    case "connecting":
    case "streaming":
      return "Claude is replying.";
    case "done": {
      const words = countWords(replyText);
      return words > 0 ? `Claude replied, ${words} ${words === 1 ? "word" : "words"}.` : "Claude replied.";
    }
    case "aborted":
      return "Reply stopped.";
    case "error":
      return "The reply failed.";
    default:
      return null;
  }
}

/**
 * A visually hidden polite live region that speaks once when a reply starts and once, summarised,
 * when it ends, so screen readers are not flooded with every token.
 */
export const ReplyAnnouncer = forwardRef<HTMLDivElement, ReplyAnnouncerProps>(function ReplyAnnouncer(
  { status, replyText, className, ...props },
  ref,
) {
  const [message, setMessage] = useState("");
  const previous = useRef<ReplyStatus>(status);
  const textRef = useRef(replyText);
  textRef.current = replyText;
  useEffect(() => {
    const before = previous.current;
    previous.current = status;
    if (before === status) return;
    // connecting → streaming is the same reply: announce its start only once.
    if (status === "streaming" && before === "connecting") return;
    const next = announcementFor(status, textRef.current);
    if (next !== null) setMessage(next);
  }, [status]);
  return (
    <div
      ref={ref}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={cx("cq-visually-hidden", className)}
      data-state={status}
      {...props}
    >
      {message}
    </div>
  );
});
