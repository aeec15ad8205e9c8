/**
 * Issue 13, point 10: a `Response` whose body wraps a Node `PassThrough` (as custom `fetch` shims
 * build) can be broken out of, aborted or read to the end without an uncaught
 * "Invalid state: ReadableStream is already closed".
 */
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Anthropic } from "../anthropic.js";
import { textAnswerSSE } from "./test-sse-fixtures.js";

const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 16,
  messages: [{ role: "user" as const, content: "Hi" }],
};

/** Uncaught exceptions and unhandled rejections seen during a test. */
let uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);

beforeEach(() => {
  uncaught = [];
  process.on("uncaughtException", record);
  process.on("unhandledRejection", record);
});
afterEach(() => {
  process.off("uncaughtException", record);
  process.off("unhandledRejection", record);
});

/** Lets pending callbacks, stream events and timers of the Node stream run, then checks none of them threw. */
async function expectNothingUncaught(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(uncaught).toEqual([]);
}

type Wrap = (pass: PassThrough) => ReadableStream<Uint8Array> | PassThrough;
const wrappings: [string, Wrap][] = [
  ["Readable.toWeb(passThrough)", (pass) => Readable.toWeb(pass) as ReadableStream<Uint8Array>],
  ["the PassThrough itself (an async iterable body)", (pass) => pass],
];

/** A client whose fetch answers with an SSE body written into a PassThrough, in two writes, left open. */
function clientWith(wrap: Wrap): { client: Anthropic; bodies: PassThrough[] } {
  const bodies: PassThrough[] = [];
  const fetch = async () => {
    const pass = new PassThrough();
    bodies.push(pass);
    pass.write(textAnswerSSE.slice(0, 500));
    setTimeout(() => pass.write(textAnswerSSE.slice(500)), 1);
    return new Response(wrap(pass) as unknown as BodyInit, {
      headers: { "content-type": "text/event-stream" },
      // Needed by undici for a streamed request-like body; harmless for a response.
      ...({ duplex: "half" } as object),
    });
  };
  return { client: new Anthropic({ apiKey: "test-key", maxRetries: 0, fetch }), bodies };
}

describe.each(wrappings)("a Response body wrapping a Node PassThrough: %s", (_name, wrap) => {
  it("can be broken out of, then ended by the shim, with nothing uncaught", async () => {
    const { client, bodies } = clientWith(wrap);
    const stream = await client.messages.create({ ...params, stream: true });
    let seen = 0;
    for await (const _event of stream) {
      seen++;
      break;
    }
    expect(seen).toBe(1);
    // The shim ends its PassThrough after the reader has gone, as a socket's end would.
    bodies[0]?.end();
    await expectNothingUncaught();
  });

  it("can be aborted mid-stream, with nothing uncaught", async () => {
    const { client, bodies } = clientWith(wrap);
    const stream = client.messages.stream(params);
    await stream.emitted("connect");
    stream.abort();
    await expect(stream.done()).rejects.toThrow();
    bodies[0]?.end();
    await expectNothingUncaught();
  });

  it("is read to the end", async () => {
    const { client, bodies } = clientWith(wrap);
    const stream = client.messages.stream(params);
    setTimeout(() => bodies[0]?.end(), 5);
    expect((await stream.finalMessage()).content).toEqual([{ type: "text", text: "Hello! How can I help?" }]);
    await expectNothingUncaught();
  });
});
