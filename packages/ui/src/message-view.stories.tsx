import type { ContentBlock } from "@colloquy/client";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { MessageView } from "./message-view.js";
import {
  assistantMessage,
  citedTextBlock,
  documentBlock,
  imageBlock,
  richMarkdown,
  serverToolUseBlock,
  thinkingBlock,
  toolUseBlock,
  webSearchResultBlock,
} from "./test-fixtures.js";

const meta = {
  title: "Chat/MessageView",
  component: MessageView,
  parameters: { layout: "padded" },
  args: { message: assistantMessage([{ type: "text", text: richMarkdown }]) },
} satisfies Meta<typeof MessageView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const User: Story = {
  args: {
    message: {
      role: "user",
      content: [
        imageBlock,
        documentBlock,
        { type: "text", text: "Describe the image and cite the document." },
      ],
    },
  },
};

export const AllBlockKinds: Story = {
  args: {
    message: assistantMessage([
      thinkingBlock,
      serverToolUseBlock,
      webSearchResultBlock,
      citedTextBlock,
      toolUseBlock,
    ] as ContentBlock[]),
  },
};

export const Streaming: Story = {
  args: {
    message: assistantMessage([{ type: "text", text: "Here is the first part of the **answ" }], {
      stop_reason: null,
    }),
    streaming: true,
  },
};

export const Empty: Story = {
  args: { message: assistantMessage([], { stop_reason: null }), streaming: true },
};

export const Long: Story = {
  args: {
    message: assistantMessage([
      { type: "text", text: Array.from({ length: 6 }, () => richMarkdown).join("\n\n") },
    ]),
  },
};

export const Interrupted: Story = {
  args: {
    message: {
      ...assistantMessage([{ type: "text", text: "The answer starts like this and then" }]),
      interrupted: true,
    },
  },
};

export const MaxTokens: Story = {
  args: {
    message: assistantMessage([{ type: "text", text: "A long list:\n\n1. one\n2. two\n3. thr" }], {
      stop_reason: "max_tokens",
    }),
    onContinue: fn(),
  },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Continue" }));
    await expect(args.onContinue).toHaveBeenCalledTimes(1);
  },
};

export const Refusal: Story = {
  args: {
    message: assistantMessage([], {
      stop_reason: "refusal",
      stop_details: {
        type: "refusal",
        category: "cyber",
        explanation: "This request may facilitate malware.",
      },
    }),
  },
};

export const WithUsage: Story = { args: { showUsage: true, contextWindow: 200_000 } };

export const Dark: Story = { args: { showUsage: true, contextWindow: 200_000 }, globals: { theme: "dark" } };
