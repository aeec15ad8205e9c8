import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { BatchTable } from "./batch-table.js";
import { batches, fixedNow } from "./test-fixtures.js";

const meta = {
  title: "Batches/BatchTable",
  component: BatchTable,
  parameters: { layout: "padded" },
  args: { batches, now: fixedNow, onCancel: fn(), onDelete: fn(), onSelect: fn() },
} satisfies Meta<typeof BatchTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Empty: Story = { args: { batches: [] } };

export const Loading: Story = { args: { batches: [], loading: true } };

export const Long: Story = {
  args: {
    batches: Array.from({ length: 12 }, (_, index) => ({
      ...batches[index % batches.length]!,
      id: `msgbatch_${String(index).padStart(2, "0")}${batches[index % batches.length]!.id.slice(11)}`,
    })),
  },
};

export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: `Cancel ${batches[0]!.id}` }));
    await expect(args.onCancel).toHaveBeenCalledWith(batches[0]);
    await userEvent.click(canvas.getByRole("button", { name: `Delete ${batches[2]!.id}` }));
    await expect(args.onDelete).toHaveBeenCalledWith(batches[2]);
  },
};

export const ActionPending: Story = { args: { pendingIds: new Set([batches[0]!.id]) } };

export const Dark: Story = { globals: { theme: "dark" } };
