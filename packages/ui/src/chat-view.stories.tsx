import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
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
    messages: [
      ...conversation.slice(0, 1),
      { id: "s", role: "assistant", content: [{ type: "text", text: "Let me check the" }] },
    ],
  },
};

export const Long: Story = { args: { messages: longConversation } };

export const Empty: Story = { args: { messages: [] } };

// biome-ignore lint/suspicious/noShadowRestrictedNames: the scenario is called Error in every story file
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

export const RateLimited: Story = {
  args: { status: "error", error: rateLimitError(42), messages: conversation.slice(0, 1) },
};

export const Dark: Story = { args: { usage, contextWindow: 200_000 }, globals: { theme: "dark" } };

export const AwaitingToolApproval: Story = {
  args: {
    status: "streaming",
    messages: conversation.slice(0, 2),
    pendingToolCalls: [
      { id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", input: { location: "Paris, France" } },
    ],
    onApproveTool: fn(),
    onDenyTool: fn(),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Allow" }));
    await expect(args.onApproveTool).toHaveBeenCalledWith("toolu_01A09q90qw90lq917835lq9");
    await expect(canvas.getByText("Waiting for approval")).toBeInTheDocument();
  },
};

/** The chat runs the tool the model asked for: its block says so until the result arrives. */
export const RunningTool: Story = {
  args: { status: "streaming", messages: conversation.slice(0, 2) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Running…")).toBeInTheDocument();
    await expect(canvas.queryByText("Done")).not.toBeInTheDocument();
  },
};

/** Once the result is in the thread, the same call reads as done, even while the reply streams. */
export const ToolDone: Story = {
  args: { status: "streaming", messages: conversation.slice(0, 3) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Done")).toBeInTheDocument();
    await expect(canvas.queryByText("Running…")).not.toBeInTheDocument();
  },
};
