import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { StopReasonNotice } from "./stop-reason-notice.js";

const meta = {
  title: "Status/StopReasonNotice",
  component: StopReasonNotice,
  parameters: { layout: "padded" },
  args: { stopReason: "max_tokens", onContinue: fn() },
} satisfies Meta<typeof StopReasonNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

export const MaxTokens: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Continue" }));
    await expect(args.onContinue).toHaveBeenCalledTimes(1);
  },
};

export const Refusal: Story = {
  args: { stopReason: "refusal", stopDetails: { type: "refusal", category: "bio", explanation: null } },
};

export const PauseTurn: Story = { args: { stopReason: "pause_turn" } };

export const ContextWindowExceeded: Story = { args: { stopReason: "model_context_window_exceeded" } };

export const StopSequence: Story = { args: { stopReason: "stop_sequence", stopSequence: "###" } };

export const Dark: Story = { globals: { theme: "dark" } };
