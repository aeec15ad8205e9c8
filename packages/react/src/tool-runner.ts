import type { ToolResultBlockParam, ToolUseBlock } from "./internal/types.js";

/** A tool the model may call, run in the app. The object key in `tools` is its name. */
export interface ChatTool<Input = Record<string, unknown>> {
  description?: string | undefined;
  /** JSON Schema of the input object. */
  input_schema: { type: "object"; properties?: unknown; required?: string[] | null; [key: string]: unknown };
  /**
   * Runs the call; the value is sent back as the tool result (strings as they are, anything else as JSON).
   * A thrown error is sent back as a result with `is_error: true`. Without `run`, the loop stops at the
   * call and the app answers with `send([{ type: "tool_result", ... }])`.
   */
  run?: ((input: Input, context: { toolUseId: string; signal: AbortSignal }) => unknown) | undefined;
  /**
   * Wait for a human yes before running (see `approveToolCall` and `pendingToolCalls`).
   * @default false
   */
  needsApproval?: boolean | ((input: Input) => boolean) | undefined;
}

/** A tool call waiting for approval. */
export interface PendingToolCall {
  id: string;
  name: string;
  input: unknown;
}

/** How one batch of tool calls is run. */
export interface ToolRunOptions {
  /** Aborting it denies every call still waiting for approval and is passed to each `run`. */
  signal: AbortSignal;
  /** Decides calls that need approval; without it they wait for `approve(id)` or `deny(id)`. */
  approveToolCall?: ((call: PendingToolCall) => boolean | Promise<boolean>) | undefined;
  /** A call started waiting for a human decision. */
  onWaiting: (call: PendingToolCall) => void;
  /** A waiting call was decided (not called when the run was aborted). */
  onDecided: (call: PendingToolCall) => void;
  /** Every call is decided: the approved ones start running. */
  onRunning: () => void;
}

interface Decision {
  approved: boolean;
  reason?: string;
}

/** Whether a reply's tool calls can all be answered here: each names a tool that has a `run`. */
export function canRunToolCalls(
  calls: readonly ToolUseBlock[],
  tools: Record<string, ChatTool<never>>,
): boolean {
  return calls.length > 0 && calls.every((call) => tools[call.name]?.run !== undefined);
}

/**
 * Runs the client-side tool calls of a reply: asks for approval where a tool wants it (through
 * `approveToolCall`, or by waiting for `approve`/`deny`), then runs the approved calls in parallel and
 * turns each outcome into a `tool_result` (a denial or a thrown error as `is_error: true`).
 */
export class ToolRunner {
  #waiting = new Map<string, (decision: Decision) => void>();

  /** Lets a call that waits for approval run. */
  approve = (toolUseId: string): void => {
    this.#waiting.get(toolUseId)?.({ approved: true });
  };

  /** Refuses a call that waits for approval; the model is told, with `reason` if given. */
  deny = (toolUseId: string, reason?: string): void => {
    this.#waiting.get(toolUseId)?.(reason === undefined ? { approved: false } : { approved: false, reason });
  };

  /** The results to send back, in the order of `calls`; `null` when `signal` aborted first. */
  async run(
    calls: readonly ToolUseBlock[],
    tools: Record<string, ChatTool<never>>,
    options: ToolRunOptions,
  ): Promise<ToolResultBlockParam[] | null> {
    const decisions = await Promise.all(calls.map((call) => this.#decide(call, tools, options)));
    if (options.signal.aborted) return null;
    options.onRunning();
    return Promise.all(
      calls.map((call, index) =>
        runOne(call, tools[call.name] as ChatTool<unknown>, decisions[index], options),
      ),
    );
  }

  async #decide(
    call: ToolUseBlock,
    tools: Record<string, ChatTool<never>>,
    options: ToolRunOptions,
  ): Promise<Decision> {
    const tool = tools[call.name] as ChatTool<unknown> | undefined;
    const needsApproval =
      typeof tool?.needsApproval === "function" ? tool.needsApproval(call.input) : tool?.needsApproval;
    if (!needsApproval) return { approved: true };
    const pending: PendingToolCall = { id: call.id, name: call.name, input: call.input };
    if (options.approveToolCall) return { approved: await options.approveToolCall(pending) };
    const { signal } = options;
    if (signal.aborted) return { approved: false };
    return new Promise((resolve) => {
      const settle = (decision: Decision) => {
        this.#waiting.delete(call.id);
        signal.removeEventListener("abort", onAbort);
        if (!signal.aborted) options.onDecided(pending);
        resolve(decision);
      };
      const onAbort = () => settle({ approved: false });
      signal.addEventListener("abort", onAbort, { once: true });
      this.#waiting.set(call.id, settle);
      options.onWaiting(pending);
    });
  }
}

async function runOne(
  call: ToolUseBlock,
  tool: ChatTool<unknown>,
  decision: Decision | undefined,
  { signal }: ToolRunOptions,
): Promise<ToolResultBlockParam> {
  if (!decision?.approved) {
    const text = decision?.reason
      ? `The user denied this tool call: ${decision.reason}`
      : "The user denied this tool call.";
    return { type: "tool_result", tool_use_id: call.id, content: text, is_error: true };
  }
  try {
    const output = await tool.run?.(call.input, { toolUseId: call.id, signal });
    return {
      type: "tool_result",
      tool_use_id: call.id,
      content: typeof output === "string" ? output : JSON.stringify(output ?? null),
    };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return { type: "tool_result", tool_use_id: call.id, content: text, is_error: true };
  }
}
