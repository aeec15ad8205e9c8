import Anthropic from "@anthropic-ai/sdk";
import { afterAll } from "vitest";
import { type RunningMockApi, type StartMockApiOptions, startMockApi } from "../src/node.js";

export const MODEL = "claude-sonnet-4-6";

/** A request body for MODEL: one user turn saying `content`, answered in at most `maxTokens`. */
export function oneTurn(content: string, maxTokens: number) {
  return { model: MODEL, max_tokens: maxTokens, messages: [{ role: "user" as const, content }] };
}

/** A clock tests move by hand. */
export function manualClock(start = Date.UTC(2026, 10, 26, 8, 0, 0)) {
  let time = start;
  return {
    now: () => time,
    advance(milliseconds: number) {
      time += milliseconds;
    },
  };
}

/** Starts a mock server on loopback and an official SDK client pointed at it. */
export async function startWithClient(
  options: StartMockApiOptions = {},
  clientOptions: ConstructorParameters<typeof Anthropic>[0] = {},
) {
  const server: RunningMockApi = await startMockApi(options);
  const client = new Anthropic({ apiKey: "test-key", baseURL: server.url, maxRetries: 0, ...clientOptions });
  return { server, client };
}

/** A batch's full `request_counts`: the counts given, every other one 0. */
export function requestCounts(counts: Partial<Anthropic.Messages.MessageBatchRequestCounts>) {
  return { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0, ...counts };
}

/**
 * Starts a mock server and an official SDK client for the tests of one file, and closes the server after
 * them: `const { server, client } = await startForFile();` at the top of the file.
 */
export async function startForFile(...args: Parameters<typeof startWithClient>) {
  const started = await startWithClient(...args);
  afterAll(() => started.server.close());
  return started;
}

/** Headers for raw fetch calls in the classic form (x-api-key, 2023-06-01). */
export const rawHeaders = {
  "x-api-key": "test-key",
  "anthropic-version": "2023-06-01",
  "content-type": "application/json",
};

/** Parses a raw SSE body into `{ event, data }` pairs. */
export function parseSse(text: string): Array<{ event: string; data: unknown }> {
  return text
    .split("\n\n")
    .filter((chunk) => chunk.trim().length > 0)
    .map((chunk) => {
      const lines = chunk.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7) ?? "";
      const data = lines.find((line) => line.startsWith("data: "))?.slice(6) ?? "null";
      return { event, data: JSON.parse(data) as unknown };
    });
}
