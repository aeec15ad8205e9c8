import { useMemo } from "react";
import { highlight } from "./highlight.js";

/** Pretty-printed JSON in a focusable `<pre>`, highlighted unless it is still streaming. */
export function JsonView({ value, label, streaming = false }: { value: unknown; label: string; streaming?: boolean }) {
  const text = useMemo(() => (typeof value === "string" ? value : stringify(value)), [value]);
  const tokens = useMemo(() => (streaming ? null : highlight(text, "json")), [text, streaming]);
  return (
    <pre className="cq-json" tabIndex={0} aria-label={label}>
      <code>
        {tokens === null
          ? text
          : tokens.map((token, index) =>
              token.kind === "plain" ? (
                token.text
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: tokens are positional
                <span key={index} className={`cq-token-${token.kind}`}>
                  {token.text}
                </span>
              ),
            )}
      </code>
    </pre>
  );
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
