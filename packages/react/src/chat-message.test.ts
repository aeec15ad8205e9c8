import { describe, expect, test } from "vitest";
import { type ChatMessage, mergeContinuation, toRequestMessages } from "./chat-message.js";
import type { ContentBlock } from "./internal/types.js";

const thinking = { type: "thinking", thinking: "Let me think.", signature: "sig-abc" } as ContentBlock;
const toolUse = {
  type: "tool_use",
  id: "toolu_1",
  name: "get_weather",
  input: { city: "Paris" },
} as ContentBlock;
const text = (value: string) => ({ type: "text", text: value, citations: null }) as ContentBlock;

function assistant(
  content: ContentBlock[],
  status: "complete" | "interrupted" | "stopped" = "complete",
): ChatMessage {
  return { id: `a${Math.random()}`, role: "assistant", content, status, stopReason: null, usage: null };
}

describe("toRequestMessages", () => {
  test("sends a complete reply back unchanged, thinking signature included", () => {
    const reply = assistant([thinking, text("Hello")]);
    const request = toRequestMessages([
      { id: "u", role: "user", content: [{ type: "text", text: "Hi" }] },
      reply,
    ]);
    expect(request[1]).toEqual({ role: "assistant", content: [thinking, text("Hello")] });
  });

  test("keeps only the text of an interrupted reply and drops it when nothing is left", () => {
    const user: ChatMessage = { id: "u", role: "user", content: [{ type: "text", text: "Hi" }] };
    expect(toRequestMessages([user, assistant([thinking, text("Hel")], "interrupted")])[1]).toEqual({
      role: "assistant",
      content: [text("Hel")],
    });
    expect(toRequestMessages([user, assistant([thinking], "stopped")])).toHaveLength(1);
  });

  test("leaves out tool calls that never got a result", () => {
    const user: ChatMessage = { id: "u", role: "user", content: [{ type: "text", text: "Hi" }] };
    const request = toRequestMessages([user, assistant([text("Checking"), toolUse])]);
    expect(request[1]?.content).toEqual([text("Checking")]);
  });

  test("keeps a tool call that was answered", () => {
    const user: ChatMessage = { id: "u", role: "user", content: [{ type: "text", text: "Hi" }] };
    const result: ChatMessage = {
      id: "r",
      role: "user",
      content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "21°C" }],
    };
    const request = toRequestMessages([user, assistant([toolUse]), result]);
    expect(request[1]?.content).toEqual([toolUse]);
  });

  test("trims trailing whitespace of a prefill", () => {
    const user: ChatMessage = { id: "u", role: "user", content: [{ type: "text", text: "Hi" }] };
    const request = toRequestMessages([user, assistant([text("Once upon a ")])], true);
    expect(request[1]?.content).toEqual([text("Once upon a")]);
  });
});

describe("mergeContinuation", () => {
  test("joins a continued text block and appends the rest", () => {
    expect(mergeContinuation([thinking, text("Once upon")], [text(" a time"), toolUse])).toEqual([
      thinking,
      text("Once upon a time"),
      toolUse,
    ]);
  });

  test("appends when the reply did not end in text", () => {
    expect(mergeContinuation([toolUse], [text("done")])).toEqual([toolUse, text("done")]);
  });
});
