import type { ContentBlock as ContentBlockData, ContentBlockParam } from "@colloquy/client";
import { forwardRef, type Ref } from "react";
import { DocumentBlock } from "./document-block.js";
import { ImageBlock } from "./image-block.js";
import { BlockFrame, BlockHeader } from "./internal/block-frame.js";
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
  // What every kind of block gets from here: the ref (a `div` for all but images) and the class name.
  const shared = { ref: ref as Ref<HTMLDivElement>, className };
  switch (block.type) {
    case "text":
      return <TextBlock {...shared} block={block} streaming={streaming} citationStart={citationStart} />;
    case "thinking":
      return <ThinkingBlock {...shared} block={block} streaming={streaming} budgetTokens={budgetTokens} />;
    case "redacted_thinking":
      return <RedactedThinkingBlock {...shared} />;
    case "tool_use":
      return <ToolUseBlock {...shared} block={block} status={toolStatus ?? streamingStatus(streaming)} />;
    case "server_tool_use":
      return <ServerToolUseBlock {...shared} block={block} status={streamingStatus(streaming)} />;
    case "web_search_tool_result":
      return <WebSearchResultBlock {...shared} block={block as never} />;
    case "tool_result":
      return <ToolResultBlock {...shared} block={block} toolName={toolName} />;
    case "image":
      return <ImageBlock ref={ref} className={className} block={block} />;
    case "document":
      return <DocumentBlock {...shared} block={block} />;
    default:
      return (
        <BlockFrame {...shared} type={block.type} state="unknown">
          <BlockHeader kind={block.type.replace(/_/g, " ")} />
          <JsonView value={block} label={`${block.type} block`} />
        </BlockFrame>
      );
  }
});

/** A tool call's status from whether its block is still streaming in. */
function streamingStatus(streaming: boolean): "streaming" | "complete" {
  return streaming ? "streaming" : "complete";
}
