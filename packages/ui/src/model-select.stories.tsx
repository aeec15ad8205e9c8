import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ModelSelect } from "./model-select.js";
import { models } from "./test-fixtures.js";

const meta = {
  title: "Models/ModelSelect",
  component: ModelSelect,
  parameters: { layout: "padded" },
  args: { models, onValueChange: fn() },
  // Pick the model from a list in the Controls panel rather than editing JSON.
  argTypes: {
    value: { control: "select", options: models.map((model) => model.id) },
    models: { control: false },
  },
} satisfies Meta<typeof ModelSelect>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.selectOptions(
      within(canvasElement).getByRole("combobox", { name: "Model" }),
      "claude-opus-4-8",
    );
    await expect(args.onValueChange).toHaveBeenCalledWith("claude-opus-4-8");
  },
};

export const Loading: Story = { args: { models: [], loading: true } };

// biome-ignore lint/suspicious/noShadowRestrictedNames: the scenario is called Error in every story file
export const Error: Story = { args: { models: [], error: new globalThis.Error("Connection error.") } };

export const Empty: Story = { args: { models: [] } };

export const Dark: Story = { globals: { theme: "dark" } };
