import { describe, expect, test } from "vitest";
import { buildChatRequest, DEFAULT_CHAT_MODEL } from "./build-chat-request.js";
import type { ChatMessage } from "./chat-message.js";

const conversation: ChatMessage[] = [
  { id: "u1", role: "user", content: [{ type: "text", text: "Weather in Paris?" }] },
];

const weather = {
  description: "Current weather",
  input_schema: { type: "object" as const, properties: { city: { type: "string" } } },
  run: () => "sunny",
  needsApproval: true,
};

describe("buildChatRequest", () => {
  test("uses the defaults when the options name nothing", () => {
    expect(buildChatRequest({}, conversation)).toEqual({
      model: DEFAULT_CHAT_MODEL,
      max_tokens: 1024,
      messages: [{ role: "user", content: [{ type: "text", text: "Weather in Paris?" }] }],
    });
  });

  test("sends client tools without run or needsApproval, before the server tools of params", () => {
    const serverTool = { type: "web_search_20250305", name: "web_search" };
    const request = buildChatRequest(
      {
        model: "claude-opus-4-6",
        maxTokens: 64,
        system: "Be brief.",
        tools: { get_weather: weather },
        params: { temperature: 0, tools: [serverTool] as never },
      },
      conversation,
    );
    expect(request).toMatchObject({
      model: "claude-opus-4-6",
      max_tokens: 64,
      system: "Be brief.",
      temperature: 0,
    });
    expect(request.tools).toEqual([
      { name: "get_weather", description: "Current weather", input_schema: weather.input_schema },
      serverTool,
    ]);
  });

  test("is pure: the same input gives an equal request, and the input is left as it was", () => {
    const options = { tools: { get_weather: weather } };
    const before = JSON.stringify(conversation);
    expect(buildChatRequest(options, conversation)).toEqual(buildChatRequest(options, conversation));
    expect(JSON.stringify(conversation)).toBe(before);
    expect(options.tools.get_weather.run).toBe(weather.run);
  });

  test("prefills the last reply when continuing, without its trailing whitespace", () => {
    const cut: ChatMessage[] = [
      ...conversation,
      {
        id: "a1",
        role: "assistant",
        content: [{ type: "text", text: "It is sunny and ", citations: null }],
        status: "complete",
        stopReason: "max_tokens",
        usage: null,
      },
    ];
    const request = buildChatRequest({}, cut, true);
    expect(request.messages.at(-1)).toEqual({
      role: "assistant",
      content: [{ type: "text", text: "It is sunny and", citations: null }],
    });
  });
});
