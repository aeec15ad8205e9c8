import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ToolApproval } from "./tool-approval.js";

const meta = {
  title: "Chat/ToolApproval",
  component: ToolApproval,
  parameters: { layout: "padded" },
  args: {
    call: { id: "toolu_01", name: "delete_file", input: { path: "/tmp/report.txt" } },
    onApprove: fn(),
    onDeny: fn(),
  },
} satisfies Meta<typeof ToolApproval>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Deny: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Deny" }));
    await expect(args.onDeny).toHaveBeenCalledWith("toolu_01");
    await expect(args.onApprove).not.toHaveBeenCalled();
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
