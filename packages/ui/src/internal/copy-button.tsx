import { useEffect, useState } from "react";
import { cx } from "./class-names.js";

/** How long the button reads "Copied" before it offers to copy again. */
const copiedForMs = 2000;

export interface CopyButtonProps {
  /** The text put on the clipboard. */
  text: string;
  /** What is copied, for the accessible name ("Copy code"). @default "text" */
  what?: string;
  className?: string | undefined;
}

/** Where a copy button is: idle, or showing the result of the last click. */
export type CopyState = "idle" | "copied" | "failed";

/**
 * The state of a copy button and its click handler: `copy()` puts `text` on the clipboard (Clipboard
 * API) and the state reads `"copied"` or `"failed"` for two seconds, then `"idle"` again.
 */
export function useClipboardCopy(text: string): { state: CopyState; copy: () => void } {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), copiedForMs);
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
  return { state, copy };
}

/**
 * Copies `text` with the Clipboard API. The result ("Copied" or "Copy failed") is announced through a
 * polite live region, and the button shows it for two seconds (`data-state="copied"`/`"failed"`).
 */
export function CopyButton({ text, what = "text", className }: CopyButtonProps) {
  const { state, copy } = useClipboardCopy(text);
  return (
    <>
      <button type="button" className={cx("cq-copy-button", className)} data-state={state} onClick={copy}>
        {state === "copied" ? "Copied" : "Copy"} <span className="cq-visually-hidden">{what}</span>
      </button>
      <span className="cq-visually-hidden" role="status" aria-live="polite">
        {announcement(state, what)}
      </span>
    </>
  );
}

/** What the live region says after a click; nothing while idle. */
function announcement(state: CopyState, what: string): string {
  if (state === "copied") return `Copied ${what} to the clipboard`;
  if (state === "failed") return "Copy failed";
  return "";
}
