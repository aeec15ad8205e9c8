import { BadRequestError } from "@colloquy/client";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, within } from "storybook/test";
import { ErrorNotice } from "./error-notice.js";
import { connectionError, fixedNow, overloadedError, rateLimitError, serverError } from "./test-fixtures.js";

const meta = {
  title: "Status/ErrorNotice",
  component: ErrorNotice,
  parameters: { layout: "padded" },
  args: { error: serverError(), onRetry: fn() },
} satisfies Meta<typeof ErrorNotice>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const RateLimited: Story = { args: { error: rateLimitError(42), now: fixedNow } };

export const RateLimitedCountingDown: Story = { args: { error: rateLimitError(5) } };

export const Overloaded: Story = { args: { error: overloadedError() } };

export const ConnectionError: Story = { args: { error: connectionError() } };

export const WithoutRetry: Story = { args: { onRetry: undefined } };

/** A 400 is final: the client would not retry it, so no Retry is offered even with `onRetry`. */
export const NotRetryable: Story = {
  args: { error: new BadRequestError(400, undefined, "prompt is too long", new Headers()) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole("button", { name: "Retry" })).toBeNull();
  },
};

export const Retry: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole("button", { name: "Retry" }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

export const Dark: Story = { args: { error: rateLimitError(42), now: fixedNow }, globals: { theme: "dark" } };
