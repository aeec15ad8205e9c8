/**
 * The client against a fault-injecting loopback server: every failure the network or the API can
 * produce, with the error class, the number of attempts the server saw, the delays the client chose,
 * and the data delivered (never lost, never twice).
 *
 * Delays are asserted through the retry sleep: it is wrapped to record the delay the client asked
 * for and to wait at most `sleepLog.capMs`, so a `retry-after: 2` test takes milliseconds, not seconds.
 */
import Anthropic, {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  BadRequestError,
  ConflictError,
  GatewayTimeoutError,
  InternalServerError,
  MessageStream,
  NotFoundError,
  OverloadedError,
  PermissionDeniedError,
  RateLimitError,
  type RawMessageStreamEvent,
  StreamTruncatedError,
} from "@colloquy/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { failure } from "../helpers/promises.js";
import {
  type Behaviour,
  type Chunk,
  type FaultServer,
  refusedPort,
  type Script,
  startFaultServer,
} from "./fault-server.js";
import {
  errorBody,
  htmlPage,
  jsonHeaders,
  params,
  sseFrame,
  sseFrames,
  sseHeaders,
  textEvents,
  textMessage,
} from "./wire.js";

const sleepLog = vi.hoisted(() => ({
  delays: [] as number[],
  /** The longest real wait; the requested delay is recorded either way. */
  capMs: 5,
  onSleep: undefined as ((ms: number) => void) | undefined,
}));

vi.mock("../../src/internal/sleep.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/internal/sleep.js")>();
  return {
    sleep: (ms: number, signal?: AbortSignal | null) => {
      sleepLog.delays.push(ms);
      sleepLog.onSleep?.(ms);
      return original.sleep(Math.min(ms, sleepLog.capMs), signal);
    },
  };
});

// Generous: some tests move tens of MB or hundreds of streams on a shared 2-core machine. Not a timing assertion.
vi.setConfig({ testTimeout: 30_000 });

const apiKey = "sk-ant-api03-fault-suite-secret-0123456789";
const servers: FaultServer[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const watchedResources = ["TCPSocketWrap", "TCPServerWrap", "Timeout"];
let resourcesBefore: Record<string, number>;

function countResources(): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(watchedResources.map((name) => [name, 0]));
  for (const name of process.getActiveResourcesInfo()) if (name in counts) counts[name]! += 1;
  return counts;
}

async function serve(script: Script): Promise<FaultServer> {
  const server = await startFaultServer(script);
  servers.push(server);
  return server;
}

function clientFor(
  server: { url: string },
  options: Partial<ConstructorParameters<typeof Anthropic>[0]> = {},
) {
  return new Anthropic({ apiKey, baseURL: server.url, maxRetries: 2, logLevel: "off", ...options });
}

async function settle(ms = 60): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function eventually(check: () => boolean, what: string, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await settle(10);
  }
}

const ok = (body: unknown) =>
  ({ kind: "respond", status: 200, headers: jsonHeaders, body: JSON.stringify(body) }) as const;
const fail = (status: number, type: string, headers: Record<string, string> = {}) =>
  ({
    kind: "respond",
    status,
    headers: { ...jsonHeaders, ...headers },
    body: errorBody(type, `${type} (scripted)`),
  }) as const;
const sse = (frames: readonly Chunk[], chunkDelayMs = 0) =>
  ({ kind: "respond", status: 200, headers: sseHeaders, chunks: frames, chunkDelayMs }) as const;

const answer = "The quick brown fox jumps over the lazy dog — façade, naïve, 日本語 ✓";

beforeAll(() => {
  resourcesBefore = countResources();
  process.on("unhandledRejection", onUnhandled);
});

beforeEach(() => {
  sleepLog.delays = [];
  sleepLog.capMs = 5;
  sleepLog.onSleep = undefined;
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  expect(unhandled).toEqual([]);
  // Every socket, server and timer the suite opened is gone (vitest's own are in the baseline).
  let after = countResources();
  const leaked = () => watchedResources.some((name) => after[name]! > resourcesBefore[name]!);
  for (let tries = 0; leaked() && tries < 100; tries++) {
    await settle(20);
    after = countResources();
  }
  expect(after).toEqual(expect.objectContaining(resourcesBefore));
});

describe("retries: 429 and the retry-after headers", () => {
  it("retries a 429 after the retry-after-ms delay and returns the answer of the attempt that succeeded", async () => {
    sleepLog.capMs = Number.POSITIVE_INFINITY; // real waits for this one
    const server = await serve([
      fail(429, "rate_limit_error", { "retry-after-ms": "40" }),
      fail(429, "rate_limit_error", { "retry-after-ms": "40" }),
      ok(textMessage(answer)),
    ]);
    const message = await clientFor(server).messages.create(params);
    expect(message.content).toEqual(textMessage(answer).content);
    expect(sleepLog.delays).toEqual([40, 40]);
    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((request) => request.headers["x-stainless-retry-count"])).toEqual([
      "0",
      "1",
      "2",
    ]);
    // The same request each time: nothing lost or added between attempts.
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
    expect(JSON.parse(server.requests[0]!.body)).toEqual(params);
    // The waits really happened (a lower bound only: timers never fire early).
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(35);
    expect(server.requests[2]!.at - server.requests[1]!.at).toBeGreaterThanOrEqual(35);
  });

  it("waits retry-after seconds when retry-after-ms is absent", async () => {
    const server = await serve([
      fail(429, "rate_limit_error", { "retry-after": "2" }),
      ok(textMessage(answer)),
    ]);
    await clientFor(server).messages.create(params);
    expect(sleepLog.delays).toEqual([2000]);
    expect(server.requests).toHaveLength(2);
  });

  it("prefers retry-after-ms over retry-after", async () => {
    const server = await serve([
      fail(429, "rate_limit_error", { "retry-after-ms": "1500", "retry-after": "9" }),
      ok(textMessage(answer)),
    ]);
    await clientFor(server).messages.create(params);
    expect(sleepLog.delays).toEqual([1500]);
  });

  it("waits until the HTTP date of retry-after", async () => {
    const date = new Date(Date.now() + 5000).toUTCString(); // second resolution: 4-5 s from now
    const server = await serve([
      fail(429, "rate_limit_error", { "retry-after": date }),
      ok(textMessage(answer)),
    ]);
    await clientFor(server).messages.create(params);
    expect(sleepLog.delays).toHaveLength(1);
    expect(sleepLog.delays[0]).toBeGreaterThan(2000);
    expect(sleepLog.delays[0]).toBeLessThanOrEqual(5000);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    { "retry-after-ms": "-5" },
    { "retry-after-ms": "soon" },
    { "retry-after-ms": "1e15" },
    { "retry-after": "-1" },
    { "retry-after": "0" },
    { "retry-after": "99999999999" },
    { "retry-after": "Someday, 99 Foo 1900" },
    { "retry-after": new Date(Date.now() - 60_000).toUTCString() },
  ] as Record<string, string>[])(
    "ignores the absurd value %o and falls back to the jittered 0.5 s backoff",
    async (headers) => {
      const server = await serve([fail(429, "rate_limit_error", headers), ok(textMessage(answer))]);
      await clientFor(server).messages.create(params);
      expect(sleepLog.delays).toHaveLength(1);
      expect(sleepLog.delays[0]).toBeGreaterThanOrEqual(375);
      expect(sleepLog.delays[0]).toBeLessThanOrEqual(500);
      expect(server.requests).toHaveLength(2);
    },
  );

  it("gives up with RateLimitError after maxRetries, carrying status, headers, body and request id", async () => {
    const server = await serve(() => fail(429, "rate_limit_error", { "retry-after-ms": "10" }));
    const error = await failure(clientFor(server, { maxRetries: 3 }).messages.create(params));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, requestID: "req_fault", type: "rate_limit_error" });
    expect((error as RateLimitError).headers?.get("retry-after-ms")).toBe("10");
    expect(server.requests).toHaveLength(4);
    expect(sleepLog.delays).toEqual([10, 10, 10]);
  });
});

describe("retries: overload and server errors", () => {
  it("retries 529 overloaded_error with doubling backoff, then throws OverloadedError", async () => {
    const server = await serve(() => fail(529, "overloaded_error"));
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as OverloadedError).status).toBe(529);
    expect((error as OverloadedError).type).toBe("overloaded_error");
    expect(server.requests).toHaveLength(3);
    expect(sleepLog.delays).toHaveLength(2);
    expect(sleepLog.delays[0]).toBeGreaterThanOrEqual(375);
    expect(sleepLog.delays[0]).toBeLessThanOrEqual(500);
    expect(sleepLog.delays[1]).toBeGreaterThanOrEqual(750);
    expect(sleepLog.delays[1]).toBeLessThanOrEqual(1000);
  });

  it("recovers from a 529 when the next attempt succeeds", async () => {
    const server = await serve([fail(529, "overloaded_error"), ok(textMessage(answer))]);
    const message = await clientFor(server).messages.create(params);
    expect(message.content).toEqual(textMessage(answer).content);
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    [500, "api_error", InternalServerError],
    [502, "api_error", InternalServerError],
    [503, "api_error", InternalServerError],
    [504, "timeout_error", GatewayTimeoutError],
    [408, "timeout_error", APIError],
    [409, "conflict_error", ConflictError],
  ] as const)(
    "retries %i (%s) and throws %o once the retries are used up",
    async (status, type, ErrorClass) => {
      const server = await serve(() => fail(status, type));
      const error = await failure(clientFor(server, { maxRetries: 1 }).messages.create(params));
      expect(error).toBeInstanceOf(ErrorClass);
      expect((error as APIError).status).toBe(status);
      expect(server.requests).toHaveLength(2);
      expect(sleepLog.delays).toHaveLength(1);
    },
  );

  it.each([
    [400, "invalid_request_error", BadRequestError],
    [403, "permission_error", PermissionDeniedError],
    [404, "not_found_error", NotFoundError],
  ] as const)("does not retry %i", async (status, type, ErrorClass) => {
    const server = await serve(() => fail(status, type));
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(server.requests).toHaveLength(1);
    expect(sleepLog.delays).toEqual([]);
  });

  it("retries a 400 when the server sends x-should-retry: true", async () => {
    const server = await serve(() => fail(400, "invalid_request_error", { "x-should-retry": "true" }));
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(server.requests).toHaveLength(3);
  });

  it.each([500, 529, 429])(
    "does not retry %i when the server sends x-should-retry: false",
    async (status) => {
      const server = await serve(() =>
        fail(status, status === 429 ? "rate_limit_error" : "api_error", { "x-should-retry": "false" }),
      );
      const error = await failure(clientFor(server).messages.create(params));
      expect((error as APIError).status).toBe(status);
      expect(server.requests).toHaveLength(1);
      expect(sleepLog.delays).toEqual([]);
    },
  );

  it("reports an HTML error page from a proxy as the status's error class, with the text in the message", async () => {
    const html = "<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>";
    const server = await serve(() => htmlPage(502, html));
    const error = await failure(clientFor(server, { maxRetries: 1 }).messages.create(params));
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as APIError).status).toBe(502);
    expect((error as APIError).message).toContain("502 Bad Gateway");
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry an HTML 403 from a proxy and throws PermissionDeniedError", async () => {
    const server = await serve(() => htmlPage(403, "<html>Forbidden by policy</html>"));
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as APIError).message).toContain("Forbidden by policy");
    expect(server.requests).toHaveLength(1);
  });
});

describe("connection failures", () => {
  it("retries a refused connection and throws APIConnectionError with the cause", async () => {
    const port = await refusedPort();
    let calls = 0;
    const client = new Anthropic({
      apiKey,
      baseURL: `http://127.0.0.1:${port}`,
      logLevel: "off",
      fetch: (input, init) => {
        calls++;
        return fetch(input, init);
      },
    });
    const error = await failure(client.messages.create(params));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect((error as Error).cause).toBeDefined();
    expect(calls).toBe(3);
    expect(sleepLog.delays).toHaveLength(2);
  });

  it("retries a connection reset before the headers and returns the answer once", async () => {
    const server = await serve([
      { kind: "reset-before-headers" },
      { kind: "reset-before-headers" },
      ok(textMessage(answer)),
    ]);
    const message = await clientFor(server).messages.create(params);
    expect(message.content).toEqual(textMessage(answer).content);
    expect(server.requests).toHaveLength(3);
  });

  it("throws APIConnectionError when every attempt is reset before the headers", async () => {
    const server = await serve(() => ({ kind: "reset-before-headers" }));
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(3);
  });

  it("times out an attempt whose headers never come, retries it, then throws APIConnectionTimeoutError", async () => {
    const server = await serve(() => ({ kind: "hang" }));
    const error = await failure(clientFor(server, { timeout: 150, maxRetries: 1 }).messages.create(params));
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(2);
    await eventually(
      () => server.requests.every((request) => request.clientClosedEarly),
      "the attempts to be closed",
    );
  });

  it("throws APIConnectionError when a non-streaming body is cut mid-way", async () => {
    const body = JSON.stringify(textMessage(answer));
    const server = await serve([
      {
        kind: "reset-mid-stream",
        headers: { ...jsonHeaders, "content-length": String(Buffer.byteLength(body)) },
        chunks: [body.slice(0, 40)],
      },
    ]);
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("rejects a 200 with a non-JSON content type with an AnthropicError, not a SyntaxError", async () => {
    const server = await serve([htmlPage(200, "<html>captive portal</html>")]);
    const error = await failure(clientFor(server).messages.create(params));
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).not.toBeInstanceOf(APIError);
    expect((error as Error).message).toContain("text/html");
    expect(server.requests).toHaveLength(1);
  });

  it("rejects a garbage HTTP response with APIConnectionError after retrying", async () => {
    const server = await serve(() => ({ kind: "raw", bytes: "SMTP READY\r\n\r\n" }));
    const error = await failure(clientFor(server, { maxRetries: 1 }).messages.create(params));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(2);
  });
});

describe("streams under faults", () => {
  const frames = sseFrames(textEvents(answer));
  const collect = async (stream: AsyncIterable<RawMessageStreamEvent>, seen: RawMessageStreamEvent[]) => {
    for await (const event of stream) seen.push(event);
  };

  it("streams the exact text when the connection is healthy", async () => {
    const server = await serve([sse(frames)]);
    const stream = clientFor(server).messages.stream(params);
    let text = "";
    stream.on("text", (delta) => {
      text += delta;
    });
    expect(await stream.finalText()).toBe(answer);
    expect(text).toBe(answer);
  });

  it("throws APIConnectionError on a reset mid-stream, after delivering each earlier event once, without retrying", async () => {
    const server = await serve([
      { kind: "reset-mid-stream", headers: sseHeaders, chunks: frames.slice(0, 5) },
    ]);
    const seen: RawMessageStreamEvent[] = [];
    const stream = await clientFor(server).messages.create({ ...params, stream: true });
    const error = await failure(collect(stream, seen));
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).not.toBeInstanceOf(APIUserAbortError);
    expect(seen).toEqual(textEvents(answer).slice(0, 4)); // 5 frames, one of them a ping
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it("fails MessageStream.finalMessage on a reset mid-stream and keeps the partial text", async () => {
    const server = await serve([
      { kind: "reset-mid-stream", headers: sseHeaders, chunks: frames.slice(0, 6) },
    ]);
    const stream = clientFor(server).messages.stream(params);
    let text = "";
    stream.on("text", (delta) => {
      text += delta;
    });
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(answer.startsWith(text)).toBe(true);
    expect(text.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(1);
  });

  it("fails a stream that stalls mid-way with APIConnectionTimeoutError after the idle timeout and closes it", async () => {
    const server = await serve([{ kind: "stall", headers: sseHeaders, chunks: frames.slice(0, 5) }]);
    const stream = clientFor(server, { idleTimeout: 100 }).messages.stream(params);
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(server.requests).toHaveLength(1);
    await eventually(() => server.requests[0]!.clientClosedEarly, "the stalled connection to be closed");
  });

  it("does not time out a slow trickle that never stalls, even past the request timeout", async () => {
    const bytes = Buffer.from(frames.join(""));
    const pieces: Buffer[] = [];
    for (let at = 0; at < bytes.length; at += Math.ceil(bytes.length / 16))
      pieces.push(bytes.subarray(at, at + Math.ceil(bytes.length / 16)));
    const server = await serve([sse(pieces, 30)]); // ~16 × 30 ms: longer than both timeouts below
    const stream = clientFor(server, { idleTimeout: 250, timeout: 200 }).messages.stream(params);
    expect(await stream.finalText()).toBe(answer);
    expect(server.requests).toHaveLength(1);
  });

  it("throws an AnthropicError naming the event for malformed JSON in a data line", async () => {
    const broken = [
      ...frames.slice(0, 4),
      'event: content_block_delta\ndata: {"type":"content_block_delta",oops\n\n',
      ...frames.slice(4),
    ];
    const server = await serve([sse(broken)]);
    const seen: RawMessageStreamEvent[] = [];
    const error = await failure(
      collect(await clientFor(server).messages.create({ ...params, stream: true }), seen),
    );
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toContain("content_block_delta");
    expect(seen).toEqual(textEvents(answer).slice(0, 3));
    expect(server.requests).toHaveLength(1);
  });

  it("turns an SSE error event into OverloadedError (529-like) for the error listener and finalMessage, without retrying", async () => {
    const withError = [
      ...frames.slice(0, 5),
      sseFrame("error", JSON.parse(errorBody("overloaded_error", "Overloaded"))),
    ];
    const server = await serve([sse(withError)]);
    const stream = clientFor(server).messages.stream(params);
    const heard: unknown[] = [];
    stream.on("error", (error) => heard.push(error));
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as OverloadedError).status).toBe(529);
    expect(heard).toEqual([error]);
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it("ignores an unknown event type and still builds the whole message", async () => {
    const withUnknown = [
      ...frames.slice(0, 4),
      sseFrame("future_thing", { type: "future_thing", x: 1 }),
      ...frames.slice(4),
    ];
    const server = await serve([sse(withUnknown)]);
    const message = await clientFor(server).messages.stream(params).finalMessage();
    expect(message.content).toEqual([{ type: "text", text: answer, citations: null }]);
  });

  it("throws StreamTruncatedError when the server ends the stream cleanly before message_stop", async () => {
    const server = await serve([sse(frames.slice(0, -2))]);
    const error = await failure(clientFor(server).messages.stream(params).finalMessage());
    expect(error).toBeInstanceOf(StreamTruncatedError);
  });

  it("rejects MessageStream with an AnthropicError when a stream request is answered with plain JSON", async () => {
    const server = await serve([ok(textMessage(answer))]);
    const error = await failure(clientFor(server).messages.stream(params).finalMessage());
    expect(error).toBeInstanceOf(AnthropicError);
  });

  it("rejects an event of the wrong shape (well-formed JSON) with a non-abort AnthropicError", async () => {
    const server = await serve([
      sse([sseFrame("message_start", { type: "message_start", message: null }), ...frames.slice(2)]),
    ]);
    const stream = clientFor(server).messages.stream(params);
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).not.toBeInstanceOf(APIUserAbortError);
    expect(stream.aborted).toBe(false);
  });

  // Read back with MessageStream.fromReadableStream (the browser side of a server relay), the same bad
  // event is a failure, not an abort, even though the shared controller was aborted on the way out.
  it("MessageStream.fromReadableStream rejects an event of the wrong shape without calling it an abort", async () => {
    const lines = [{ type: "message_start", message: null }, ...textEvents(answer).slice(1)].map((event) =>
      JSON.stringify(event),
    );
    const stream = MessageStream.fromReadableStream(new Response(`${lines.join("\n")}\n`).body!);
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(AnthropicError);
    expect(error).not.toBeInstanceOf(APIUserAbortError);
    expect(stream.aborted).toBe(false);
  });

  // A raw `stream: true` iteration over a 200 that is not an event stream (a proxy's JSON or HTML)
  // fails instead of ending quietly with zero events.
  it("rejects a raw stream answered with plain JSON instead of ending quietly", async () => {
    const server = await serve([ok(textMessage(answer))]);
    const seen: RawMessageStreamEvent[] = [];
    const stream = await clientFor(server).messages.create({ ...params, stream: true });
    const error = await failure(collect(stream, seen));
    expect(error).toBeInstanceOf(AnthropicError);
  });
});

describe("batch results (JSONL) under faults", () => {
  const lines = [1, 2, 3].map((n) =>
    JSON.stringify({
      custom_id: `req-${n}`,
      result: { type: "succeeded", message: textMessage(`answer ${n}`) },
    }),
  );
  async function batchServer(resultsBehaviour: Behaviour) {
    let base = "";
    const server = await serve((request) =>
      request.path.endsWith("/results")
        ? resultsBehaviour
        : ok({
            id: "msgbatch_1",
            type: "message_batch",
            processing_status: "ended",
            request_counts: { processing: 0, succeeded: 3, errored: 0, canceled: 0, expired: 0 },
            results_url: `${base}/v1/messages/batches/msgbatch_1/results`,
          }),
    );
    base = server.url;
    return server;
  }

  it("yields every line of a complete JSONL body, in order", async () => {
    const server = await batchServer({
      kind: "respond",
      headers: { "content-type": "application/binary" },
      chunks: [lines.join("\n").slice(0, 50), `${lines.join("\n").slice(50)}\n`],
    });
    const ids: string[] = [];
    for await (const result of await clientFor(server).messages.batches.results("msgbatch_1"))
      ids.push(result.custom_id);
    expect(ids).toEqual(["req-1", "req-2", "req-3"]);
  });

  it("throws an AnthropicError naming the line when the last line is truncated, after yielding the complete ones", async () => {
    const body = `${lines[0]}\n${lines[1]}\n${lines[2]!.slice(0, 30)}`;
    const server = await batchServer({
      kind: "respond",
      headers: { "content-type": "application/binary" },
      body,
    });
    const ids: string[] = [];
    const error = await failure(
      (async () => {
        for await (const result of await clientFor(server).messages.batches.results("msgbatch_1"))
          ids.push(result.custom_id);
      })(),
    );
    expect(ids).toEqual(["req-1", "req-2"]);
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toContain("line 3");
    expect(server.requests).toHaveLength(2);
  });

  it("throws APIConnectionError when the JSONL connection is reset mid-body", async () => {
    const server = await batchServer({
      kind: "reset-mid-stream",
      headers: { "content-type": "application/binary" },
      chunks: [`${lines[0]}\n${lines[1]!.slice(0, 20)}`],
    });
    const ids: string[] = [];
    const error = await failure(
      (async () => {
        for await (const result of await clientFor(server).messages.batches.results("msgbatch_1"))
          ids.push(result.custom_id);
      })(),
    );
    expect(ids).toEqual(["req-1"]);
    expect(error).toBeInstanceOf(APIConnectionError);
  });
});

describe("aborts at every stage: APIUserAbortError, no retry afterwards", () => {
  it("aborts before sending: no request reaches the server", async () => {
    const server = await serve(() => ok(textMessage(answer)));
    const controller = new AbortController();
    controller.abort();
    const error = await failure(clientFor(server).messages.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    await settle();
    expect(server.requests).toHaveLength(0);
  });

  it("aborts while waiting for the headers", async () => {
    const server = await serve(() => ({ kind: "hang" }));
    const controller = new AbortController();
    server.onRequest = () => controller.abort();
    const error = await failure(clientFor(server).messages.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    await settle();
    expect(server.requests).toHaveLength(1);
    await eventually(() => server.requests[0]!.clientClosedEarly, "the aborted request to be closed");
  });

  it("aborts during the retry sleep, cutting a 60 s wait short, and never sends the retry", async () => {
    sleepLog.capMs = Number.POSITIVE_INFINITY;
    const server = await serve(() => fail(529, "overloaded_error", { "retry-after": "60" }));
    const controller = new AbortController();
    sleepLog.onSleep = () => controller.abort();
    const error = await failure(clientFor(server).messages.create(params, { signal: controller.signal }));
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(sleepLog.delays).toEqual([60_000]);
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a non-streaming call while its body is arriving", async () => {
    const body = JSON.stringify(textMessage(answer));
    const server = await serve([{ kind: "stall", headers: jsonHeaders, chunks: [body.slice(0, 30)] }]);
    const controller = new AbortController();
    const promise = clientFor(server).messages.create(params, { signal: controller.signal });
    await eventually(() => server.requests.length === 1, "the request");
    await settle(30);
    controller.abort();
    expect(await failure(promise)).toBeInstanceOf(APIUserAbortError);
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a MessageStream mid-stream: abort event, APIUserAbortError, connection closed, no retry", async () => {
    const frames = sseFrames(textEvents(answer));
    const server = await serve([{ kind: "stall", headers: sseHeaders, chunks: frames.slice(0, 5) }]);
    const stream = clientFor(server).messages.stream(params);
    let aborted = 0;
    stream.on("abort", () => aborted++);
    stream.on("text", () => stream.abort());
    const error = await failure(stream.finalMessage());
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(stream.aborted).toBe(true);
    expect(aborted).toBe(1);
    await eventually(() => server.requests[0]!.clientClosedEarly, "the stream's connection to be closed");
    await settle();
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a raw stream through the caller's signal while waiting for bytes", async () => {
    const frames = sseFrames(textEvents(answer));
    const server = await serve([{ kind: "stall", headers: sseHeaders, chunks: frames.slice(0, 3) }]);
    const controller = new AbortController();
    const stream = await clientFor(server).messages.create(
      { ...params, stream: true },
      { signal: controller.signal },
    );
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const event of stream) {
          seen.push(event.type);
          if (event.type === "content_block_start") setTimeout(() => controller.abort(), 20);
        }
      })(),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(seen).toEqual(["message_start", "content_block_start"]);
    await eventually(() => server.requests[0]!.clientClosedEarly, "the stream's connection to be closed");
    expect(server.requests).toHaveLength(1);
  });

  it("breaking out of a stream closes the connection quietly", async () => {
    const frames = sseFrames(textEvents(answer));
    const server = await serve([{ kind: "stall", headers: sseHeaders, chunks: frames.slice(0, 4) }]);
    const stream = await clientFor(server).messages.create({ ...params, stream: true });
    for await (const event of stream) if (event.type === "content_block_start") break;
    await eventually(() => server.requests[0]!.clientClosedEarly, "the stream's connection to be closed");
  });
});

describe("100 concurrent streams, some failing", () => {
  it("completes every healthy stream byte-exact while the failing ones fail with their own error", async () => {
    const textOf = (index: number) => `Stream ${index}: ${"žluťoučký kůň 🐎 ".repeat(1 + (index % 5))}done.`;
    const kindOf = (index: number) =>
      index % 10 === 3 ? "reset" : index % 10 === 6 ? "error-event" : index % 10 === 9 ? "http-529" : "ok";
    const server = await serve((request) => {
      const index = Number(request.headers["x-case"]);
      const frames = sseFrames(textEvents(textOf(index), `msg_${index}`));
      switch (kindOf(index)) {
        case "reset":
          return { kind: "reset-mid-stream", headers: sseHeaders, chunks: frames.slice(0, 5) };
        case "error-event":
          return sse([
            ...frames.slice(0, 5),
            sseFrame("error", JSON.parse(errorBody("overloaded_error", "Overloaded"))),
          ]);
        case "http-529":
          return fail(529, "overloaded_error", { "x-should-retry": "false" });
        default: {
          // Byte-level pieces that split multi-byte characters, trickled.
          const bytes = Buffer.from(frames.join(""));
          const pieces: Buffer[] = [];
          for (let at = 0; at < bytes.length; at += 7 + (index % 13))
            pieces.push(bytes.subarray(at, at + 7 + (index % 13)));
          return sse(pieces, index % 2);
        }
      }
    });
    const client = clientFor(server, { maxRetries: 0 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 100 }, (_, index) =>
        client.messages.stream(params, { headers: { "x-case": String(index) } }).finalMessage(),
      ),
    );
    expect(server.requests).toHaveLength(100);
    const tally = { ok: 0, reset: 0, "error-event": 0, "http-529": 0 };
    outcomes.forEach((outcome, index) => {
      const kind = kindOf(index);
      if (kind === "ok") {
        expect(outcome.status).toBe("fulfilled");
        const message = (outcome as PromiseFulfilledResult<Anthropic.Message>).value;
        expect(message.id).toBe(`msg_${index}`);
        expect(message.content).toEqual([{ type: "text", text: textOf(index), citations: null }]);
      } else {
        expect(outcome.status).toBe("rejected");
        const reason = (outcome as PromiseRejectedResult).reason;
        if (kind === "reset") {
          expect(reason).toBeInstanceOf(APIConnectionError);
          expect(reason).not.toBeInstanceOf(APIUserAbortError);
        } else {
          expect(reason).toBeInstanceOf(OverloadedError);
          expect((reason as OverloadedError).status).toBe(529);
        }
      }
      tally[kind]++;
    });
    expect(tally).toEqual({ ok: 70, reset: 10, "error-event": 10, "http-529": 10 });
  });
});
