import { describe, expect, it } from "vitest";
import { parseDirectives, parseTriggerEntries, readTriggers, stripDirectives } from "./triggers.js";

describe("trigger directives", () => {
  it("reads key=value entries from a directive in the text", () => {
    expect(parseDirectives("Tell me more [[mock: words=500]] please")).toEqual({ words: 500 });
    expect(parseDirectives("[[mock: stream-error=overloaded_error after=5]]")).toEqual({
      streamError: "overloaded_error",
      after: 5,
    });
  });

  it("is forgiving about case, spacing, separators and brackets", () => {
    expect(parseDirectives("[[ MOCK tool = get_weather ; thinking ]]")).toEqual({
      tool: "get_weather",
      thinking: true,
    });
    expect(parseDirectives("[mock: slow, error: 429]")).toEqual({
      delayMs: 250,
      error: { status: 429, type: "rate_limit_error" },
    });
    expect(parseDirectives("[[mock:drop]]")).toEqual({ drop: true });
  });

  it("maps error names and statuses to the API's error types", () => {
    expect(parseTriggerEntries("error=overloaded").error).toEqual({ status: 529, type: "overloaded_error" });
    expect(parseTriggerEntries("error=500").error).toEqual({ status: 500, type: "api_error" });
    expect(parseTriggerEntries("error=rate_limit").error).toEqual({ status: 429, type: "rate_limit_error" });
    expect(parseTriggerEntries("stream-error").streamError).toBe("overloaded_error");
  });

  it("keeps quoted values whole", () => {
    expect(parseDirectives('[[mock: reply="Hello, world; bye"]]')).toEqual({ reply: "Hello, world; bye" });
  });

  it("ignores text without a directive and records entries it does not understand", () => {
    expect(parseDirectives("just [mocking] text")).toEqual({});
    expect(parseTriggerEntries("colour=blue")).toEqual({ unknown: ["colour=blue"] });
    expect(parseTriggerEntries("error=banana words=2")).toEqual({ words: 2, unknown: ["error=banana"] });
    expect(parseDirectives("[[mock: wrods=5]] and [[mock: latency=soon]]")).toEqual({
      unknown: ["wrods=5", "latency=soon"],
    });
  });

  it("lists an entry whose count or text is missing or bad as not understood; bare names take their default", () => {
    expect(parseTriggerEntries("words=many after slow=soon retry-after long fail")).toEqual({
      words: 500,
      failTimes: 1,
      unknown: ["words=many", "after", "slow=soon", "retry-after"],
    });
  });

  it("reads a latency in milliseconds", () => {
    expect(parseDirectives("[[mock: latency=1500]]")).toEqual({ latencyMs: 1500 });
    expect(readTriggers(new Headers({ "x-mock-trigger": "latency=20" }), undefined)).toEqual({
      latencyMs: 20,
    });
  });

  it("removes directives from the prompt", () => {
    expect(stripDirectives("Hello [[mock: words=3]] there")).toBe("Hello there");
  });

  it("lets the x-mock-trigger header override directives of the last user message", () => {
    const body = {
      messages: [
        { role: "user", content: "old [[mock: error=500]]" },
        { role: "assistant", content: "ok" },
        { role: "user", content: [{ type: "text", text: "new [[mock: words=7 error=429]]" }] },
      ],
    };
    const headers = new Headers({
      "x-mock-trigger": "error=529; retry-after-ms=5",
      "x-mock-fail-times": "2",
    });
    expect(readTriggers(headers, body)).toEqual({
      words: 7,
      error: { status: 529, type: "overloaded_error" },
      retryAfterMs: "5",
      failTimes: 2,
    });
  });
});
