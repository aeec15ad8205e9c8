// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown nodes, blocks and tokens have no identity beyond their position
import { useMemo } from "react";
import { highlight } from "./highlight.js";
import { HighlightedCode } from "./highlighted-code.js";

/** Pretty-printed JSON in a focusable `<pre>`, highlighted unless it is still streaming. */
export function JsonView({
  value,
  label,
  streaming = false,
}: {
  value: unknown;
  label: string;
  streaming?: boolean;
}) {
  const text = useMemo(() => (typeof value === "string" ? value : stringify(value)), [value]);
  const tokens = useMemo(() => (streaming ? null : highlight(text, "json")), [text, streaming]);
  return (
    <figure className="cq-json-figure" aria-label={label}>
      <pre
        className="cq-json"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: wide JSON scrolls sideways, so it must be reachable by keyboard
        tabIndex={0}
      >
        <HighlightedCode text={text} tokens={tokens} />
      </pre>
    </figure>
  );
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
