import type { ContentBlockParam } from "@colloquy/client";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";

export interface InlineMessageEditProps {
  initialText: string;
  /** The files (image/document blocks) sent with the message; the edited version sends those still listed. */
  attachments?: readonly ContentBlockParam[];
  onSave: (text: string, attachments: ContentBlockParam[]) => void;
  onCancel: () => void;
}

/** What to call an attached file: a PDF's title, else "Image 2" or "PDF 1" by its place among its kind. */
export function attachmentLabel(block: ContentBlockParam, blocks: readonly ContentBlockParam[]): string {
  if (block.type === "document" && block.title) return block.title;
  const sameKind = blocks.filter((other) => other.type === block.type);
  return `${block.type === "image" ? "Image" : "PDF"} ${sameKind.indexOf(block) + 1}`;
}

function thumbnailUrl(block: ContentBlockParam): string | null {
  if (block.type !== "image") return null;
  if (block.source.type === "base64") return `data:${block.source.media_type};base64,${block.source.data}`;
  if (block.source.type === "url") return block.source.url;
  return null;
}

/**
 * Edits a user message in place: Save and resend answers again from it (the old version stays a branch).
 * The message's files stay with it (shown as thumbnails, each removable).
 */
export function InlineMessageEdit({
  initialText,
  attachments = [],
  onSave,
  onCancel,
}: InlineMessageEditProps) {
  const [text, setText] = useState(initialText);
  const [kept, setKept] = useState<ContentBlockParam[]>(() => [...attachments]);
  const textId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== "") onSave(text.trim(), kept);
  };

  return (
    <form className="message-edit" onSubmit={submit} aria-label="Edit message">
      {kept.length > 0 ? (
        <ul className="attachments-list" aria-label="Files sent with this message">
          {kept.map((block) => {
            const label = attachmentLabel(block, attachments);
            const url = thumbnailUrl(block);
            return (
              <li key={attachments.indexOf(block)} data-kind={block.type === "image" ? "image" : "pdf"}>
                {url ? (
                  <img src={url} alt="" />
                ) : (
                  <span className="attachments-pdf">{block.type === "image" ? "IMG" : "PDF"}</span>
                )}
                <span className="attachments-name">{label}</span>
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={`Remove ${label}`}
                  onClick={() => setKept((current) => current.filter((other) => other !== block))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <label htmlFor={textId} className="cq-visually-hidden">
        Edited message
      </label>
      <textarea
        ref={textarea}
        id={textId}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            // Leaves editing only (not a stop of a reply, not closing a drawer).
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          } else if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
            submit(event);
          }
        }}
      />
      <div className="message-edit-actions">
        <button type="submit" disabled={text.trim() === ""}>
          Save and resend
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
