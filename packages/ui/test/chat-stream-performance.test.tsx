import Anthropic from "@colloquy/client";
import { AnthropicProvider } from "@colloquy/react";
import { QueryClient } from "@tanstack/react-query";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { Profiler } from "react";
import { describe, expect, it } from "vitest";
import { Chat } from "../src/chat.js";
import { renderStrict } from "./render-strict.js";

const DELTAS = 2_000;

function sse(type: string, data: Record<string, unknown>): string {
  return `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
}

/** A streaming reply of exactly `DELTAS` text deltas, delivered in bursts as a fast server would. */
function streamingResponse(): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(
        encoder.encode(
          sse("message_start", {
            message: {
              id: "msg_perf",
              type: "message",
              role: "assistant",
              model: "claude-sonnet-4-6",
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: { input_tokens: 5, output_tokens: 1 },
            },
          }) + sse("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
        ),
      );
      for (let index = 0; index < DELTAS; index += 1) {
        controller.enqueue(
          encoder.encode(sse("content_block_delta", { index: 0, delta: { type: "text_delta", text: "w " } })),
        );
        // A macrotask every few deltas, so an unbatched consumer would commit hundreds of times.
        if (index % 5 === 4) await new Promise((resolve) => setTimeout(resolve, 0));
      }
      controller.enqueue(
        encoder.encode(
          sse("content_block_stop", { index: 0 }) +
            sse("message_delta", {
              delta: { stop_reason: "end_turn", stop_sequence: null },
              usage: { output_tokens: DELTAS },
            }) +
            sse("message_stop", {}),
        ),
      );
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": "text/event-stream", "request-id": "req_perf" },
  });
}

describe("<Chat> under a fast stream", () => {
  it("renders a 2,000-delta reply completely with a bounded number of commits", async () => {
    const client = new Anthropic({
      apiKey: "test",
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
      fetch: async () => streamingResponse(),
    });
    let commits = 0;
    renderStrict(
      <AnthropicProvider client={client} queryClient={new QueryClient()}>
        <Profiler id="chat" onRender={() => (commits += 1)}>
          <Chat model="claude-sonnet-4-6" />
        </Profiler>
      </AnthropicProvider>,
    );
    const box = screen.getByRole("textbox", { name: "Message" });
    fireEvent.change(box, { target: { value: "Go" } });
    const before = commits;
    await act(async () => {
      fireEvent.keyDown(box, { key: "Enter" });
    });
    await waitFor(
      () => {
        const articles = screen.getAllByRole("article");
        expect(articles[articles.length - 1]).toHaveAttribute("data-state", "complete");
      },
      { timeout: 10_000 },
    );
    const reply = screen.getAllByRole("article")[1]!;
    expect(reply.querySelector(".cq-markdown")?.textContent?.match(/\bw\b/g)).toHaveLength(DELTAS);
    // One commit per delta would be 2,000; batching per animation frame must keep it far lower.
    expect(commits - before).toBeLessThan(DELTAS / 20);
  });
});
