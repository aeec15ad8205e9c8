import type { CodeToken } from "./highlight.js";

/** The `<code>` of a block: plain text while `tokens` is null (streaming), else one span per token kind. */
export function HighlightedCode({ text, tokens }: { text: string; tokens: CodeToken[] | null }) {
  return (
    <code>
      {tokens === null
        ? text
        : tokens.map((token, index) =>
            token.kind === "plain" ? (
              token.text
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: tokens have no identity but their position.
              <span key={index} className={`cq-token-${token.kind}`}>
                {token.text}
              </span>
            ),
          )}
    </code>
  );
}
