import { type FormEvent, useEffect, useId, useRef, useState } from "react";

export interface InlineMessageEditProps {
  initialText: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Edits a user message in place: Save and resend answers again from it (the old version stays a branch). */
export function InlineMessageEdit({ initialText, onSave, onCancel }: InlineMessageEditProps) {
  const [text, setText] = useState(initialText);
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
    if (text.trim() !== "") onSave(text.trim());
  };

  return (
    <form className="message-edit" onSubmit={submit} aria-label="Edit message">
      <label htmlFor={textId} className="visually-hidden">
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
