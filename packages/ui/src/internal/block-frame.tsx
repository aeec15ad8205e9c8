import { type ComponentPropsWithoutRef, forwardRef, type ReactNode, type Ref } from "react";
import { cx } from "./class-names.js";

/** The class of each kind of block, given after `cq-block`, by its wire `type`. */
const kindClasses = new Map<string, string>([
  ["text", "cq-text-block"],
  ["thinking", "cq-thinking-block"],
  ["redacted_thinking", "cq-redacted-thinking-block"],
  ["tool_use", "cq-tool-use-block"],
  ["tool_result", "cq-tool-result-block"],
  ["server_tool_use", "cq-server-tool-use-block"],
  ["web_search_tool_result", "cq-web-search-result-block"],
  ["image", "cq-image-block"],
  ["document", "cq-document-block"],
]);

/** The class of a block type this library has no component for. */
const unknownKindClass = "cq-unknown-block";

export interface BlockFrameProps extends ComponentPropsWithoutRef<"div"> {
  /**
   * The root element: a `figure` for a block that is one picture.
   * @default "div"
   */
  as?: "div" | "figure";
  /** The block's wire `type`: rendered as `data-block`, and picks the kind's class. */
  type: string;
  /** Where the block stands, rendered as `data-state`. */
  state: string;
}

/**
 * The root every content block renders: classes `cq-block` and its kind's (`cq-text-block`…),
 * `data-block` and `data-state`, then the caller's own class and props.
 */
export const BlockFrame = forwardRef<HTMLElement, BlockFrameProps>(function BlockFrame(
  { as: Root = "div", type, state, className, ...props },
  ref,
) {
  return (
    <Root
      // A `div` and a `figure` are both plain `HTMLElement`s to a ref.
      ref={ref as Ref<HTMLDivElement>}
      className={cx("cq-block", kindClasses.get(type) ?? unknownKindClass, className)}
      data-block={type}
      data-state={state}
      {...props}
    />
  );
});

/** A block's header row: what kind of block it is, then the details each kind adds (name, badges). */
export function BlockHeader({ kind, children }: { kind: ReactNode; children?: ReactNode }) {
  return (
    <div className="cq-block-header">
      <span className="cq-block-kind">{kind}</span>
      {children}
    </div>
  );
}

/** How a badge reads: its colour in the stylesheet. */
export type BadgeTone = "info" | "success" | "warning" | "danger";

/** A short coloured label (`.cq-badge[data-tone]`), such as a status. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span className="cq-badge" data-tone={tone}>
      {children}
    </span>
  );
}
