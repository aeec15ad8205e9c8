import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { BlockFrame } from "./internal/block-frame.js";

export interface RedactedThinkingBlockProps extends ComponentPropsWithoutRef<"div"> {}

/** A `redacted_thinking` block: its data is encrypted, so only a placeholder is shown. */
export const RedactedThinkingBlock = forwardRef<HTMLDivElement, RedactedThinkingBlockProps>(
  function RedactedThinkingBlock({ children, ...props }, ref) {
    return (
      <BlockFrame ref={ref} type="redacted_thinking" state="redacted" {...props}>
        {children ??
          "Some of Claude's reasoning was redacted for safety. It is kept and sent back unchanged."}
      </BlockFrame>
    );
  },
);
