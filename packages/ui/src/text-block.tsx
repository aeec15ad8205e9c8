// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown nodes, blocks and tokens have no identity beyond their position
import type { TextBlock as TextBlockData } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { CitationMarker } from "./citation-marker.js";
import { BlockFrame } from "./internal/block-frame.js";
import { Markdown } from "./markdown.js";

export interface TextBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: Pick<TextBlockData, "text"> & { citations?: TextBlockData["citations"] | undefined };
  /** @default false */
  streaming?: boolean;
  /**
   * Number of the first citation marker, so numbering continues across the blocks of a message.
   * @default 1
   */
  citationStart?: number;
}

/** A `text` block: markdown with its citation markers after it. */
export const TextBlock = forwardRef<HTMLDivElement, TextBlockProps>(function TextBlock(
  { block, streaming = false, citationStart = 1, ...props },
  ref,
) {
  const citations = block.citations ?? [];
  return (
    <BlockFrame
      ref={ref}
      type="text"
      state={streaming ? "streaming" : "complete"}
      data-cited={citations.length > 0 ? "" : undefined}
      {...props}
    >
      <Markdown text={block.text} streaming={streaming} />
      {citations.length > 0 ? (
        <span className="cq-citations">
          {citations.map((citation, index) => (
            <CitationMarker key={index} citation={citation} number={citationStart + index} />
          ))}
        </span>
      ) : null}
    </BlockFrame>
  );
});
