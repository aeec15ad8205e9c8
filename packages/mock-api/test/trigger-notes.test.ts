// A trigger that cannot apply says so in the reply, instead of an ordinary reply in silence.
import { describe, expect, it } from "vitest";
import { createMockApi } from "../src/create-mock-api.js";
import { parseSse, rawHeaders } from "./helpers.js";

const api = createMockApi({ varyRepeatedRequests: false });

const tool = (name: string) => ({
  name,
  input_schema: { type: "object", properties: { q: { type: "string" } } },
});

async function send(body: Record<string, unknown>, triggerHeader?: string) {
  const headers: Record<string, string> = { ...rawHeaders };
  if (triggerHeader) headers["x-mock-trigger"] = triggerHeader;
  const response = await api.handle(
    new Request("https://api.anthropic.com/v1/messages", {
      method: "POST",
      headers,
      body: JSON.stringify({ model: "claude-sonnet-4-6", max_tokens: 512, ...body }),
    }),
  );
  expect(response.status).toBe(200);
  if (body.stream) {
    const events = parseSse(await response.text());
    const deltas = events.map(({ data }) => (data as { delta?: { text?: string } }).delta?.text ?? "");
    return { text: deltas.join(""), content: [], events: events.map(({ event }) => event) };
  }
  const message = (await response.json()) as {
    content: Array<{ type: string; text?: string; name?: string }>;
  };
  return {
    text: message.content.find((block) => block.type === "text")?.text ?? "",
    content: message.content,
  };
}

const user = (content: string) => [{ role: "user", content }];

describe("trigger notes", () => {
  it("names the tools offered when tool=NAME is not one of them", async () => {
    const { text, content } = await send({
      messages: user("Weather? [[mock: tool=get_weather]]"),
      tools: [tool("get_time"), tool("search")],
    });
    expect(text).toMatch(
      /^\[mock\] tool=get_weather did not apply: this request offers no tool named "get_weather" \(tools offered: "get_time", "search"\)\.\n\nThis is a mock reply/,
    );
    expect(content.some((block) => block.type === "tool_use")).toBe(false);
  });

  it("says so when the request offers no tools, or tool_choice rules the tool out", async () => {
    expect((await send({ messages: user("[[mock: tool]] Hi") })).text).toMatch(
      /^\[mock\] tool did not apply: this request offers no tools\./,
    );
    const none = await send(
      {
        messages: user("Hi"),
        tools: [tool("get_time")],
        tool_choice: { type: "none" },
      },
      "tool=get_time",
    );
    expect(none.text).toMatch(/^\[mock\] tool=get_time did not apply: tool_choice is "none"\./);
    const forced = await send({
      messages: user("Hi [[mock: tool=search]]"),
      tools: [tool("get_time"), tool("search")],
      tool_choice: { type: "tool", name: "get_time" },
    });
    expect(forced.text).toContain(
      '[mock] tool=search did not apply: tool_choice forces the tool "get_time".',
    );
    expect(forced.content.find((block) => block.type === "tool_use")?.name).toBe("get_time");
  });

  it("stays silent when the trigger applies", async () => {
    const { text, content } = await send({
      messages: user("Weather? [[mock: tool=search]]"),
      tools: [tool("get_time"), tool("search")],
    });
    expect(text).not.toContain("[mock]");
    expect(content.find((block) => block.type === "tool_use")?.name).toBe("search");
  });

  it("says stream-only triggers do not apply to a request that does not stream", async () => {
    const { text } = await send({ messages: user("Hi [[mock: stream-error drop slow]]") });
    expect(text).toContain(
      '[mock] stream-error did not apply: this request is not streaming (send "stream": true).',
    );
    expect(text).toContain("[mock] drop did not apply");
    expect(text).toContain("[mock] slow did not apply");
  });

  it("says after=N needs stream-error or drop, and error headers need an error", async () => {
    const streamed = await send({ messages: user("Hi [[mock: after=3]]"), stream: true });
    expect(streamed.text).toContain("[mock] after did not apply");
    expect(streamed.events?.at(-1)).toBe("message_stop");
    const { text } = await send({ messages: user("Hi [[mock: retry-after=5]]") });
    expect(text).toContain("[mock] retry-after did not apply: it sets a header of error= or fail-times=.");
  });

  it("says thinking cannot start a reply whose tool_choice forces a tool", async () => {
    const { text, content } = await send({
      messages: user("Hi [[mock: thinking]]"),
      tools: [tool("get_time")],
      tool_choice: { type: "any" },
    });
    expect(text).toContain("[mock] thinking did not apply");
    expect(content.some((block) => block.type === "thinking")).toBe(false);
  });

  it("says words= and reply= do not apply when tool_choice forces a call (which has no text)", async () => {
    const { text, content } = await send({
      messages: user('Hi [[mock: words=9 reply="x"]]'),
      tools: [tool("get_time")],
      tool_choice: { type: "any" },
    });
    expect(text).toBe(
      "[mock] words did not apply: tool_choice forces a tool call, which has no text. [mock] reply did not apply: tool_choice forces a tool call, which has no text.",
    );
    expect(content.map((block) => block.type)).toEqual(["text", "tool_use"]);
    const quiet = await send({
      messages: user("Hi"),
      tools: [tool("get_time")],
      tool_choice: { type: "any" },
    });
    expect(quiet.content.map((block) => block.type)).toEqual(["tool_use"]);
  });

  it("names entries it does not understand", async () => {
    const { text } = await send({ messages: user("Hi [[mock: wrods=5, error=banana]]") });
    expect(text).toMatch(/^\[mock\] "wrods=5" is not a trigger the mock understands \(see triggerDocs\)\./);
    expect(text).toContain('[mock] "error=banana" is not a trigger the mock understands');
  });

  it("keeps an exact reply= reply exact when every trigger applies", async () => {
    expect((await send({ messages: user('[[mock: reply="Just this."]]') })).text).toBe("Just this.");
  });
});
