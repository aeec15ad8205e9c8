import { describe, expect, it } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { Markdown } from "./markdown.js";

describe("<Markdown>", () => {
  it("renders headings, lists, quotes, tables and code as elements", () => {
    const { container } = renderStrict(
      <Markdown
        text={
          "# Title\n\n- one\n- two\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nconst x = 1;\n```"
        }
      />,
    );
    expect(container.querySelector("h3")).toHaveTextContent("Title");
    expect(container.querySelectorAll("li")).toHaveLength(2);
    expect(container.querySelector("blockquote")).toHaveTextContent("quoted");
    expect(container.querySelectorAll("td")).toHaveLength(2);
    expect(container.querySelector("pre code")).toHaveTextContent("const x = 1;");
  });

  it("highlights a settled code block", () => {
    const { container } = renderStrict(<Markdown text={"```js\nconst x = 'a'; // note\n```"} />);
    expect(container.querySelector(".cq-code-block")).toHaveAttribute("data-state", "settled");
    expect(container.querySelector(".cq-token-keyword")).toHaveTextContent("const");
    expect(container.querySelector(".cq-token-string")).toHaveTextContent("'a'");
    expect(container.querySelector(".cq-token-comment")).toHaveTextContent("// note");
  });

  it("keeps a code block plain while its fence is open and highlights it once the stream settles", () => {
    const { container, rerender } = renderStrict(<Markdown text={"```js\nconst x = 1;"} streaming />);
    expect(container.querySelector(".cq-code-block")).toHaveAttribute("data-state", "streaming");
    expect(container.querySelector(".cq-token-keyword")).toBeNull();
    rerender(<Markdown text={"```js\nconst x = 1;\n```"} streaming={false} />);
    expect(container.querySelector(".cq-code-block")).toHaveAttribute("data-state", "settled");
    expect(container.querySelector(".cq-token-keyword")).toHaveTextContent("const");
  });

  it("renders unfinished bold in a streaming tail as bold, not as raw asterisks", () => {
    const { container } = renderStrict(<Markdown text="This is **importa" streaming />);
    expect(container.querySelector("strong")).toHaveTextContent("importa");
    expect(container).not.toHaveTextContent("**");
  });

  it("keeps the elements of settled chunks while the tail grows", () => {
    const { container, rerender } = renderStrict(<Markdown text={"First paragraph.\n\nSecond"} streaming />);
    const first = container.querySelector("p");
    rerender(<Markdown text={"First paragraph.\n\nSecond paragraph, longer now."} streaming />);
    expect(container.querySelector("p")).toBe(first);
    expect(container.querySelectorAll("p")[1]).toHaveTextContent("Second paragraph, longer now.");
  });

  it("opens links in a new tab without an opener", () => {
    const { getByRole } = renderStrict(<Markdown text="[docs](https://example.com/docs)" />);
    const link = getByRole("link", { name: "docs" });
    expect(link).toHaveAttribute("href", "https://example.com/docs");
    expect(link).toHaveAttribute("target", "_blank");
    expect(link).toHaveAttribute("rel", "noopener noreferrer");
  });

  it("exposes streaming or settled as data-state and accepts className", () => {
    const { container } = renderStrict(<Markdown text="hi" streaming className="mine" />);
    expect(container.firstChild).toHaveAttribute("data-state", "streaming");
    expect(container.firstChild).toHaveClass("cq-markdown", "mine");
  });
});
