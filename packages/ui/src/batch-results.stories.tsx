import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { BatchResults } from "./batch-results.js";
import { batchResults } from "./test-fixtures.js";

const meta = {
  title: "Batches/BatchResults",
  component: BatchResults,
  parameters: { layout: "padded" },
  args: { results: batchResults, onFilterChange: fn() },
} satisfies Meta<typeof BatchResults>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const Empty: Story = { args: { results: [] } };

export const Loading: Story = { args: { results: [], loading: true } };

export const ErroredOnly: Story = { args: { defaultFilter: "errored" } };

export const Filter: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const succeeded = canvas.getByRole("radio", { name: /Succeeded/ });
    await userEvent.click(succeeded);
    await expect(succeeded).toBeChecked();
    const rows = canvas.getAllByRole("row").slice(1);
    await expect(rows).toHaveLength(2);
    await expect(rows[0]).toHaveTextContent("req-1");
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
