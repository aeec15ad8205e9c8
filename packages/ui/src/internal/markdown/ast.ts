/** Inline nodes of our small markdown dialect (CommonMark/GFM subset, no raw HTML). */
export type InlineNode =
  | { type: "text"; value: string }
  | { type: "code"; value: string }
  | { type: "strong"; children: InlineNode[] }
  | { type: "emphasis"; children: InlineNode[] }
  | { type: "delete"; children: InlineNode[] }
  /** `href` is `null` when the target was not an http(s)/mailto URL: the text renders, the link does not. */
  | { type: "link"; href: string | null; children: InlineNode[] }
  | { type: "break" };

/** Block nodes; `code.closed` is false while its fence is still open in a streaming reply. */
export type BlockNode =
  | { type: "paragraph"; children: InlineNode[] }
  | { type: "heading"; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | { type: "code"; language: string; value: string; closed: boolean }
  | { type: "list"; ordered: boolean; start: number; items: BlockNode[][] }
  | { type: "blockquote"; children: BlockNode[] }
  | {
      type: "table";
      align: Array<"left" | "center" | "right" | null>;
      header: InlineNode[][];
      rows: InlineNode[][][];
    }
  | { type: "rule" };
