import type { ChatMessage } from "@colloquy/react";
import { type FormEvent, useId, useState } from "react";

/** The user turns a person typed (not the tool results sent back automatically), with their index. */
export function editableMessages(messages: readonly ChatMessage[]): { index: number; text: string }[] {
  const result: { index: number; text: string }[] = [];
  messages.forEach((message, index) => {
    if (message.role !== "user") return;
    const text = message.content
      .map((block) => (block.type === "text" ? block.text : ""))
      .filter(Boolean)
      .join("\n");
    if (text !== "") result.push({ index, text });
  });
  return result;
}

export interface EditMessageFormProps {
  messages: readonly ChatMessage[];
  onSubmit: (index: number, text: string) => void;
  onCancel: () => void;
}

/** Edits one of the user's earlier messages; the conversation is answered again from there. */
export function EditMessageForm({ messages, onSubmit, onCancel }: EditMessageFormProps) {
  const choices = editableMessages(messages);
  const last = choices[choices.length - 1];
  const [index, setIndex] = useState(last?.index ?? -1);
  const [text, setText] = useState(last?.text ?? "");
  const ids = { select: useId(), text: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (index >= 0 && text.trim() !== "") onSubmit(index, text.trim());
  };

  return (
    <form className="edit-message" onSubmit={submit} aria-label="Edit a message">
      <label htmlFor={ids.select}>Message to edit</label>
      <select
        id={ids.select}
        value={index}
        onChange={(event) => {
          const next = Number(event.target.value);
          setIndex(next);
          setText(choices.find((choice) => choice.index === next)?.text ?? "");
        }}
      >
        {choices.map((choice, position) => (
          <option key={choice.index} value={choice.index}>
            {`${position + 1}. ${choice.text.length > 60 ? `${choice.text.slice(0, 59)}…` : choice.text}`}
          </option>
        ))}
      </select>
      <label htmlFor={ids.text}>New text</label>
      <textarea
        id={ids.text}
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
        }}
      />
      <p className="edit-message-hint">Replies after this message are replaced by a new answer.</p>
      <div className="edit-message-actions">
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
