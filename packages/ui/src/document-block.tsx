import type { DocumentBlockParam } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { Badge, BlockFrame, BlockHeader } from "./internal/block-frame.js";
import { formatCount } from "./internal/format.js";
import { safeHttpUrl } from "./internal/safe-url.js";

export interface DocumentBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: DocumentBlockParam;
  /**
   * Characters of a text document shown as a preview.
   * @default 280
   */
  previewLength?: number;
}

/** A `document` block: title, kind, whether citations are on, and a preview of plain-text sources. */
export const DocumentBlock = forwardRef<HTMLDivElement, DocumentBlockProps>(function DocumentBlock(
  { block, previewLength = 280, ...props },
  ref,
) {
  const source = block.source as {
    type: string;
    media_type?: string;
    data?: unknown;
    url?: string;
    content?: unknown;
    file_id?: string;
  };
  const title = block.title || "Untitled document";
  let kind = "Document";
  let preview: string | null = null;
  let href: string | null = null;
  if (source.type === "text" && typeof source.data === "string") {
    kind = `Text, ${formatCount(source.data.length)} characters`;
    preview = source.data.length > previewLength ? `${source.data.slice(0, previewLength)}…` : source.data;
  } else if (source.type === "base64") {
    kind = "PDF";
  } else if (source.type === "url" && source.url) {
    kind = "PDF from URL";
    href = safeHttpUrl(source.url);
  } else if (source.type === "content") {
    kind = "Custom content";
    if (typeof source.content === "string") preview = source.content.slice(0, previewLength);
  } else if (source.type === "file") {
    kind = `File ${source.file_id ?? ""}`.trim();
  }
  const citations = (block.citations as { enabled?: boolean } | null | undefined)?.enabled === true;
  return (
    <BlockFrame ref={ref} type="document" state={citations ? "citable" : "plain"} {...props}>
      <BlockHeader kind="Document">
        <strong className="cq-document-title">
          {href ? (
            <a href={href} target="_blank" rel="noopener noreferrer">
              {title}
            </a>
          ) : (
            title
          )}
        </strong>
        <span className="cq-muted">{kind}</span>
        {citations ? <Badge tone="info">Citations on</Badge> : null}
      </BlockHeader>
      {block.context ? <p className="cq-muted">{block.context}</p> : null}
      {preview !== null ? <blockquote className="cq-document-preview">{preview}</blockquote> : null}
    </BlockFrame>
  );
});
