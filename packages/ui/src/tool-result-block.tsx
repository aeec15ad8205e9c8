// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown nodes, blocks and tokens have no identity beyond their position
import type { ToolResultBlockParam } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef, type ReactNode } from "react";
import { ImageBlock } from "./image-block.js";
import { Badge, BlockFrame, BlockHeader } from "./internal/block-frame.js";
import { JsonView } from "./internal/json-view.js";
import { Markdown } from "./markdown.js";

export interface ToolResultBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: ToolResultBlockParam;
  /** The name of the tool that produced it, when known. */
  toolName?: string;
}

/** A `tool_result` block: text, JSON (pretty-printed) or an error, plus any images. */
export const ToolResultBlock = forwardRef<HTMLDivElement, ToolResultBlockProps>(function ToolResultBlock(
  { block, toolName, ...props },
  ref,
) {
  const isError = block.is_error === true;
  const content = block.content;
  const parts: ReactNode[] = [];
  if (typeof content === "string") parts.push(renderText(content, 0));
  else if (Array.isArray(content)) {
    content.forEach((part, index) => {
      if (part.type === "text") parts.push(renderText(part.text, index));
      else if (part.type === "image") parts.push(<ImageBlock key={index} block={part} />);
      else
        parts.push(
          <p key={index} className="cq-muted">
            [{part.type}]
          </p>,
        );
    });
  }
  return (
    <BlockFrame ref={ref} type="tool_result" state={isError ? "error" : "success"} {...props}>
      <BlockHeader kind="Tool result">
        {toolName ? <code className="cq-tool-name">{toolName}</code> : null}
        <Badge tone={isError ? "danger" : "success"}>{isError ? "Error" : "OK"}</Badge>
      </BlockHeader>
      {parts.length > 0 ? parts : <p className="cq-muted">(empty result)</p>}
    </BlockFrame>
  );
});

function renderText(text: string, key: number): ReactNode {
  const trimmed = text.trim();
  if (
    (trimmed.startsWith("{") && trimmed.endsWith("}")) ||
    (trimmed.startsWith("[") && trimmed.endsWith("]"))
  ) {
    try {
      return <JsonView key={key} value={JSON.parse(trimmed)} label="Tool result JSON" />;
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  return <Markdown key={key} text={text} />;
}
