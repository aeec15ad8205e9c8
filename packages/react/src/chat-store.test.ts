import { HttpResponse, http } from "msw";
import { describe, expect, test } from "vitest";
import { BASE_URL, createTestClient, MODEL, messageRequests, startMockServer } from "../test/harness.js";
import { ChatStore } from "./chat-store.js";
import type { MessageParam } from "./internal/types.js";

const server = startMockServer();

/** A streamed reply with one text block and the given stop reason, as the API sends it. */
function textReply(text: string, stopReason: string): Response {
  const events: Array<[string, unknown]> = [
    [
      "message_start",
      {
        type: "message_start",
        message: {
          id: `msg_${stopReason}`,
          type: "message",
          role: "assistant",
          model: MODEL,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 5, output_tokens: 1 },
        },
      },
    ],
    [
      "content_block_start",
      { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    ],
    ["content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }],
    ["content_block_stop", { type: "content_block_stop", index: 0 }],
    [
      "message_delta",
      {
        type: "message_delta",
        delta: { stop_reason: stopReason, stop_sequence: null },
        usage: { output_tokens: 3 },
      },
    ],
    ["message_stop", { type: "message_stop" }],
  ];
  const body = events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join("");
  return new HttpResponse(body, { headers: { "content-type": "text/event-stream" } });
}

/** Answers the next POST /v1/messages requests with these replies, in order. */
function script(...replies: Array<() => Response>) {
  let index = 0;
  server.use(
    http.post(`${BASE_URL}/v1/messages`, () => (replies[index++] ?? replies[replies.length - 1]!)()),
  );
}

describe("ChatStore stop reasons", () => {
  test("continues a pause_turn automatically into the same reply", async () => {
    const { client, requests } = createTestClient();
    script(
      () => textReply("Searching the web", "pause_turn"),
      () => textReply(" and here is the answer.", "end_turn"),
    );
    const chat = new ChatStore({ client, model: MODEL });
    await chat.send("Find it");
    const { messages, status, stopReason, usage } = chat.getSnapshot();
    expect(status).toBe("done");
    expect(stopReason).toBe("end_turn");
    expect(messages).toHaveLength(2);
    expect(messages[1]?.content).toEqual([
      expect.objectContaining({ type: "text", text: "Searching the web and here is the answer." }),
    ]);
    const second = (messageRequests(requests)[1]?.body as { messages: MessageParam[] } | undefined)?.messages;
    expect(second?.at(-1)).toMatchObject({
      role: "assistant",
      content: [{ type: "text", text: "Searching the web" }],
    });
    expect(usage.output_tokens).toBe(6);
  });

  test("does not continue a pause_turn when autoContinue is off", async () => {
    const { client, requests } = createTestClient();
    script(() => textReply("Paused", "pause_turn"));
    const chat = new ChatStore({ client, model: MODEL, autoContinue: false });
    await chat.send("Find it");
    expect(chat.getSnapshot().stopReason).toBe("pause_turn");
    expect(messageRequests(requests)).toHaveLength(1);
  });

  test("surfaces a refusal as the stop reason and ends the turn", async () => {
    const { client, requests } = createTestClient();
    script(() => textReply("I can't help with that.", "refusal"));
    const chat = new ChatStore({ client, model: MODEL });
    await chat.send("Something bad");
    const { status, stopReason, messages } = chat.getSnapshot();
    expect(status).toBe("done");
    expect(stopReason).toBe("refusal");
    expect(messages[1]).toMatchObject({ role: "assistant", status: "complete", stopReason: "refusal" });
    expect(messageRequests(requests)).toHaveLength(1);
  });

  test("stops the tool loop after maxSteps requests", async () => {
    const { client, requests } = createTestClient();
    let runs = 0;
    const chat = new ChatStore({
      client,
      model: MODEL,
      maxSteps: 2,
      tools: {
        get_weather: {
          input_schema: { type: "object", properties: { city: { type: "string" } } },
          run: () => {
            runs++;
            return "sunny";
          },
        },
      },
      params: { tool_choice: { type: "any" } },
    });
    await chat.send("Weather?");
    expect(messageRequests(requests)).toHaveLength(2);
    expect(runs).toBe(1);
    expect(chat.getSnapshot().status).toBe("done");
  });

  test("edit() refuses an index that is not a user message", async () => {
    const { client } = createTestClient();
    const chat = new ChatStore({
      client,
      model: MODEL,
      initialMessages: [{ role: "assistant", content: "Hello" }],
    });
    expect(() => chat.edit(0, "x")).toThrow("only a user message can be edited");
    expect(() => chat.edit(5, "x")).toThrow();
  });
});
