import type { ServerToolUseBlock as ServerToolUseBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { Badge, BlockFrame, BlockHeader } from "./internal/block-frame.js";
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
  function ServerToolUseBlock({ block, status = "complete", ...props }, ref) {
    const input = (block.input ?? {}) as Record<string, unknown>;
    const query = typeof input.query === "string" ? input.query : null;
    return (
      <BlockFrame ref={ref} type="server_tool_use" state={status} {...props}>
        <BlockHeader kind={block.name === "web_search" ? "Web search" : "Server tool"}>
          {query !== null ? (
            <q className="cq-search-query">{query}</q>
          ) : (
            <code className="cq-tool-name">{block.name}</code>
          )}
          {status !== "complete" ? (
            <Badge tone="info">{status === "streaming" ? "Preparing…" : "Searching…"}</Badge>
          ) : null}
        </BlockHeader>
        {query === null ? (
          <JsonView value={input} label={`Input of ${block.name}`} streaming={status === "streaming"} />
        ) : null}
      </BlockFrame>
    );
  },
);
