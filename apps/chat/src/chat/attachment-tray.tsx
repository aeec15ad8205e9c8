import { useId, useRef } from "react";
import { type Attachment, IMAGE_TYPES, PDF_TYPE } from "./attachments";

export interface AttachmentTrayProps {
  attachments: readonly Attachment[];
  errors: readonly string[];
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  onRemove: (id: string) => void;
}

function thumbnailUrl(attachment: Attachment): string | null {
  const { block } = attachment;
  if (block.type !== "image" || block.source.type !== "base64") return null;
  return `data:${block.source.media_type};base64,${block.source.data}`;
}

/**
 * The files waiting to be sent with the next message (thumbnails, a remove button each), the file picker,
 * and what went wrong with a refused file. Paste and drop are handled by the conversation around it.
 */
export function AttachmentTray({
  attachments,
  errors,
  disabled = false,
  onFiles,
  onRemove,
}: AttachmentTrayProps) {
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  return (
    <div className="attachments">
      <div className="attachments-bar">
        <input
          ref={input}
          id={inputId}
          className="cq-visually-hidden"
          type="file"
          multiple
          tabIndex={-1}
          accept={[...IMAGE_TYPES, PDF_TYPE].join(",")}
          aria-label="Attach images or PDFs"
          onChange={(event) => {
            onFiles([...(event.target.files ?? [])]);
            event.target.value = "";
          }}
        />
        <button
          type="button"
          className="button-secondary attachments-add"
          disabled={disabled}
          onClick={() => input.current?.click()}
        >
          Attach
        </button>
        <span className="attachments-hint">Images or PDFs: pick, paste or drop them here.</span>
      </div>
      {attachments.length > 0 ? (
        <ul className="attachments-list" aria-label="Attached files">
          {attachments.map((attachment) => {
            const url = thumbnailUrl(attachment);
            return (
              <li key={attachment.id} data-kind={attachment.kind}>
                {url ? <img src={url} alt="" /> : <span className="attachments-pdf">PDF</span>}
                <span className="attachments-name">{attachment.name}</span>
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={`Remove ${attachment.name}`}
                  onClick={() => onRemove(attachment.id)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {errors.length > 0 ? (
        <ul className="attachments-errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
