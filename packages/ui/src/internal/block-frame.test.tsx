import { describe, expect, it } from "vitest";
import { renderStrict } from "../../test/render-strict.js";
import { BlockFrame } from "./block-frame.js";

describe("<BlockFrame>", () => {
  it.each([
    ["text", "cq-text-block"],
    ["tool_use", "cq-tool-use-block"],
    ["web_search_tool_result", "cq-web-search-result-block"],
    ["code_execution_tool_result", "cq-unknown-block"],
    // A type named like an Object.prototype member is still an unknown kind.
    ["constructor", "cq-unknown-block"],
  ])("gives a %s block the classes cq-block and %s", (type, kindClass) => {
    const { container } = renderStrict(<BlockFrame type={type} state="complete" />);
    expect(container.firstChild).toHaveAttribute("class", `cq-block ${kindClass}`);
    expect(container.firstChild).toHaveAttribute("data-block", type);
    expect(container.firstChild).toHaveAttribute("data-state", "complete");
  });

  it("adds the caller's class and props, and renders a figure when asked", () => {
    const { container } = renderStrict(
      <BlockFrame as="figure" type="image" state="loaded" className="mine" title="An image" />,
    );
    const root = container.firstChild as HTMLElement;
    expect(root.tagName).toBe("FIGURE");
    expect(root).toHaveAttribute("class", "cq-block cq-image-block mine");
    expect(root).toHaveAttribute("title", "An image");
  });
});
