/**
 * Issue 13, point 1: a raw stream (`messages.create({ stream: true }, { signal })`) and JSONL results
 * release their listener on the caller's signal at every end: read to the end, broken out of, failed,
 * aborted, and (through a FinalizationRegistry) dropped half-read.
 */
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Anthropic } from "../anthropic.js";
import { APIUserAbortError } from "../errors.js";
import type { RawMessageStreamEvent } from "../types/index.js";
import type { Stream } from "./stream.js";
import { bodyOf, sseResponse, textAnswerSSE } from "./test-sse-fixtures.js";

const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 16,
  messages: [{ role: "user" as const, content: "Hi" }],
};

/** A client whose every request gets `answer()`. */
function clientAnswering(answer: () => Response): Anthropic {
  return new Anthropic({ apiKey: "test-key", maxRetries: 0, fetch: async () => answer() });
}

const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

function stream(client: Anthropic, signal: AbortSignal): Promise<Stream<RawMessageStreamEvent>> {
  return client.messages.create({ ...params, stream: true }, { signal });
}

describe("the caller's signal of a raw stream", () => {
  it("has no listener left after three streams that were consumed or broken out of", async () => {
    const client = clientAnswering(() => sseResponse(bodyOf([textAnswerSSE])));
    const signal = new AbortController().signal;

    const consumed = await stream(client, signal);
    // While the stream is open, the signal can still abort it.
    expect(listeners(signal)).toBe(1);
    for await (const _event of consumed);
    expect(listeners(signal)).toBe(0);

    for await (const _event of await stream(client, signal)) break;
    expect(listeners(signal)).toBe(0);

    const [left, right] = (await stream(client, signal)).tee();
    for await (const _event of left);
    for await (const _event of right);
    expect(listeners(signal)).toBe(0);
  });

  it("has no listener left after a stream that failed, or one it aborted", async () => {
    const client = clientAnswering(() => sseResponse(bodyOf([textAnswerSSE.slice(0, 300)])));
    const controller = new AbortController();
    await expect(
      (async () => {
        for await (const _event of await stream(client, controller.signal));
      })(),
    ).rejects.toThrow();
    expect(listeners(controller.signal)).toBe(0);

    const never = clientAnswering(() =>
      sseResponse(new ReadableStream({ pull: () => new Promise(() => {}) })),
    );
    const pending = await stream(never, controller.signal);
    const reading = (async () => {
      for await (const _event of pending);
    })();
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(APIUserAbortError);
    expect(listeners(controller.signal)).toBe(0);
  });

  it("has no listener left after JSONL batch results were read", async () => {
    const batch = {
      id: "msgbatch_1",
      type: "message_batch",
      processing_status: "ended",
      results_url: "https://api.anthropic.com/v1/messages/batches/msgbatch_1/results",
    };
    const line = JSON.stringify({ custom_id: "a", result: { type: "canceled" } });
    let call = 0;
    const client = clientAnswering(() =>
      call++ % 2 === 0
        ? new Response(JSON.stringify(batch), { headers: { "content-type": "application/json" } })
        : new Response(`${line}\n${line}\n`, { headers: { "content-type": "application/binary" } }),
    );
    const signal = new AbortController().signal;
    let count = 0;
    for await (const _result of await client.messages.batches.results("msgbatch_1", { signal })) count++;
    expect(count).toBe(2);
    for await (const _result of await client.messages.batches.results("msgbatch_1", { signal })) break;
    expect(listeners(signal)).toBe(0);
  });

  it("loses the listener of a stream dropped half-read once the stream is garbage-collected", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const client = clientAnswering(() =>
      sseResponse(bodyOf([textAnswerSSE.slice(0, 400), new Uint8Array(0), textAnswerSSE.slice(400)])),
    );
    const signal = new AbortController().signal;
    await (async () => {
      const iterator = (await stream(client, signal))[Symbol.asyncIterator]();
      await iterator.next();
      // Dropped here, half-read: neither the stream nor its iterator is referenced any more.
    })();
    expect(listeners(signal)).toBe(1);
    // Collection and the registry's callback are asynchronous: give them a few turns, no timing involved.
    for (let attempt = 0; attempt < 50 && listeners(signal) > 0; attempt++) {
      gc();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(listeners(signal)).toBe(0);
  });
});
