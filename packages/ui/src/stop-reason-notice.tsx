import type { StopDetails, StopReason } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";

export interface StopReasonNoticeProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  stopReason: StopReason | null | undefined;
  stopDetails?: StopDetails | null | undefined;
  stopSequence?: string | null | undefined;
  /** Shown as a "Continue" button for `max_tokens` and `pause_turn`. */
  onContinue?: (() => void) | undefined;
}

const categoryLabel: Record<string, string> = {
  cyber: "cybersecurity",
  bio: "biological risk",
  frontier_llm: "frontier AI risk",
  reasoning_extraction: "reasoning extraction",
  general_harms: "potential harm",
};

/**
 * Explains why a reply stopped when the user should know: the token limit (with Continue), a
 * refusal, a paused turn, a full context window or a stop sequence. Renders nothing for normal ends.
 */
export const StopReasonNotice = forwardRef<HTMLDivElement, StopReasonNoticeProps>(function StopReasonNotice(
  { stopReason, stopDetails, stopSequence, onContinue, className, ...props },
  ref,
) {
  if (!stopReason || stopReason === "end_turn" || stopReason === "tool_use") return null;
  let tone = "info";
  let text: string;
  let canContinue = false;
  switch (stopReason) {
    case "max_tokens":
      tone = "warning";
      text = "The reply reached the max_tokens limit and is cut short.";
      canContinue = true;
      break;
    case "pause_turn":
      text = "Claude paused a long-running turn.";
      canContinue = true;
      break;
    case "refusal": {
      tone = "danger";
      const category = stopDetails?.category
        ? (categoryLabel[stopDetails.category] ?? stopDetails.category)
        : null;
      text = `Claude declined to continue${category ? ` (${category})` : ""}.${stopDetails?.explanation ? ` ${stopDetails.explanation}` : ""}`;
      break;
    }
    case "model_context_window_exceeded":
      tone = "warning";
      text = "The conversation filled the model's context window. Start a new conversation or shorten it.";
      break;
    case "stop_sequence":
      text = stopSequence ? `Stopped at the stop sequence “${stopSequence}”.` : "Stopped at a stop sequence.";
      break;
    default:
      text = `Stopped: ${String(stopReason)}.`;
  }
  return (
    <div
      ref={ref}
      className={cx("cq-notice", "cq-stop-reason-notice", className)}
      data-state={stopReason}
      data-tone={tone}
      role="status"
      {...props}
    >
      <span>{text}</span>
      {canContinue && onContinue ? (
        <button type="button" className="cq-button" onClick={onContinue}>
          Continue
        </button>
      ) : null}
    </div>
  );
});
