import type { ChatMessage } from "@colloquy/react";
import { describe, expect, it } from "vitest";
import { conversationUsage, settledMessages } from "./conversation-chat";

const usage = (input: number, output: number) => ({
  input_tokens: input,
  output_tokens: output,
  cache_creation_input_tokens: null,
  cache_read_input_tokens: 2,
});

const question: ChatMessage = { id: "u1", role: "user", content: [{ type: "text", text: "Hi" }] };
const streaming: ChatMessage = {
  id: "a1",
  role: "assistant",
  content: [{ type: "text", text: "Hel", citations: null }],
  status: "streaming",
  stopReason: null,
  usage: usage(10, 3),
} as ChatMessage;

describe("settledMessages", () => {
  it("keeps a reply in progress as stopped, with what arrived", () => {
    expect(settledMessages([question, streaming])).toEqual([question, { ...streaming, status: "stopped" }]);
  });

  it("drops a reply in progress that has nothing yet, keeping the question", () => {
    expect(settledMessages([question, { ...streaming, content: [] } as ChatMessage])).toEqual([question]);
  });
});

describe("conversationUsage", () => {
  it("sums the usage of every stored reply, whatever its status", () => {
    const complete = { ...streaming, id: "a0", status: "complete", usage: usage(5, 7) } as ChatMessage;
    const stopped = { ...streaming, status: "stopped" } as ChatMessage;
    expect(conversationUsage([question, complete, question, stopped])).toEqual({
      input_tokens: 15,
      output_tokens: 10,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 4,
    });
  });
});
