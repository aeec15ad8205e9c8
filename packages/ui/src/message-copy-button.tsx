import { useEffect, useState } from "react";

/** How long the button reads "Copied" before it offers to copy again. */
const COPIED_FOR_MS = 2000;

type CopyState = "idle" | "copied" | "failed";

/**
 * Copies a message's text. The button reads "Copied" (or "Copy failed") for two seconds, and that result is
 * announced politely; a thread of many messages has no idle live regions (the status exists only then).
 */
export function MessageCopyButton({ text }: { text: string }) {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    const clipboard = typeof navigator === "undefined" ? undefined : navigator.clipboard;
    if (!clipboard) {
      setState("failed");
      return;
    }
    clipboard.writeText(text).then(
      () => setState("copied"),
      () => setState("failed"),
    );
  };
  return (
    <>
      <button
        type="button"
        className="cq-copy-button cq-message-copy"
        data-state={state}
        aria-label={state === "idle" ? "Copy message" : undefined}
        onClick={copy}
      >
        {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy"}
      </button>
      {state === "idle" ? null : (
        <span className="cq-visually-hidden" role="status">
          {state === "copied" ? "Copied the message to the clipboard" : "Copy failed"}
        </span>
      )}
    </>
  );
}
