import type { ServerToolUseBlock as ServerToolUseBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";
import { JsonView } from "./internal/json-view.js";

export interface ServerToolUseBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: Pick<ServerToolUseBlockData, "id" | "name" | "input">;
  /**
   * `streaming` while the input arrives; `complete` once the API ran it.
   * @default "complete"
   */
  status?: "streaming" | "running" | "complete";
}

/** A `server_tool_use` block: a tool the API runs itself (web search shows its query). */
export const ServerToolUseBlock = forwardRef<HTMLDivElement, ServerToolUseBlockProps>(
  function ServerToolUseBlock({ block, status = "complete", className, ...props }, ref) {
    const input = (block.input ?? {}) as Record<string, unknown>;
    const query = typeof input.query === "string" ? input.query : null;
    return (
      <div
        ref={ref}
        className={cx("cq-block", "cq-server-tool-use-block", className)}
        data-block="server_tool_use"
        data-state={status}
        {...props}
      >
        <div className="cq-block-header">
          <span className="cq-block-kind">{block.name === "web_search" ? "Web search" : "Server tool"}</span>
          {query !== null ? (
            <q className="cq-search-query">{query}</q>
          ) : (
            <code className="cq-tool-name">{block.name}</code>
          )}
          {status !== "complete" ? (
            <span className="cq-badge" data-tone="info">
              {status === "streaming" ? "Preparing…" : "Searching…"}
            </span>
          ) : null}
        </div>
        {query === null ? (
          <JsonView value={input} label={`Input of ${block.name}`} streaming={status === "streaming"} />
        ) : null}
      </div>
    );
  },
);
