import type { Meta, StoryObj } from "@storybook/react-vite";
import { usage } from "./test-fixtures.js";
import { UsageMeter } from "./usage-meter.js";

const meta = {
  title: "Status/UsageMeter",
  component: UsageMeter,
  parameters: { layout: "padded" },
  args: { usage, contextWindow: 200_000 },
} satisfies Meta<typeof UsageMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithoutContextWindow: Story = { args: { contextWindow: undefined } };
export const Empty: Story = { args: { usage: null } };
export const NearlyFull: Story = { args: { usage: { ...usage, input_tokens: 160_000 } } };
export const Full: Story = { args: { usage: { ...usage, input_tokens: 199_000, output_tokens: 4_000 } } };
export const Dark: Story = { globals: { theme: "dark" } };
