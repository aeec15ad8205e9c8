import { act, fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderStrict } from "../test/render-strict.js";
import { ChatThread } from "./chat-thread.js";
import type { MessageLike } from "./message-types.js";
import { conversation } from "./test-fixtures.js";

/** jsdom has no layout: give the scroller fixed metrics. */
function fakeLayout(scroller: HTMLElement, metrics: { scrollHeight: number; clientHeight: number }) {
  Object.defineProperty(scroller, "scrollHeight", { configurable: true, get: () => metrics.scrollHeight });
  Object.defineProperty(scroller, "clientHeight", { configurable: true, get: () => metrics.clientHeight });
}

const reply = (text: string): MessageLike => ({
  id: "r",
  role: "assistant",
  content: [{ type: "text", text }],
});

describe("<ChatThread>", () => {
  it("shows the empty state without messages", () => {
    const { container } = renderStrict(<ChatThread messages={[]} emptyState="Nothing yet" />);
    expect(screen.getByText("Nothing yet")).toBeInTheDocument();
    expect(container.firstChild).toHaveAttribute("data-state", "empty");
  });

  it("renders every message as an article and marks the streaming one", () => {
    renderStrict(
      <ChatThread messages={[...conversation.slice(0, 1), reply("Partial")]} status="streaming" />,
    );
    const articles = screen.getAllByRole("article");
    expect(articles).toHaveLength(2);
    expect(articles[1]).toHaveAttribute("data-state", "streaming");
    expect(articles[0]).toHaveAttribute("data-state", "complete");
  });

  it("follows new content at the bottom, stops when the user scrolls up, and jumps back on request", async () => {
    const messages = [...conversation.slice(0, 1), reply("one")];
    const { container, rerender } = renderStrict(<ChatThread messages={messages} status="streaming" />);
    const scroller = container.querySelector(".cq-thread-scroll") as HTMLElement;
    const metrics = { scrollHeight: 1000, clientHeight: 300 };
    fakeLayout(scroller, metrics);

    rerender(<ChatThread messages={[...conversation.slice(0, 1), reply("one two")]} status="streaming" />);
    expect(scroller.scrollTop).toBe(1000);

    scroller.scrollTop = 100;
    fireEvent.scroll(scroller);
    const jump = await screen.findByRole("button", { name: "Jump to latest" });

    metrics.scrollHeight = 1400;
    rerender(
      <ChatThread messages={[...conversation.slice(0, 1), reply("one two three")]} status="streaming" />,
    );
    expect(scroller.scrollTop).toBe(100);

    await userEvent.click(jump);
    expect(scroller.scrollTop).toBe(1400);
    expect(screen.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    expect(screen.getAllByRole("article")[1]).toHaveFocus();
  });

  it("moves focus between messages with arrow keys, Home and End (one tab stop)", async () => {
    renderStrict(<ChatThread messages={conversation} />);
    const articles = screen.getAllByRole("article");
    expect(articles.filter((article) => article.tabIndex === 0)).toHaveLength(1);
    act(() => articles[3]!.focus());
    await userEvent.keyboard("{ArrowUp}");
    expect(articles[2]).toHaveFocus();
    await userEvent.keyboard("{Home}");
    expect(articles[0]).toHaveFocus();
    await userEvent.keyboard("{End}");
    expect(articles[3]).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    expect(articles[3]).toHaveFocus();
  });

  it("names tool results after the tool that was called", () => {
    renderStrict(<ChatThread messages={conversation} />);
    const result = document.querySelector('[data-block="tool_result"]');
    expect(result).toHaveTextContent("get_weather");
  });

  it("announces the start of a reply once and a summary at the end, not every token", () => {
    const start = [...conversation.slice(0, 1)];
    const { rerender } = renderStrict(<ChatThread messages={start} status="idle" />);
    const region = screen.getByRole("status");
    expect(region).toHaveTextContent("");
    rerender(<ChatThread messages={start} status="connecting" />);
    expect(region).toHaveTextContent("Claude is replying.");
    rerender(<ChatThread messages={[...start, reply("Hello")]} status="streaming" />);
    rerender(<ChatThread messages={[...start, reply("Hello there")]} status="streaming" />);
    expect(region).toHaveTextContent("Claude is replying.");
    rerender(<ChatThread messages={[...start, reply("Hello there, friend")]} status="done" />);
    expect(region).toHaveTextContent("Claude replied, 3 words.");
    expect(region).toHaveAttribute("aria-live", "polite");
  });
});
