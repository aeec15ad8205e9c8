import type { TextCitation } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { cx } from "./internal/class-names.js";
import { safeHttpUrl } from "./internal/safe-url.js";
import { useDisclosure } from "./internal/use-disclosure.js";

export interface CitationMarkerProps extends Omit<ComponentPropsWithoutRef<"span">, "children"> {
  citation: TextCitation;
  /** The number shown in the marker, counted across the message. */
  number: number;
  /** Whether the cited text is shown (controlled). */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
}

/** Where a citation points, in words: a document title and location, or a web page. */
export function citationSource(citation: TextCitation): string {
  const fields = citation as unknown as Record<string, unknown>;
  const title =
    typeof fields.document_title === "string" && fields.document_title ? fields.document_title : null;
  switch (citation.type) {
    case "char_location":
      return `${title ?? `Document ${Number(fields.document_index) + 1}`}, characters ${fields.start_char_index}–${fields.end_char_index}`;
    case "page_location": {
      const start = Number(fields.start_page_number);
      const end = Number(fields.end_page_number) - 1;
      return `${title ?? `Document ${Number(fields.document_index) + 1}`}, ${end > start ? `pages ${start}–${end}` : `page ${start}`}`;
    }
    case "content_block_location":
      return `${title ?? `Document ${Number(fields.document_index) + 1}`}, blocks ${fields.start_block_index}–${fields.end_block_index}`;
    case "web_search_result_location":
      return String(fields.title || fields.url || "Web result");
    default:
      return String(fields.title || fields.source || "Source");
  }
}

/** An inline `[n]` marker; activating it reveals the cited text and its source. */
export const CitationMarker = forwardRef<HTMLSpanElement, CitationMarkerProps>(function CitationMarker(
  { citation, number, open, defaultOpen = false, onOpenChange, className, ...props },
  ref,
) {
  const { isOpen, setOpen, state, panelId, toggleProps } = useDisclosure(open, defaultOpen, onOpenChange);
  const url = "url" in citation && typeof citation.url === "string" ? safeHttpUrl(citation.url) : null;
  const source = citationSource(citation);
  return (
    <span ref={ref} className={cx("cq-citation", className)} data-state={state} {...props}>
      <button
        type="button"
        className="cq-citation-marker"
        {...toggleProps}
        aria-label={`Citation ${number}: ${source}`}
        onKeyDown={(event) => {
          if (event.key === "Escape" && isOpen) {
            event.stopPropagation();
            setOpen(false);
          }
        }}
      >
        [{number}]
      </button>
      {isOpen ? (
        <span id={panelId} className="cq-citation-panel" role="note">
          <q className="cq-citation-text">{citation.cited_text}</q>{" "}
          <span className="cq-citation-source">
            —{" "}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer">
                {source}
              </a>
            ) : (
              source
            )}
          </span>
        </span>
      ) : null}
    </span>
  );
});
