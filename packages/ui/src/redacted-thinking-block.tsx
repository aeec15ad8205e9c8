import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";

export interface RedactedThinkingBlockProps extends ComponentPropsWithoutRef<"div"> {}

/** A `redacted_thinking` block: its data is encrypted, so only a placeholder is shown. */
export const RedactedThinkingBlock = forwardRef<HTMLDivElement, RedactedThinkingBlockProps>(
  function RedactedThinkingBlock({ className, children, ...props }, ref) {
    return (
      <div
        ref={ref}
        className={cx("cq-block", "cq-redacted-thinking-block", className)}
        data-block="redacted_thinking"
        data-state="redacted"
        {...props}
      >
        {children ??
          "Some of Claude's reasoning was redacted for safety. It is kept and sent back unchanged."}
      </div>
    );
  },
);
