import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { ContentBlock } from "./content-block.js";
import {
  citedTextBlock,
  codeExecutionBlock,
  documentBlock,
  imageBlock,
  redactedThinkingBlock,
  serverToolUseBlock,
  streamingToolUseBlock,
  textBlock,
  thinkingBlock,
  toolErrorBlock,
  toolResultBlock,
  toolUseBlock,
  webSearchErrorBlock,
  webSearchResultBlock,
} from "./test-fixtures.js";

const meta = {
  title: "Blocks/ContentBlock",
  component: ContentBlock,
  parameters: { layout: "padded" },
  args: { block: textBlock },
} satisfies Meta<typeof ContentBlock>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Text: Story = {};

export const TextWithCitations: Story = {
  args: { block: citedTextBlock },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: /Citation 1/ }));
    await expect(canvas.getByRole("note")).toHaveTextContent("The grass is green.");
  },
};

export const Thinking: Story = {
  args: { block: thinkingBlock, budgetTokens: 4096 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getByRole("button", { name: /Thinking/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await userEvent.click(toggle);
    await expect(canvas.getByText(/summarise the result/)).toBeVisible();
  },
};

export const ThinkingStreaming: Story = {
  args: {
    block: { type: "thinking", thinking: "Let me work through this step by step. First, the", signature: "" },
    streaming: true,
  },
};

export const RedactedThinking: Story = { args: { block: redactedThinkingBlock } };

export const ToolUse: Story = { args: { block: toolUseBlock } };

export const ToolUseStreaming: Story = {
  args: { block: streamingToolUseBlock, streaming: true },
};

export const ToolResult: Story = { args: { block: toolResultBlock, toolName: "get_weather" } };

export const ToolResultError: Story = { args: { block: toolErrorBlock, toolName: "get_weather" } };

export const Image: Story = { args: { block: imageBlock } };

export const Document: Story = { args: { block: documentBlock } };

export const ServerToolUse: Story = { args: { block: serverToolUseBlock } };

export const WebSearchResults: Story = { args: { block: webSearchResultBlock } };

export const WebSearchError: Story = { args: { block: webSearchErrorBlock } };

export const OtherBlockKind: Story = { args: { block: codeExecutionBlock } };

export const Dark: Story = { args: { block: textBlock }, globals: { theme: "dark" } };
