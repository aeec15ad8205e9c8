import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ChatView } from "./chat-view.js";
import { conversation, longConversation, rateLimitError, serverError, usage } from "./test-fixtures.js";

const meta = {
  title: "Chat/ChatView",
  component: ChatView,
  args: {
    messages: conversation,
    onSend: fn(),
    onStop: fn(),
    onRetry: fn(),
    onContinue: fn(),
    onDraftChange: fn(),
  },
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

const longUrl = `https://example.com/${"a-very-long-path-segment-without-any-break/".repeat(8)}end`;
const longCode = `const line = "${"x".repeat(280)}";`;

/** One unbroken 300-character line in prose and in code: prose wraps, the code block scrolls inside itself. */
export const LongLine: Story = {
  args: {
    messages: [
      { id: "u", role: "user", content: [{ type: "text", text: `Why does ${longUrl} fail?` }] },
      {
        id: "a",
        role: "assistant",
        content: [
          { type: "text", text: `It redirects to ${longUrl} and then:\n\n\`\`\`js\n${longCode}\n\`\`\`` },
        ],
      },
    ],
  },
  decorators: [
    // A grid track of `1fr` (as an app lays out its chat column) grows to its content's minimum width.
    (Story) => (
      <div
        className="long-line-frame"
        style={{ width: 480, maxWidth: "100%", height: "100%", display: "grid", gridTemplateColumns: "1fr" }}
      >
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const frame = canvasElement.querySelector(".long-line-frame") as HTMLElement;
    const chat = canvasElement.querySelector(".cq-chat") as HTMLElement;
    // Without layout (jsdom) every width is 0; the browser run checks this story.
    if (frame.clientWidth === 0) return;
    await expect(chat.getBoundingClientRect().width).toBeLessThanOrEqual(frame.clientWidth);
    await expect(chat.scrollWidth).toBeLessThanOrEqual(chat.clientWidth);
    for (const message of canvasElement.querySelectorAll<HTMLElement>(".cq-message")) {
      await expect(message.getBoundingClientRect().right).toBeLessThanOrEqual(
        chat.getBoundingClientRect().right + 0.5,
      );
    }
    const code = canvasElement.querySelector(".cq-code-block pre") as HTMLElement;
    await expect(code.scrollWidth).toBeGreaterThan(code.clientWidth);
    const send = within(canvasElement).getByRole("button", { name: "Send" });
    await expect(send.getBoundingClientRect().right).toBeLessThanOrEqual(chat.getBoundingClientRect().right);
  },
};
