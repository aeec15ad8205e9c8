import type { ToolUseBlock as ToolUseBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";
import { JsonView } from "./internal/json-view.js";

/** Where a tool call stands. */
export type ToolUseStatus = "streaming" | "pending" | "running" | "complete" | "error";

const statusLabel: Record<ToolUseStatus, string> = {
  streaming: "Writing input…",
  pending: "Waiting for approval",
  running: "Running…",
  complete: "Done",
  error: "Failed",
};

export interface ToolUseBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: Pick<ToolUseBlockData, "id" | "name" | "input">;
  /**
   * `streaming` while the input JSON arrives (the input is then a partial object).
   * @default "complete"
   */
  status?: ToolUseStatus;
  /** The raw input JSON received so far, shown instead of `input` while streaming when given. */
  partialJson?: string;
}

/** A `tool_use` block: the tool's name, its input as it streams in, and the call's status. */
export const ToolUseBlock = forwardRef<HTMLDivElement, ToolUseBlockProps>(function ToolUseBlock(
  { block, status = "complete", partialJson, className, ...props },
  ref,
) {
  const streaming = status === "streaming";
  return (
    <div
      ref={ref}
      className={cx("cq-block", "cq-tool-use-block", className)}
      data-block="tool_use"
      data-state={status}
      {...props}
    >
      <div className="cq-block-header">
        <span className="cq-block-kind">Tool call</span>
        <code className="cq-tool-name">{block.name}</code>
        <span
          className="cq-badge"
          data-tone={status === "error" ? "danger" : status === "complete" ? "success" : "info"}
        >
          {statusLabel[status]}
        </span>
      </div>
      <JsonView
        value={streaming && partialJson !== undefined ? partialJson : (block.input ?? {})}
        label={`Input of ${block.name}`}
        streaming={streaming}
      />
    </div>
  );
});
