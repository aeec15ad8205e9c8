import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { Composer } from "./composer.js";

const meta = {
  title: "Chat/Composer",
  component: Composer,
  parameters: { layout: "padded" },
  args: { onSend: fn(), onStop: fn(), onValueChange: fn() },
} satisfies Meta<typeof Composer>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Streaming: Story = { args: { streaming: true } };

export const WithTokenCount: Story = { args: { defaultValue: "How many tokens is this?", tokenCount: 17 } };

export const CountingTokens: Story = { args: { defaultValue: "Counting…", tokenCount: null } };

export const Disabled: Story = { args: { disabled: true } };

export const Send: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const box = canvas.getByRole("textbox", { name: "Message" });
    await userEvent.type(box, "First line{Shift>}{Enter}{/Shift}second line");
    await expect(args.onSend).not.toHaveBeenCalled();
    await userEvent.keyboard("{Enter}");
    await expect(args.onSend).toHaveBeenCalledWith("First line\nsecond line");
    await expect(box).toHaveValue("");
  },
};

export const Stop: Story = {
  args: { streaming: true },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Stop" }));
    await expect(args.onStop).toHaveBeenCalledTimes(1);
    await expect(canvas.getByRole("textbox", { name: "Message" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    await expect(args.onStop).toHaveBeenCalledTimes(2);
  },
};

export const Dark: Story = {
  args: { tokenCount: 42, defaultValue: "Dark mode" },
  globals: { theme: "dark" },
};
