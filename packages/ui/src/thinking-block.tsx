import type { ThinkingBlock as ThinkingBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef, useId } from "react";
import { cx } from "./internal/class-names.js";
import { formatCount } from "./internal/format.js";
import { useControllableState } from "./internal/use-controllable-state.js";
import { Markdown } from "./markdown.js";

export interface ThinkingBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: Pick<ThinkingBlockData, "thinking"> & Partial<Pick<ThinkingBlockData, "signature">>;
  /** @default false */
  streaming?: boolean;
  /** The request's `thinking.budget_tokens`, shown when known. */
  budgetTokens?: number | undefined;
  /** Whether the reasoning is expanded (controlled). */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** A `thinking` block: Claude's reasoning, collapsed by default behind a labelled toggle. */
export const ThinkingBlock = forwardRef<HTMLDivElement, ThinkingBlockProps>(function ThinkingBlock(
  { block, streaming = false, budgetTokens, open, defaultOpen = false, onOpenChange, className, ...props },
  ref,
) {
  const [isOpen, setOpen] = useControllableState(open, defaultOpen, onOpenChange);
  const panelId = useId();
  const omitted = !streaming && block.thinking === "";
  return (
    <div
      ref={ref}
      className={cx("cq-block", "cq-thinking-block", className)}
      data-block="thinking"
      data-state={isOpen ? "open" : "closed"}
      data-streaming={streaming ? "" : undefined}
      {...props}
    >
      <button
        type="button"
        className="cq-thinking-toggle"
        aria-expanded={isOpen}
        aria-controls={panelId}
        onClick={() => setOpen(!isOpen)}
      >
        <span className="cq-thinking-label">{streaming ? "Thinking…" : "Thinking"}</span>
        {budgetTokens !== undefined ? (
          <span className="cq-thinking-budget">budget {formatCount(budgetTokens)} tokens</span>
        ) : null}
      </button>
      <div id={panelId} className="cq-thinking-content" hidden={!isOpen}>
        {omitted ? (
          <p className="cq-muted">The reasoning was omitted from the response.</p>
        ) : isOpen ? (
          <Markdown text={block.thinking} streaming={streaming} />
        ) : null}
      </div>
    </div>
  );
});
