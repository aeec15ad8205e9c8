import type { ContentBlock as ContentBlockData, ContentBlockParam } from "@colloquy/client";
import { forwardRef, type Ref } from "react";
import { DocumentBlock } from "./document-block.js";
import { ImageBlock } from "./image-block.js";
import { cx } from "./internal/class-names.js";
import { JsonView } from "./internal/json-view.js";
import { RedactedThinkingBlock } from "./redacted-thinking-block.js";
import { ServerToolUseBlock } from "./server-tool-use-block.js";
import { TextBlock } from "./text-block.js";
import { ThinkingBlock } from "./thinking-block.js";
import { ToolResultBlock } from "./tool-result-block.js";
import { ToolUseBlock, type ToolUseStatus } from "./tool-use-block.js";
import { WebSearchResultBlock } from "./web-search-result-block.js";

/** Any block a message can hold, from a response (`ContentBlock`) or a request (`ContentBlockParam`). */
export type DisplayBlock = ContentBlockData | ContentBlockParam;

export interface ContentBlockProps {
  block: DisplayBlock;
  /**
   * This block is the one currently streaming in.
   * @default false
   */
  streaming?: boolean;
  /** Number of the block's first citation marker. @default 1 */
  citationStart?: number;
  /** The request's thinking budget, shown on thinking blocks. */
  budgetTokens?: number | undefined;
  /** Status of a `tool_use` block; defaults to `streaming` while it streams, else `complete`. */
  toolStatus?: ToolUseStatus | undefined;
  /** Name of the tool a `tool_result` answers, when known. */
  toolName?: string | undefined;
  className?: string;
}

/** Renders any content block by dispatching on its `type`; unknown kinds show their type and JSON. */
export const ContentBlock = forwardRef<HTMLElement, ContentBlockProps>(function ContentBlock(
  { block, streaming = false, citationStart, budgetTokens, toolStatus, toolName, className },
  ref,
) {
  const divRef = ref as Ref<HTMLDivElement>;
  switch (block.type) {
    case "text":
      return (
        <TextBlock
          ref={divRef}
          className={className}
          block={block}
          streaming={streaming}
          citationStart={citationStart}
        />
      );
    case "thinking":
      return (
        <ThinkingBlock
          ref={divRef}
          className={className}
          block={block}
          streaming={streaming}
          budgetTokens={budgetTokens}
        />
      );
    case "redacted_thinking":
      return <RedactedThinkingBlock ref={divRef} className={className} />;
    case "tool_use":
      return (
        <ToolUseBlock
          ref={divRef}
          className={className}
          block={block}
          status={toolStatus ?? (streaming ? "streaming" : "complete")}
        />
      );
    case "server_tool_use":
      return (
        <ServerToolUseBlock
          ref={divRef}
          className={className}
          block={block}
          status={streaming ? "streaming" : "complete"}
        />
      );
    case "web_search_tool_result":
      return <WebSearchResultBlock ref={divRef} className={className} block={block as never} />;
    case "tool_result":
      return <ToolResultBlock ref={divRef} className={className} block={block} toolName={toolName} />;
    case "image":
      return <ImageBlock ref={ref} className={className} block={block} />;
    case "document":
      return <DocumentBlock ref={divRef} className={className} block={block} />;
    default:
      return (
        <div
          ref={divRef}
          className={cx("cq-block", "cq-unknown-block", className)}
          data-block={block.type}
          data-state="unknown"
        >
          <div className="cq-block-header">
            <span className="cq-block-kind">{block.type.replace(/_/g, " ")}</span>
          </div>
          <JsonView value={block} label={`${block.type} block`} />
        </div>
      );
  }
});
