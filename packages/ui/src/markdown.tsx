// biome-ignore-all lint/suspicious/noArrayIndexKey: markdown nodes, blocks and tokens have no identity beyond their position
import { type ComponentPropsWithoutRef, forwardRef, memo, type ReactNode, useMemo, useRef } from "react";
import { cx } from "./internal/class-names.js";
import { CopyButton } from "./internal/copy-button.js";
import { highlight } from "./internal/highlight.js";
import { HighlightedCode } from "./internal/highlighted-code.js";
import type { BlockNode, InlineNode } from "./internal/markdown/ast.js";
import { closeUnfinished } from "./internal/markdown/close-unfinished.js";
import { parseBlocks } from "./internal/markdown/parse-blocks.js";
import { ChunkSplitter } from "./internal/markdown/split-chunks.js";
import { useMarkdownRenderer } from "./markdown-renderer.js";

export interface MarkdownProps extends Omit<ComponentPropsWithoutRef<"div">, "children"> {
  /** The markdown source. Raw HTML in it is shown as text, never injected. */
  text: string;
  /**
   * The text is still growing: unfinished syntax in the last chunk is closed before parsing and its
   * code blocks stay plain until they settle.
   * @default false
   */
  streaming?: boolean;
}

/**
 * Renders model markdown as React elements (the dialect of `parseMarkdown` in `@colloquy/ui/markdown`).
 * Settled chunks (everything before the last blank line outside a code fence) are parsed once and
 * memoized, so a long streaming reply re-parses only its tail. Inside a `MarkdownRendererProvider`,
 * the app's renderer fills the element instead.
 */
export const Markdown = forwardRef<HTMLDivElement, MarkdownProps>(function Markdown(
  { text, streaming = false, className, ...props },
  ref,
) {
  const renderer = useMarkdownRenderer();
  const splitter = useRef<ChunkSplitter | null>(null);
  if (splitter.current === null) splitter.current = new ChunkSplitter();
  const chunks = renderer === null ? splitter.current.update(text) : [];
  return (
    <div
      ref={ref}
      className={cx("cq-markdown", className)}
      data-state={streaming ? "streaming" : "settled"}
      data-renderer={renderer === null ? undefined : "custom"}
      {...props}
    >
      {renderer === null
        ? chunks.map((chunk, index) => (
            <MarkdownChunk
              key={chunk.start}
              source={chunk.source}
              settled={!streaming || index < chunks.length - 1}
            />
          ))
        : renderer(text, { streaming })}
    </div>
  );
});

const MarkdownChunk = memo(function MarkdownChunk({ source, settled }: { source: string; settled: boolean }) {
  const blocks = useMemo(() => parseBlocks(settled ? source : closeUnfinished(source)), [source, settled]);
  return <>{blocks.map((block, index) => renderBlock(block, index, settled))}</>;
});

function renderBlock(block: BlockNode, key: number, settled: boolean): ReactNode {
  switch (block.type) {
    case "paragraph":
      return <p key={key}>{renderInline(block.children)}</p>;
    case "heading": {
      const Tag = `h${Math.min(6, block.level + 2)}` as "h3";
      return (
        <Tag key={key} className="cq-markdown-heading" data-level={block.level}>
          {renderInline(block.children)}
        </Tag>
      );
    }
    case "code":
      return (
        <CodeBlock key={key} language={block.language} code={block.value} settled={settled && block.closed} />
      );
    case "list": {
      const items = block.items.map((item, index) => <li key={index}>{renderItem(item, settled)}</li>);
      return block.ordered ? (
        <ol key={key} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case "blockquote":
      return (
        <blockquote key={key}>
          {block.children.map((child, index) => renderBlock(child, index, settled))}
        </blockquote>
      );
    case "table":
      return (
        <div key={key} className="cq-markdown-table">
          <table>
            <thead>
              <tr>
                {block.header.map((cell, column) => (
                  <th key={column} scope="col" style={alignStyle(block.align[column])}>
                    {renderInline(cell)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, rowIndex) => (
                <tr key={rowIndex}>
                  {row.map((cell, column) => (
                    <td key={column} style={alignStyle(block.align[column])}>
                      {renderInline(cell)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    case "rule":
      return <hr key={key} />;
  }
}

function alignStyle(align: "left" | "center" | "right" | null | undefined) {
  return align ? { textAlign: align } : undefined;
}

function renderItem(item: BlockNode[], settled: boolean): ReactNode {
  const [first] = item;
  if (item.length === 1 && first?.type === "paragraph") return renderInline(first.children);
  return item.map((child, index) => renderBlock(child, index, settled));
}

function renderInline(nodes: InlineNode[]): ReactNode[] {
  return nodes.map((node, key) => {
    switch (node.type) {
      case "text":
        return node.value;
      case "code":
        return <code key={key}>{node.value}</code>;
      case "strong":
        return <strong key={key}>{renderInline(node.children)}</strong>;
      case "emphasis":
        return <em key={key}>{renderInline(node.children)}</em>;
      case "delete":
        return <del key={key}>{renderInline(node.children)}</del>;
      case "break":
        return <br key={key} />;
      case "link":
        if (node.href === null) {
          return (
            <span key={key} className="cq-markdown-unsafe-link">
              {renderInline(node.children)}
            </span>
          );
        }
        return (
          <a key={key} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
      default:
        return null;
    }
  });
}

export interface CodeBlockProps {
  /** The fence's language (`js`, `python`, …): picks the highlighter's keywords; `""` for none. */
  language: string;
  /** The code, also what the Copy button copies. */
  code: string;
  /** The fence is closed and the reply done: highlight it (a streaming block stays plain). */
  settled: boolean;
}

/**
 * A fenced code block: plain text while it streams, highlighted once its fence closes, with a Copy
 * button that copies the code (and announces "Copied" politely).
 */
export const CodeBlock = memo(function CodeBlock({ language, code, settled }: CodeBlockProps) {
  const tokens = useMemo(() => (settled ? highlight(code, language) : null), [code, language, settled]);
  return (
    <figure
      className="cq-code-block"
      data-state={settled ? "settled" : "streaming"}
      data-language={language || undefined}
    >
      <div className="cq-code-header">
        <span className="cq-code-language">{language}</span>
        <CopyButton text={code} what="code" />
      </div>
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: wide code scrolls sideways, so it must be reachable by keyboard
        tabIndex={0}
      >
        <HighlightedCode text={code} tokens={tokens} />
      </pre>
    </figure>
  );
});
