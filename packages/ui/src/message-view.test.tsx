import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { MessageView } from "./message-view.js";
import { assistantMessage, citedTextBlock } from "./test-fixtures.js";

describe("<MessageView>", () => {
  it("shows actions in one row with Copy, even while Copy is not offered", () => {
    const message = { role: "user" as const, content: "Edit me" };
    const { rerender } = renderStrict(
      <MessageView message={message} actions={<button type="button">Edit</button>} />,
    );
    const row = screen.getByRole("button", { name: "Edit" }).parentElement;
    expect(row).toHaveClass("cq-message-actions");
    expect(row).toContainElement(screen.getByRole("button", { name: "Copy message" }));
    rerender(
      <MessageView message={message} copyable={false} actions={<button type="button">Edit</button>} />,
    );
    expect(screen.queryByRole("button", { name: "Copy message" })).toBeNull();
    expect(screen.getByRole("button", { name: "Edit" })).toBeInTheDocument();
  });

  it("copies a complete message's text and says so politely", async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    const message = {
      role: "assistant" as const,
      content: [
        { type: "text" as const, text: "First part", citations: null },
        { type: "text" as const, text: "Second part", citations: null },
      ],
    };
    const { rerender } = renderStrict(<MessageView message={message} streaming />);
    expect(screen.queryByRole("button", { name: "Copy message" })).toBeNull();
    rerender(<MessageView message={message} />);
    expect(screen.queryByRole("status")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Copy message" }));
    expect(writeText).toHaveBeenCalledWith("First part\n\nSecond part");
    expect(await screen.findByRole("status")).toHaveTextContent("Copied the message to the clipboard");
    expect(screen.getByRole("button", { name: "Copied" })).toHaveAttribute("data-state", "copied");
  });

  it("labels the role and renders string content as text", () => {
    renderStrict(<MessageView message={{ role: "user", content: "Hello **there**" }} />);
    const article = screen.getByRole("article", { name: "You" });
    expect(article).toHaveAttribute("data-role", "user");
    expect(article.querySelector("strong")).toHaveTextContent("there");
  });

  it("numbers citations across the blocks of a message", () => {
    renderStrict(<MessageView message={assistantMessage([citedTextBlock, citedTextBlock] as never)} />);
    expect(screen.getAllByRole("button", { name: /^Citation/ }).map((button) => button.textContent)).toEqual([
      "[1]",
      "[2]",
      "[3]",
      "[4]",
    ]);
  });

  it("marks a streaming message busy and streams only its last block", () => {
    renderStrict(
      <MessageView
        message={assistantMessage(
          [
            { type: "text", text: "done" },
            { type: "text", text: "grow" },
          ],
          { stop_reason: null },
        )}
        streaming
      />,
    );
    const article = screen.getByRole("article", { name: "Claude (replying)" });
    expect(article).toHaveAttribute("aria-busy", "true");
    const blocks = article.querySelectorAll("[data-block='text']");
    expect(blocks[0]).toHaveAttribute("data-state", "complete");
    expect(blocks[1]).toHaveAttribute("data-state", "streaming");
  });

  it("shows the stop reason with Continue, and usage when asked", async () => {
    const onContinue = vi.fn();
    renderStrict(
      <MessageView
        message={assistantMessage([{ type: "text", text: "cut" }], { stop_reason: "max_tokens" })}
        onContinue={onContinue}
        showUsage
        contextWindow={200_000}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(onContinue).toHaveBeenCalled();
    expect(screen.getByRole("meter", { name: "Context window used" })).toBeInTheDocument();
  });

  it("marks an interrupted reply", () => {
    renderStrict(<MessageView message={{ role: "assistant", content: "Part", interrupted: true }} />);
    expect(screen.getByRole("article")).toHaveAttribute("data-state", "interrupted");
    expect(screen.getByText(/interrupted/)).toBeInTheDocument();
  });
});
