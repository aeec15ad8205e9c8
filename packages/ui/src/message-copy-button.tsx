import { useClipboardCopy } from "./internal/copy-button.js";

const BUTTON_TEXT = { idle: "Copy", copied: "Copied", failed: "Copy failed" } as const;

/**
 * Copies a message's text. The button reads "Copied" (or "Copy failed") for two seconds, and that result is
 * announced politely; a thread of many messages has no idle live regions (the status exists only then).
 */
export function MessageCopyButton({ text }: { text: string }) {
  const { state, copy } = useClipboardCopy(text);
  return (
    <>
      <button
        type="button"
        className="cq-copy-button cq-message-copy"
        data-state={state}
        aria-label={state === "idle" ? "Copy message" : undefined}
        onClick={copy}
      >
        {BUTTON_TEXT[state]}
      </button>
      {state === "idle" ? null : (
        <span className="cq-visually-hidden" role="status">
          {state === "copied" ? "Copied the message to the clipboard" : "Copy failed"}
        </span>
      )}
    </>
  );
}
