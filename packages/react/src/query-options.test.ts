import { describe, expect, test } from "vitest";
import type { MessageBatch } from "./internal/types.js";
import { anthropicKeys, batchPollDelay } from "./query-options.js";

const batch = (processing_status: MessageBatch["processing_status"]) =>
  ({ processing_status }) as MessageBatch;

describe("anthropicKeys", () => {
  test("keys a message by its params whatever their key order", () => {
    const first = anthropicKeys.message({
      model: "m",
      max_tokens: 5,
      messages: [{ role: "user", content: "a" }],
    });
    const second = anthropicKeys.message({
      messages: [{ content: "a", role: "user" }],
      max_tokens: 5,
      model: "m",
    });
    expect(first).toEqual(second);
  });

  test("nests every key under its family so one prefix invalidates them all", () => {
    const prefix = anthropicKeys.batches();
    for (const key of [
      anthropicKeys.batch("b1"),
      anthropicKeys.batchResults("b1"),
      anthropicKeys.batchList({ limit: 2 }),
    ]) {
      expect(key.slice(0, prefix.length)).toEqual(prefix);
    }
    expect(anthropicKeys.message(null).slice(0, 2)).toEqual(anthropicKeys.messages());
  });
});

describe("batchPollDelay", () => {
  test("grows by half each poll up to the maximum", () => {
    const options = { pollIntervalMs: 100, maxPollIntervalMs: 300 };
    expect(batchPollDelay(batch("in_progress"), 1, options)).toBe(100);
    expect(batchPollDelay(batch("in_progress"), 2, options)).toBe(150);
    expect(batchPollDelay(batch("in_progress"), 3, options)).toBe(225);
    expect(batchPollDelay(batch("canceling"), 4, options)).toBe(300);
  });

  test("stops once the batch has ended or before it is known", () => {
    expect(batchPollDelay(batch("ended"), 3)).toBe(false);
    expect(batchPollDelay(undefined, 0)).toBe(false);
  });
});
