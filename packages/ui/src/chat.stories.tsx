import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { Chat } from "./chat.js";
import { withMockApi } from "./test-mock-provider.js";

const meta = {
  title: "Chat/Chat",
  component: Chat,
  decorators: [
    (Story) => (
      <div style={{ height: 600, display: "flex", flexDirection: "column" }}>
        <Story />
      </div>
    ),
    withMockApi,
  ],
  args: { model: "claude-sonnet-4-6", maxTokens: 1024, showUsage: true, contextWindow: 200_000 },
  parameters: { mockApi: { streamDelayMs: 12 } },
} satisfies Meta<typeof Chat>;

export default meta;
type Story = StoryObj<typeof meta>;

const longWait = { timeout: 15_000 };

/** Types into the composer and presses Enter (`[[` types one literal `[` in user-event). */
async function send(canvasElement: HTMLElement, text: string) {
  const canvas = within(canvasElement);
  const box = canvas.getByRole("textbox", { name: "Message" });
  await userEvent.type(box, text);
  await userEvent.keyboard("{Enter}");
  return canvas;
}

async function lastReply(canvasElement: HTMLElement) {
  const articles = within(canvasElement).getAllByRole("article");
  return articles[articles.length - 1]!;
}

/** Sends a message and waits for the whole reply. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Hello, Claude");
    await waitFor(() => expect(canvas.getAllByRole("article")).toHaveLength(2), longWait);
    await waitFor(
      async () => expect(await lastReply(canvasElement)).toHaveAttribute("data-state", "complete"),
      longWait,
    );
    await expect(canvas.getByRole("button", { name: "Send" })).toBeInTheDocument();
  },
};

/** A slow reply: the button turns into Stop while it streams. */
export const Streaming: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Tell me a story [[[[mock: words=60 slow=60]]");
    await canvas.findByRole("button", { name: "Stop" }, longWait);
    await waitFor(
      async () => expect(await lastReply(canvasElement)).toHaveAttribute("data-state", "streaming"),
      longWait,
    );
  },
};

/** Stop mid-reply: the partial reply stays, marked interrupted, and focus returns to the textbox. */
export const Stop: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Write at length [[[[mock: words=400 slow=40]]");
    const stop = await canvas.findByRole("button", { name: "Stop" }, longWait);
    await waitFor(
      async () => expect((await lastReply(canvasElement)).textContent?.length).toBeGreaterThan(20),
      longWait,
    );
    await userEvent.click(stop);
    await canvas.findByRole("button", { name: "Send" }, longWait);
    await expect(canvas.getByRole("textbox", { name: "Message" })).toHaveFocus();
    await expect(await lastReply(canvasElement)).toHaveAttribute("data-state", "interrupted");
  },
};

export const Long: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Explain everything [[[[mock: words=300 delay=2]]");
    await waitFor(
      async () => expect(await lastReply(canvasElement)).toHaveAttribute("data-state", "complete"),
      longWait,
    );
    await expect(canvas.getAllByRole("article")).toHaveLength(2);
  },
};

export const Empty: Story = {};

/** A 500 on the first attempt; Retry resends the same turn and succeeds. */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the scenario is called Error in every story file
export const Error: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Hello [[[[mock: error=500 fail-times=1]]");
    const alert = await canvas.findByRole("alert", {}, longWait);
    await expect(alert).toHaveTextContent("InternalServerError");
    await userEvent.click(within(alert).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(canvas.queryByRole("alert")).toBeNull(), longWait);
    await waitFor(
      async () => expect(await lastReply(canvasElement)).toHaveAttribute("data-state", "complete"),
      longWait,
    );
    await expect(canvas.getAllByRole("article")).toHaveLength(2);
  },
};

/** A 429 with `retry-after`: the notice counts down. */
export const RateLimited: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Hello [[[[mock: error=429 retry-after=30]]");
    const alert = await canvas.findByRole("alert", {}, longWait);
    await expect(alert).toHaveTextContent("RateLimitError");
    await expect(within(alert).getByRole("timer")).toHaveTextContent(/Retry available in \d+ s/);
  },
};

export const Thinking: Story = {
  args: { thinking: { type: "enabled", budget_tokens: 2048 }, maxTokens: 4096 },
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "Think first, then answer.");
    await canvas.findByRole("button", { name: /Thinking/ }, longWait);
    await waitFor(
      async () => expect(await lastReply(canvasElement)).toHaveAttribute("data-state", "complete"),
      longWait,
    );
  },
};

export const ToolUse: Story = {
  args: {
    tools: {
      get_weather: {
        description: "Current weather for a city",
        input_schema: {
          type: "object",
          properties: { location: { type: "string" } },
          required: ["location"],
        },
        run: () => ({ temperature: 18, conditions: "cloudy" }),
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = await send(canvasElement, "What's the weather in Paris? [[[[mock: tool=get_weather]]");
    await canvas.findByText("Tool result", {}, longWait);
    await waitFor(() => expect(canvas.getByRole("button", { name: "Send" })).toBeInTheDocument(), longWait);
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
