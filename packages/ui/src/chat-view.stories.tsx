import type { Meta, StoryObj } from "@storybook/react-vite";
import { fn } from "storybook/test";
import { ChatView } from "./chat-view.js";
import { conversation, longConversation, rateLimitError, serverError, usage } from "./test-fixtures.js";

const meta = {
  title: "Chat/ChatView",
  component: ChatView,
  args: { messages: conversation, onSend: fn(), onStop: fn(), onRetry: fn(), onContinue: fn() },
  decorators: [
    (Story) => (
      <div style={{ height: 560, display: "flex", flexDirection: "column" }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ChatView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { usage, contextWindow: 200_000 } };

export const Streaming: Story = {
  args: {
    status: "streaming",
    messages: [...conversation.slice(0, 1), { id: "s", role: "assistant", content: [{ type: "text", text: "Let me check the" }] }],
  },
};

export const Long: Story = { args: { messages: longConversation } };

export const Empty: Story = { args: { messages: [] } };

export const Error: Story = {
  args: {
    status: "error",
    error: serverError(),
    messages: [
      ...conversation.slice(0, 1),
      { id: "i", role: "assistant", content: [{ type: "text", text: "It is 18" }], interrupted: true },
    ],
  },
};

export const RateLimited: Story = { args: { status: "error", error: rateLimitError(42), messages: conversation.slice(0, 1) } };

export const Dark: Story = { args: { usage, contextWindow: 200_000 }, globals: { theme: "dark" } };
