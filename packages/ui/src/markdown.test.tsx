import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { Markdown } from "./markdown.js";
import { MarkdownRendererProvider } from "./markdown-renderer.js";
import { TextBlock } from "./text-block.js";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

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

  it("renders a loose numbered list as one list, while it streams and after", () => {
    const text = "1. **First** step.\n\n2. Second step:\n\n   ```sh\n   npm i\n   ```\n\n3. Third.";
    const { container, rerender } = renderStrict(<Markdown text={text.slice(0, 30)} streaming />);
    for (let length = 31; length <= text.length; length += 7) {
      rerender(<Markdown text={text.slice(0, length)} streaming />);
    }
    rerender(<Markdown text={text} />);
    expect(container.querySelectorAll("ol")).toHaveLength(1);
    expect(container.querySelectorAll("ol > li")).toHaveLength(3);
    expect(container.querySelector("ol > li:nth-child(2) pre code")).toHaveTextContent("npm i");
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

describe("code block Copy button", () => {
  const code = "const a = 1;\nconsole.log(a);";

  function stubClipboard(writeText: (text: string) => Promise<void>) {
    const spy = vi.fn(writeText);
    // userEvent.setup() installs its own clipboard; the stub goes on after it.
    Object.defineProperty(navigator, "clipboard", { value: { writeText: spy }, configurable: true });
    return spy;
  }

  it("copies the code, shows Copied and announces it politely", async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard(async () => {});
    renderStrict(<Markdown text={`\`\`\`js\n${code}\n\`\`\``} />);
    const button = screen.getByRole("button", { name: "Copy code" });
    await user.click(button);
    expect(writeText).toHaveBeenCalledWith(code);
    expect(button).toHaveAttribute("data-state", "copied");
    expect(button).toHaveAccessibleName("Copied code");
    const status = screen.getByRole("status");
    expect(status).toHaveAttribute("aria-live", "polite");
    expect(status).toHaveTextContent("Copied code to the clipboard");
  });

  it("goes back to Copy after two seconds", async () => {
    vi.useFakeTimers();
    const writeText = stubClipboard(async () => {});
    renderStrict(<Markdown text={`\`\`\`\n${code}\n\`\`\``} />);
    const button = screen.getByRole("button", { name: "Copy code" });
    await act(async () => button.click());
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(button).toHaveAttribute("data-state", "copied");
    act(() => vi.advanceTimersByTime(1999));
    expect(button).toHaveAttribute("data-state", "copied");
    act(() => vi.advanceTimersByTime(1));
    expect(button).toHaveAttribute("data-state", "idle");
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("says so when the clipboard refuses", async () => {
    const user = userEvent.setup();
    stubClipboard(() => Promise.reject(new DOMException("denied", "NotAllowedError")));
    renderStrict(<Markdown text={"```\nx\n```"} />);
    await user.click(screen.getByRole("button", { name: "Copy code" }));
    expect(screen.getByRole("button")).toHaveAttribute("data-state", "failed");
    expect(screen.getByRole("status")).toHaveTextContent("Copy failed");
  });

  it("copies what has arrived of a code block still streaming", async () => {
    const user = userEvent.setup();
    const writeText = stubClipboard(async () => {});
    renderStrict(<Markdown text={"```py\nprint(1)\nprint("} streaming />);
    await user.click(screen.getByRole("button", { name: "Copy code" }));
    expect(writeText).toHaveBeenCalledWith("print(1)\nprint(");
  });
});

describe("MarkdownRendererProvider", () => {
  it("replaces the renderer of <Markdown> and of the blocks that use it", () => {
    const renderer = vi.fn((text: string, { streaming }: { streaming: boolean }) => (
      <output data-streaming={String(streaming)}>custom: {text}</output>
    ));
    const { container } = renderStrict(
      <MarkdownRendererProvider renderer={renderer}>
        <TextBlock block={{ text: "**hi**" }} streaming />
      </MarkdownRendererProvider>,
    );
    expect(container.querySelector("output")).toHaveTextContent("custom: **hi**");
    expect(container.querySelector("output")).toHaveAttribute("data-streaming", "true");
    expect(container.querySelector("strong")).toBeNull();
    expect(container.querySelector(".cq-markdown")).toHaveAttribute("data-renderer", "custom");
  });

  it("restores the built-in renderer with null", () => {
    const { container } = renderStrict(
      <MarkdownRendererProvider renderer={() => "custom"}>
        <MarkdownRendererProvider renderer={null}>
          <Markdown text="**hi**" />
        </MarkdownRendererProvider>
      </MarkdownRendererProvider>,
    );
    expect(container.querySelector("strong")).toHaveTextContent("hi");
  });
});
