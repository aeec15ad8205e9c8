import type { ToolUseBlock as ToolUseBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { Badge, type BadgeTone, BlockFrame, BlockHeader } from "./internal/block-frame.js";
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

const statusTone: Record<ToolUseStatus, BadgeTone> = {
  streaming: "info",
  pending: "info",
  running: "info",
  complete: "success",
  error: "danger",
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
  { block, status = "complete", partialJson, ...props },
  ref,
) {
  const streaming = status === "streaming";
  return (
    <BlockFrame ref={ref} type="tool_use" state={status} {...props}>
      <BlockHeader kind="Tool call">
        <code className="cq-tool-name">{block.name}</code>
        <Badge tone={statusTone[status]}>{statusLabel[status]}</Badge>
      </BlockHeader>
      <JsonView
        value={streaming && partialJson !== undefined ? partialJson : (block.input ?? {})}
        label={`Input of ${block.name}`}
        streaming={streaming}
      />
    </BlockFrame>
  );
});
