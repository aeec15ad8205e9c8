import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ChatThread } from "./chat-thread.js";
import { conversation, longConversation } from "./test-fixtures.js";

const meta = {
  title: "Chat/ChatThread",
  component: ChatThread,
  args: { messages: conversation, onContinue: fn() },
  decorators: [
    (Story) => (
      <div style={{ height: 480, display: "flex", flexDirection: "column" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ChatThread>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Streaming: Story = {
  args: {
    status: "streaming",
    messages: [
      ...conversation.slice(0, 1),
      { id: "s", role: "assistant", content: [{ type: "text", text: "Checking the forecast for **Par" }] },
    ],
  },
};

export const Connecting: Story = { args: { status: "connecting", messages: conversation.slice(0, 1) } };

export const Long: Story = {
  args: { messages: longConversation },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const scroller = canvasElement.querySelector(".cq-thread-scroll") as HTMLElement;
    // Without layout (jsdom) nothing scrolls; the browser run checks this story.
    if (scroller.scrollHeight <= scroller.clientHeight) return;
    await expect(scroller.scrollTop + scroller.clientHeight).toBeGreaterThanOrEqual(
      scroller.scrollHeight - 2,
    );
    // It starts at the latest message; scrolling up stops following and offers a jump back.
    scroller.scrollTop = 0;
    scroller.dispatchEvent(new Event("scroll"));
    const jump = await canvas.findByRole("button", { name: "Jump to latest" });
    await userEvent.click(jump);
    await expect(canvas.queryByRole("button", { name: "Jump to latest" })).toBeNull();
    await expect(scroller.scrollTop + scroller.clientHeight).toBeGreaterThanOrEqual(
      scroller.scrollHeight - 2,
    );
  },
};

export const KeyboardNavigation: Story = {
  play: async ({ canvasElement }) => {
    const articles = within(canvasElement).getAllByRole("article");
    articles[articles.length - 1]!.focus();
    await userEvent.keyboard("{Home}");
    await expect(articles[0]).toHaveFocus();
    await userEvent.keyboard("{ArrowDown}");
    await expect(articles[1]).toHaveFocus();
  },
};

export const Empty: Story = { args: { messages: [] } };

export const Dark: Story = { globals: { theme: "dark" } };
