import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { Markdown } from "./markdown.js";
import { MarkdownRendererProvider } from "./markdown-renderer.js";
import { richMarkdown } from "./test-fixtures.js";

const meta = {
  title: "Blocks/Markdown",
  component: Markdown,
  parameters: { layout: "padded" },
  args: { text: richMarkdown },
} satisfies Meta<typeof Markdown>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

/** Reveals the text a few characters at a time, as a stream would. */
function GrowingMarkdown({
  text,
  step = 6,
  intervalMs = 16,
}: {
  text: string;
  step?: number;
  intervalMs?: number;
}) {
  const [length, setLength] = useState(0);
  useEffect(() => {
    const timer = setInterval(
      () => setLength((current) => Math.min(text.length, current + step)),
      intervalMs,
    );
    return () => clearInterval(timer);
  }, [text, step, intervalMs]);
  return <Markdown text={text.slice(0, length)} streaming={length < text.length} />;
}

export const Streaming: Story = {
  render: (args) => <GrowingMarkdown text={args.text} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () => expect(canvasElement.querySelector(".cq-markdown")).toHaveAttribute("data-state", "settled"),
      {
        timeout: 10_000,
      },
    );
    await expect(canvas.getByRole("table")).toBeVisible();
    await expect(canvasElement.querySelector(".cq-code-block")).toHaveAttribute("data-state", "settled");
  },
};

export const Long: Story = {
  args: { text: Array.from({ length: 12 }, () => richMarkdown).join("\n\n---\n\n") },
};

export const Empty: Story = { args: { text: "" } };

export const UnsafeInput: Story = {
  args: {
    text: [
      "<script>alert('x')</script>",
      "<img src=x onerror=alert(1)>",
      "[click me](javascript:alert(1)) and [data](data:text/html,<b>x</b>)",
      '<a href="javascript:alert(1)">raw html link</a>',
    ].join("\n\n"),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("script, img, a[href^='javascript']")).toBeNull();
    await expect(within(canvasElement).getByText(/<script>/)).toBeVisible();
  },
};

/** Each code block has a Copy button; "Copied" is shown and announced through a polite live region. */
export const CopyCode: Story = {
  args: { text: "Run this:\n\n```sh\nnpm install @colloquy/ui\n```" },
  play: async ({ canvasElement }) => {
    // The story's own clipboard, so the check does not depend on the browser's clipboard permission.
    const writeText = fn(async (_text: string) => {});
    const original = Object.getOwnPropertyDescriptor(navigator, "clipboard");
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    try {
      const canvas = within(canvasElement);
      await userEvent.click(canvas.getByRole("button", { name: "Copy code" }));
      await expect(writeText).toHaveBeenCalledWith("npm install @colloquy/ui");
      await expect(canvas.getByRole("button", { name: "Copied code" })).toBeVisible();
      await expect(canvas.getByRole("status")).toHaveTextContent("Copied code to the clipboard");
    } finally {
      if (original) Object.defineProperty(navigator, "clipboard", original);
      else Reflect.deleteProperty(navigator, "clipboard");
    }
  },
};

/** An app's own renderer, set once with `MarkdownRendererProvider` (here: the source as plain text). */
export const CustomRenderer: Story = {
  args: { text: "Some **bold** text, shown as written." },
  render: (args) => (
    <MarkdownRendererProvider renderer={(text) => <pre className="my-markdown">{text}</pre>}>
      <Markdown {...args} />
    </MarkdownRendererProvider>
  ),
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("pre.my-markdown")).toHaveTextContent("Some **bold** text");
    await expect(canvasElement.querySelector("strong")).toBeNull();
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
