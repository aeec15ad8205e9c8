// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown nodes, blocks and tokens have no identity beyond their position
import type { WebSearchToolResultBlock } from "@colloquy/client";
import { type ComponentPropsWithoutRef, forwardRef } from "react";
import { BlockFrame, BlockHeader } from "./internal/block-frame.js";
import { safeHttpUrl } from "./internal/safe-url.js";

export interface WebSearchResultBlockProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  block: Pick<WebSearchToolResultBlock, "tool_use_id" | "content">;
}

interface WebResult {
  url: string;
  title: string;
  page_age?: string | null;
}

/** A `web_search_tool_result` block: the pages found (title, host, age) or the search error. */
export const WebSearchResultBlock = forwardRef<HTMLDivElement, WebSearchResultBlockProps>(
  function WebSearchResultBlock({ block, ...props }, ref) {
    const content = block.content as unknown;
    const results = Array.isArray(content) ? (content as WebResult[]) : null;
    const errorCode =
      results === null ? String((content as { error_code?: unknown })?.error_code ?? "unknown") : null;
    return (
      <BlockFrame
        ref={ref}
        type="web_search_tool_result"
        state={errorCode !== null ? "error" : results!.length === 0 ? "empty" : "results"}
        {...props}
      >
        <BlockHeader kind="Search results">
          {results !== null ? <span className="cq-muted">{results.length} found</span> : null}
        </BlockHeader>
        {errorCode !== null ? (
          <p role="alert" className="cq-danger-text">
            The search failed: <code>{errorCode}</code>
          </p>
        ) : (
          <ol className="cq-web-results">
            {results!.map((result, index) => {
              const href = safeHttpUrl(result.url);
              let host = result.url;
              try {
                host = new URL(result.url).host;
              } catch {
                // keep the raw text
              }
              return (
                <li key={index}>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {result.title || host}
                    </a>
                  ) : (
                    <span>{result.title || result.url}</span>
                  )}{" "}
                  <span className="cq-muted">
                    {host}
                    {result.page_age ? ` · ${result.page_age}` : ""}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </BlockFrame>
    );
  },
);
