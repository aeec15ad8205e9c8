import type { Usage } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";
import { formatCompact, formatCount } from "./internal/format.js";

export interface UsageMeterProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  usage: Partial<Usage> | null | undefined;
  /** The model's context window (`max_input_tokens`); enables the fill meter. */
  contextWindow?: number | null | undefined;
  /**
   * Fill ratio from which the meter is flagged.
   * @default 0.8
   */
  warningRatio?: number;
}

/** Input, output, cache write and cache read tokens, and how full the context window is. */
export const UsageMeter = forwardRef<HTMLDivElement, UsageMeterProps>(function UsageMeter(
  { usage, contextWindow, warningRatio = 0.8, className, ...props },
  ref,
) {
  const input = usage?.input_tokens ?? 0;
  const output = usage?.output_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  const used = input + output + cacheWrite + cacheRead;
  const ratio = contextWindow ? used / contextWindow : null;
  const state =
    used === 0
      ? "empty"
      : ratio === null
        ? "counted"
        : ratio >= 1
          ? "full"
          : ratio >= warningRatio
            ? "warning"
            : "ok";
  return (
    <div ref={ref} className={cx("cq-usage-meter", className)} data-state={state} {...props}>
      <dl className="cq-usage-figures">
        <div>
          <dt>Input</dt>
          <dd>{formatCount(input)}</dd>
        </div>
        <div>
          <dt>Output</dt>
          <dd>{formatCount(output)}</dd>
        </div>
        <div>
          <dt>Cache write</dt>
          <dd>{formatCount(cacheWrite)}</dd>
        </div>
        <div>
          <dt>Cache read</dt>
          <dd>{formatCount(cacheRead)}</dd>
        </div>
      </dl>
      {contextWindow ? (
        <div className="cq-usage-context">
          <meter
            min={0}
            max={contextWindow}
            low={contextWindow * warningRatio}
            high={contextWindow * 0.95}
            optimum={0}
            value={Math.min(used, contextWindow)}
            aria-label="Context window used"
          />
          <span className="cq-muted">
            {formatCompact(used)} of {formatCompact(contextWindow)} tokens ({Math.round((ratio ?? 0) * 100)}%)
          </span>
        </div>
      ) : null}
    </div>
  );
});
