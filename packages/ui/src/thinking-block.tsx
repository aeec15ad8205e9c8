import type { ThinkingBlock as ThinkingBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { BlockFrame } from "./internal/block-frame.js";
import { formatCount } from "./internal/format.js";
import { useDisclosure } from "./internal/use-disclosure.js";
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
  { block, streaming = false, budgetTokens, open, defaultOpen = false, onOpenChange, ...props },
  ref,
) {
  const { isOpen, state, panelId, toggleProps } = useDisclosure(open, defaultOpen, onOpenChange);
  const omitted = !streaming && block.thinking === "";
  return (
    <BlockFrame
      ref={ref}
      type="thinking"
      state={state}
      data-streaming={streaming ? "" : undefined}
      {...props}
    >
      <button type="button" className="cq-thinking-toggle" {...toggleProps}>
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
    </BlockFrame>
  );
});
