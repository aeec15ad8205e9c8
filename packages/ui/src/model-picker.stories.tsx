import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, waitFor, within } from "storybook/test";
import { ModelPicker } from "./model-picker.js";
import { models } from "./test-fixtures.js";
import { withMockApi } from "./test-mock-provider.js";

const meta = {
  title: "Models/ModelPicker",
  component: ModelPicker,
  parameters: { layout: "padded" },
  decorators: [withMockApi],
  args: { onValueChange: fn() },
  // Pick the model from a list in the Controls panel rather than typing its id.
  argTypes: { value: { control: "select", options: models.map((model) => model.id) } },
} satisfies Meta<typeof ModelPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Loads the list from the (mock) models API. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const select = within(canvasElement).getByRole("combobox", { name: "Model" });
    await waitFor(() => expect(select).toBeEnabled(), { timeout: 10_000 });
    await expect(select.querySelectorAll("option").length).toBeGreaterThan(1);
  },
};

export const Dark: Story = { globals: { theme: "dark" } };
