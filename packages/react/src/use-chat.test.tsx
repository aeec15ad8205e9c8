import { OverloadedError } from "@colloquy/client";
import { act, waitFor } from "@testing-library/react";
import { describe, expect, test, vi } from "vitest";
import {
  createTestClient,
  MODEL,
  messageRequests,
  renderHookStrict,
  startMockServer,
} from "../test/harness.js";
import { expectOneRequestToFinish, useStartOnceOnMount } from "../test/start-once.js";
import { DEFAULT_CHAT_MODEL } from "./build-chat-request.js";
import type { MessageParam } from "./internal/types.js";
import type { ChatTool } from "./tool-runner.js";
import { type UseChatOptions, useChat } from "./use-chat.js";

startMockServer();

const weatherSchema = {
  type: "object" as const,
  properties: { city: { type: "string" } },
  required: ["city"],
};

function requestMessages(body: unknown): MessageParam[] {
  return (body as { messages: MessageParam[] }).messages;
}

function renderChat(
  client: ReturnType<typeof createTestClient>["client"],
  options: Omit<UseChatOptions, "model">,
) {
  return renderHookStrict(() => useChat({ model: MODEL, ...options }), client);
}

/** The usual "start once on mount" pattern: a mount effect guarded by a ref. */
function StartChatOnceOnMount({ input }: { input: string }) {
  const chat = useChat({ model: MODEL });
  useStartOnceOnMount(() => void chat.send(input));
  return <output data-testid="status">{chat.status}</output>;
}

describe("useChat", () => {
  test("needs no options: it sends DEFAULT_CHAT_MODEL with 1024 max tokens", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderHookStrict(() => useChat(), client);

    await act(() => result.current.send("Hello"));

    expect(result.current.status).toBe("done");
    const [body] = messageRequests(requests).map((request) => request.body as Record<string, unknown>);
    expect(body).toMatchObject({ model: DEFAULT_CHAT_MODEL, max_tokens: 1024 });
    expect(DEFAULT_CHAT_MODEL).toMatch(/^claude-/);
  });

  test("runs a two-step tool loop to a final answer", async () => {
    const { client, requests } = createTestClient();
    const run = vi.fn(async ({ city }: { city: string }) => ({ city, temperature_c: 21 }));
    const tools = {
      get_weather: { description: "Current weather", input_schema: weatherSchema, run } satisfies ChatTool<{
        city: string;
      }>,
    };
    const { result } = renderChat(client, { tools: tools as UseChatOptions["tools"] });

    await act(() => result.current.send("What's the weather in Paris? [[mock: tool=get_weather]]"));

    expect(result.current.status).toBe("done");
    expect(run).toHaveBeenCalledOnce();
    const [user, call, toolResult, answer] = result.current.messages;
    expect(result.current.messages).toHaveLength(4);
    expect(user?.role).toBe("user");
    expect(call?.role === "assistant" && call.stopReason).toBe("tool_use");
    const toolUse =
      call?.role === "assistant" ? call.content.find((block) => block.type === "tool_use") : undefined;
    expect(toolResult?.content).toEqual([
      {
        type: "tool_result",
        tool_use_id: toolUse?.type === "tool_use" ? toolUse.id : "",
        content: JSON.stringify(await run.mock.results[0]?.value),
      },
    ]);
    expect(answer?.role === "assistant" && answer.stopReason).toBe("end_turn");
    expect(answer?.content.some((block) => block.type === "text")).toBe(true);

    const sent = messageRequests(requests);
    expect(sent).toHaveLength(2);
    expect(requestMessages(sent[1]?.body).at(-1)?.content).toEqual(toolResult?.content);
    expect(result.current.usage.output_tokens).toBe(
      (call?.role === "assistant" ? (call.usage?.output_tokens ?? 0) : 0) +
        (answer?.role === "assistant" ? (answer.usage?.output_tokens ?? 0) : 0),
    );
  });

  test("sends thinking blocks back with their signatures unchanged", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderChat(client, {
      maxTokens: 4096,
      thinking: { type: "enabled", budget_tokens: 1024 },
    });

    await act(() => result.current.send("Think first [[mock: thinking words=10]]"));
    const reply = result.current.messages[1];
    const thinking = reply?.content.find((block) => block.type === "thinking");
    expect(thinking?.type === "thinking" && thinking.signature.length).toBeGreaterThan(0);

    await act(() => result.current.send("And now?"));

    const second = requestMessages(messageRequests(requests)[1]?.body);
    expect(second[1]?.content).toEqual(reply?.content);
    const sentThinking = ((second[1]?.content ?? []) as Array<{ type: string }>).find(
      (block) => block.type === "thinking",
    );
    expect(sentThinking).toEqual(thinking);
  });

  test("waits for approval of a tool that needs it, then runs it", async () => {
    const { client } = createTestClient();
    const run = vi.fn(() => "sunny");
    const { result } = renderChat(client, {
      tools: { get_weather: { input_schema: weatherSchema, run, needsApproval: true } },
    });

    let sending: Promise<void> | undefined;
    act(() => {
      sending = result.current.send("Weather? [[mock: tool=get_weather]]");
    });
    await waitFor(() => expect(result.current.status).toBe("awaiting-approval"));
    expect(result.current.pendingToolCalls).toHaveLength(1);
    expect(run).not.toHaveBeenCalled();

    await act(async () => {
      result.current.approveToolCall(result.current.pendingToolCalls[0]!.id);
      await sending;
    });
    expect(run).toHaveBeenCalledOnce();
    expect(result.current.status).toBe("done");
    expect(result.current.pendingToolCalls).toEqual([]);
  });

  test("tells the model when a tool call is denied", async () => {
    const { client } = createTestClient();
    const run = vi.fn(() => "sunny");
    const { result } = renderChat(client, {
      tools: { get_weather: { input_schema: weatherSchema, run, needsApproval: true } },
      approveToolCall: () => false,
    });
    await act(() => result.current.send("Weather? [[mock: tool=get_weather]]"));
    expect(run).not.toHaveBeenCalled();
    const toolResult = result.current.messages[2]?.content[0];
    expect(toolResult).toMatchObject({ type: "tool_result", is_error: true });
    expect(result.current.status).toBe("done");
  });

  test("a mid-stream error keeps the partial reply and retry() resends without duplicating the user turn", async () => {
    const { client, requests } = createTestClient({
      headersFor: (index) =>
        index === 0 ? { "x-mock-trigger": "stream-error=overloaded_error after=8" } : undefined,
    });
    const { result } = renderChat(client, {});

    await act(() => result.current.send("Tell me something [[mock: words=40]]"));
    expect(result.current.status).toBe("error");
    expect(result.current.error).toBeInstanceOf(OverloadedError);
    const interrupted = result.current.messages[1];
    expect(interrupted?.role === "assistant" && interrupted.status).toBe("interrupted");
    expect(interrupted?.content.length).toBeGreaterThan(0);

    await act(() => result.current.retry());

    expect(result.current.status).toBe("done");
    expect(result.current.error).toBeNull();
    expect(result.current.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    const reply = result.current.messages[1];
    expect(reply?.role === "assistant" && reply.status).toBe("complete");
    const retried = requestMessages(messageRequests(requests)[1]?.body);
    expect(retried).toHaveLength(1);
    expect(retried[0]?.role).toBe("user");
  });

  test("stop() keeps the partial reply marked stopped", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderChat(client, {});
    act(() => {
      void result.current.send("Go on [[mock: words=300 slow=20]]");
    });
    await waitFor(() => expect(result.current.messages[1]?.content.length ?? 0).toBeGreaterThan(0), {
      timeout: 5000,
    });
    act(() => result.current.stop());
    expect(result.current.status).toBe("aborted");
    expect(result.current.error).toBeNull();
    const reply = result.current.messages[1];
    expect(reply?.role === "assistant" && reply.status).toBe("stopped");
    expect(messageRequests(requests)[0]?.signal.aborted).toBe(true);
  });

  test("continue() extends a reply cut by max_tokens in the same message", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderChat(client, { maxTokens: 8 });
    await act(() => result.current.send("Write a lot [[mock: words=200]]"));
    expect(result.current.stopReason).toBe("max_tokens");
    const before = result.current.messages[1];
    const beforeText = before?.content[0]?.type === "text" ? before.content[0].text : "";

    await act(() => result.current.continue());

    expect(result.current.messages).toHaveLength(2);
    const after = result.current.messages[1];
    const afterText = after?.content[0]?.type === "text" ? after.content[0].text : "";
    expect(afterText.startsWith(beforeText.trimEnd())).toBe(true);
    expect(afterText.length).toBeGreaterThan(beforeText.length);
    const prefill = requestMessages(messageRequests(requests)[1]?.body);
    expect(prefill.at(-1)?.role).toBe("assistant");
  });

  test("regenerate() and edit() replace the replies after the user turn", async () => {
    const { client, requests } = createTestClient();
    const { result } = renderChat(client, {});
    await act(() => result.current.send("First [[mock: words=5]]"));
    await act(() => result.current.regenerate());
    expect(result.current.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    await act(() => result.current.edit(0, 'Edited [[mock: reply="edited answer"]]'));
    expect(result.current.messages).toHaveLength(2);
    const reply = result.current.messages[1];
    expect(reply?.content[0]).toMatchObject({ type: "text", text: "edited answer" });
    expect(messageRequests(requests)).toHaveLength(3);
    expect(requestMessages(messageRequests(requests)[2]?.body)).toHaveLength(1);
  });
});

describe("useChat streaming", () => {
  test.each([[0], [undefined]])(
    "shows the reply growing while it streams (throttleMs %s)",
    async (throttleMs) => {
      const { client } = createTestClient();
      const seen = new Set<number>();
      const { result } = renderHookStrict(() => {
        const chat = useChat({ model: MODEL, throttleMs });
        const reply = chat.messages[1];
        if (reply?.role === "assistant") {
          const text = reply.content.map((block) => (block.type === "text" ? block.text : "")).join("");
          seen.add(text.length);
        }
        return chat;
      }, client);
      await act(async () => {
        void result.current.send("Tell me a story [[mock: words=120 slow=3]]");
      });
      await waitFor(() => expect(result.current.status).toBe("done"), { timeout: 10_000 });
      const final = Math.max(...seen);
      const partials = [...seen].filter((length) => length > 0 && length < final);
      expect(partials.length).toBeGreaterThan(3);
    },
  );

  test("a conversation started once from a mount effect survives StrictMode's re-run of effects", async () => {
    await expectOneRequestToFinish(<StartChatOnceOnMount input="Hello [[mock: words=30 slow=2]]" />);
  });

  test("unmounting aborts the conversation's request", async () => {
    const { client, requests } = createTestClient();
    const { result, unmount } = renderChat(client, {});
    act(() => {
      void result.current.send("Go on [[mock: words=400 slow=20]]");
    });
    await waitFor(() => expect(result.current.status).toBe("streaming"), { timeout: 5000 });
    unmount();
    await waitFor(() => expect(messageRequests(requests)[0]?.signal.aborted).toBe(true));
  });

  test("returns the store's actions themselves, the same on every render", async () => {
    const { client } = createTestClient();
    const { result, rerender } = renderChat(client, {});
    const first = result.current;
    rerender();
    await act(() => result.current.send("Hi [[mock: words=3]]"));
    expect(result.current.send).toBe(first.send);
    expect(result.current.approveToolCall).toBe(first.approveToolCall);
    expect(result.current.setMessages).toBe(first.setMessages);
  });
});
