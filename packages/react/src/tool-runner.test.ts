import { describe, expect, test } from "vitest";
import { countAbortListeners } from "../test/count-listeners.js";
import type { ToolUseBlock } from "./internal/types.js";
import { type ChatTool, canRunToolCalls, type PendingToolCall, ToolRunner } from "./tool-runner.js";

const schema = { type: "object" as const };
const call = (id: string, name: string, input: object = {}): ToolUseBlock =>
  ({ type: "tool_use", id, name, input }) as ToolUseBlock;

function recorder(signal: AbortSignal) {
  const events: string[] = [];
  return {
    events,
    options: {
      signal,
      onWaiting: (pending: PendingToolCall) => events.push(`waiting ${pending.id}`),
      onDecided: (pending: PendingToolCall) => events.push(`decided ${pending.id}`),
      onRunning: () => events.push("running"),
    },
  };
}

describe("ToolRunner", () => {
  test("runs every call in order, turning outputs and thrown errors into tool results", async () => {
    const tools: Record<string, ChatTool<never>> = {
      echo: { input_schema: schema, run: (input: { text: string }) => input.text },
      sum: { input_schema: schema, run: (input: { a: number; b: number }) => ({ total: input.a + input.b }) },
      fail: {
        input_schema: schema,
        run: () => {
          throw new Error("no such city");
        },
      },
    };
    const { options, events } = recorder(new AbortController().signal);
    const results = await new ToolRunner().run(
      [call("t1", "echo", { text: "hi" }), call("t2", "sum", { a: 2, b: 3 }), call("t3", "fail")],
      tools,
      options,
    );
    expect(results).toEqual([
      { type: "tool_result", tool_use_id: "t1", content: "hi" },
      { type: "tool_result", tool_use_id: "t2", content: '{"total":5}' },
      { type: "tool_result", tool_use_id: "t3", content: "no such city", is_error: true },
    ]);
    expect(events).toEqual(["running"]);
  });

  test("waits for approve or deny on a tool that needs approval", async () => {
    let runs = 0;
    const tools: Record<string, ChatTool<never>> = {
      pay: { input_schema: schema, needsApproval: true, run: () => `paid ${++runs}` },
    };
    const runner = new ToolRunner();
    const { options, events } = recorder(new AbortController().signal);
    const running = runner.run([call("p1", "pay"), call("p2", "pay")], tools, options);
    await Promise.resolve();
    expect(events).toEqual(["waiting p1", "waiting p2"]);
    runner.approve("p1");
    runner.deny("p2", "too expensive");
    expect(await running).toEqual([
      { type: "tool_result", tool_use_id: "p1", content: "paid 1" },
      {
        type: "tool_result",
        tool_use_id: "p2",
        content: "The user denied this tool call: too expensive",
        is_error: true,
      },
    ]);
    expect(events).toEqual(["waiting p1", "waiting p2", "decided p1", "decided p2", "running"]);
  });

  test("an abort while waiting ends the run with null, runs nothing and removes its listener", async () => {
    let runs = 0;
    const tools: Record<string, ChatTool<never>> = {
      pay: { input_schema: schema, needsApproval: () => true, run: () => runs++ },
    };
    const controller = new AbortController();
    const listeners = countAbortListeners(controller.signal);
    const { options, events } = recorder(controller.signal);
    const running = new ToolRunner().run([call("p1", "pay")], tools, options);
    await Promise.resolve();
    expect(listeners.current()).toBe(1);
    controller.abort();
    expect(await running).toBeNull();
    expect(listeners.current()).toBe(0);
    expect(runs).toBe(0);
    expect(events).toEqual(["waiting p1"]);
  });

  test("asks approveToolCall when given instead of waiting", async () => {
    const tools: Record<string, ChatTool<never>> = {
      pay: { input_schema: schema, needsApproval: true, run: () => "paid" },
    };
    const asked: string[] = [];
    const { options } = recorder(new AbortController().signal);
    const results = await new ToolRunner().run([call("p1", "pay", { amount: 3 })], tools, {
      ...options,
      approveToolCall: (pending) => {
        asked.push(`${pending.name} ${JSON.stringify(pending.input)}`);
        return false;
      },
    });
    expect(asked).toEqual(['pay {"amount":3}']);
    expect(results?.[0]).toMatchObject({ is_error: true, content: "The user denied this tool call." });
  });

  test("canRunToolCalls needs a run for every call", () => {
    const tools: Record<string, ChatTool<never>> = {
      local: { input_schema: schema, run: () => 1 },
      manual: { input_schema: schema },
    };
    expect(canRunToolCalls([call("a", "local")], tools)).toBe(true);
    expect(canRunToolCalls([call("a", "local"), call("b", "manual")], tools)).toBe(false);
    expect(canRunToolCalls([call("a", "unknown")], tools)).toBe(false);
    expect(canRunToolCalls([], tools)).toBe(false);
  });
});
