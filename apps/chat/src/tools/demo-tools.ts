import type { ChatTool } from "@colloquy/react";
import { evaluateExpression } from "./calculator";
import { readClock } from "./clock";

/**
 * The demo's client-side tools, run in the browser when the model calls them (the tool-use loop of
 * `useChat` sends the results back). The `examples` give the mock API, and models, a sensible input.
 */
export const demoTools = {
  calculator: {
    description:
      "Evaluates an arithmetic expression exactly: + - * / % ^, parentheses, pi, e, sqrt, abs, round, floor, ceil, sin, cos, tan, ln, log, exp.",
    input_schema: {
      type: "object",
      properties: {
        expression: {
          type: "string",
          description: "The expression, e.g. 12 * (3 + 4)",
          examples: ["12 * (3 + 4)"],
        },
      },
      required: ["expression"],
    },
    run: ({ expression }: { expression: string }) => ({ expression, result: evaluateExpression(expression) }),
  },
  get_time: {
    description: "Returns the current date and time in a time zone.",
    input_schema: {
      type: "object",
      properties: {
        timezone: {
          type: "string",
          description: "An IANA time zone such as Europe/Paris; UTC when omitted.",
          examples: ["Europe/Paris"],
        },
      },
    },
    run: ({ timezone }: { timezone?: string }) => readClock(timezone),
  },
} satisfies Record<string, ChatTool<never>>;

export type DemoToolName = keyof typeof demoTools;
