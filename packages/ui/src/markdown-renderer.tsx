import { createContext, type ReactNode, useContext } from "react";

/**
 * Renders markdown in place of the built-in renderer: receives the source and whether it is still
 * streaming, returns what to show inside the `.cq-markdown` element.
 */
export type MarkdownRenderer = (text: string, options: { streaming: boolean }) => ReactNode;

const MarkdownRendererContext = createContext<MarkdownRenderer | null>(null);

export interface MarkdownRendererProviderProps {
  /** The renderer every `<Markdown>` below uses; `null` restores the built-in one. */
  renderer: MarkdownRenderer | null;
  children?: ReactNode;
}

/**
 * Swaps the markdown renderer of every component below it (text blocks, thinking, tool results, and
 * `<Markdown>` itself), e.g. for a renderer with math or full GFM.
 *
 * @example
 * <MarkdownRendererProvider renderer={(text) => <ReactMarkdown>{text}</ReactMarkdown>}>
 *   <Chat />
 * </MarkdownRendererProvider>
 */
export function MarkdownRendererProvider({ renderer, children }: MarkdownRendererProviderProps) {
  return <MarkdownRendererContext.Provider value={renderer}>{children}</MarkdownRendererContext.Provider>;
}

/** The renderer set by the nearest `MarkdownRendererProvider`, or `null` for the built-in one. */
export function useMarkdownRenderer(): MarkdownRenderer | null {
  return useContext(MarkdownRendererContext);
}
