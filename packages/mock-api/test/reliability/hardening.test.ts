/**
 * The mock API under hostile input: it binds loopback by default, refuses oversized bodies with 413,
 * answers every malformed request with a 4xx error envelope (fuzzed with fast-check, through the core
 * and through the Node server), and keeps serving afterwards.
 */
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createMockApi } from "../../src/index.js";
import { type RunningMockApi, startMockApi } from "../../src/node.js";

// Generous: some tests move tens of MB or hundreds of streams on a shared 2-core machine. Not a timing assertion.
vi.setConfig({ testTimeout: 30_000 });

/** numRuns of each fuzz property, quoted in the README. */
export const runs = { core: 1000, nodeServer: 200 } as const;

const MB = 1024 * 1024;
const model = "claude-sonnet-4-6";
const goodHeaders = {
  "x-api-key": "test-key",
  "anthropic-version": "2023-06-01",
  "content-type": "application/json",
};
const validMessage = { model, max_tokens: 64, messages: [{ role: "user", content: "Hello there" }] };

const watchedResources = ["TCPSocketWrap", "TCPServerWrap", "Timeout"];
function countResources(): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(watchedResources.map((name) => [name, 0]));
  for (const name of process.getActiveResourcesInfo()) if (name in counts) counts[name]! += 1;
  return counts;
}

let server: RunningMockApi;
let resourcesBefore: Record<string, number>;
beforeAll(async () => {
  resourcesBefore = countResources();
  server = await startMockApi();
});
afterAll(async () => {
  await server.close();
  // No socket, server or timer outlives the suite (stream pauses and batch timers included).
  let after = countResources();
  for (
    let tries = 0;
    watchedResources.some((name) => after[name]! > resourcesBefore[name]!) && tries < 100;
    tries++
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    after = countResources();
  }
  expect(after).toEqual(resourcesBefore);
});

/** A well-formed answer: a success, or a 4xx with the API's error envelope and matching request-id. */
async function expectWellFormed(response: Response, what: string, method = "GET"): Promise<void> {
  const text = await response.text();
  if (response.status >= 200 && response.status < 300) return;
  expect(response.status, `${what}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${what}: ${text.slice(0, 200)}`).toBeLessThan(500);
  // Over HTTP a HEAD answer has no body to check.
  if (method === "HEAD" && text === "") return;
  const body = JSON.parse(text) as {
    type: string;
    error: { type: string; message: string };
    request_id: string;
  };
  expect(Object.keys(body).sort(), what).toEqual(["error", "request_id", "type"]);
  expect(body.type).toBe("error");
  expect(typeof body.error.type, what).toBe("string");
  expect(typeof body.error.message, what).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(response.headers.get("request-id")).toBe(body.request_id);
}

function externalIPv4(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? [])
      if (address.family === "IPv4" && !address.internal) return address.address;
  }
  return undefined;
}

function tryConnect(host: string, port: number): Promise<"connected" | string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Sends raw bytes and returns what the server answered before closing. */
function rawExchange(port: number, bytes: string | Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    let answer = "";
    socket.on("data", (data) => {
      answer += data.toString("latin1");
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", () => {});
    socket.end(bytes);
  });
}

async function stillServing(): Promise<void> {
  const response = await fetch(`${server.url}/v1/models`, { headers: goodHeaders });
  expect(response.status).toBe(200);
  await response.text();
}

describe("network exposure", () => {
  it("binds 127.0.0.1 by default", async () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    expect(await tryConnect("127.0.0.1", server.port)).toBe("connected");
  });

  const external = externalIPv4();
  it.skipIf(external === undefined)(
    `is not reachable on this machine's non-loopback address (${external ?? "none on this machine"})`,
    async () => {
      expect(await tryConnect(external!, server.port)).toBe("ECONNREFUSED");
    },
  );
});

describe("request size limits", () => {
  const oversized = () => {
    const filler = "x".repeat(32 * MB + 1024);
    return JSON.stringify({ ...validMessage, messages: [{ role: "user", content: filler }] });
  };

  it("answers 413 request_too_large to a body over 32 MB sent with a content-length", async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: "POST",
      headers: goodHeaders,
      body: oversized(),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { type: string } };
    expect(body.error.type).toBe("request_too_large");
    await stillServing();
  });

  it("answers 413 to an oversized body sent chunked, without a content-length", async () => {
    const text = oversized();
    const encoded = new TextEncoder().encode(text);
    const piece = 4 * MB;
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= encoded.length) {
          controller.close();
          return;
        }
        controller.enqueue(encoded.subarray(offset, offset + piece));
        offset += piece;
      },
    });
    const response = await fetch(`${server.url}/v1/messages/count_tokens`, {
      method: "POST",
      headers: goodHeaders,
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    await response.text();
    await stillServing();
  });

  it("answers 413 from the core when the declared content-length is over the limit", async () => {
    const api = createMockApi();
    const response = await api.handle(
      new Request("http://mock.test/v1/messages", {
        method: "POST",
        headers: { ...goodHeaders, "content-length": String(64 * MB) },
        body: JSON.stringify(validMessage),
      }),
    );
    expect(response.status).toBe(413);
    await expectWellFormed(response, "declared oversized body");
  });

  it("answers a request line that is not HTTP with 400 and keeps serving", async () => {
    const answer = await rawExchange(server.port, "HELLO THERE\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    await stillServing();
  });

  it("answers headers over 64 KB with 431 and keeps serving", async () => {
    const answer = await rawExchange(
      server.port,
      `GET /v1/models HTTP/1.1\r\nHost: x\r\nx-api-key: k\r\nx-big: ${"a".repeat(64 * 1024)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    await stillServing();
  });

  it("survives a client that disconnects in the middle of sending its body", async () => {
    const answer = await rawExchange(
      server.port,
      `POST /v1/messages HTTP/1.1\r\nHost: x\r\nx-api-key: k\r\nanthropic-version: 2023-06-01\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"model":`,
    );
    expect(answer).not.toMatch(/^HTTP\/1\.1 5/);
    await stillServing();
  });
});

// ---------------------------------------------------------------------------------------------------
// Fuzzing

const methodArb = fc.constantFrom(
  "GET",
  "POST",
  "PUT",
  "PATCH",
  "DELETE",
  "OPTIONS",
  "HEAD",
  "PROPFIND",
  "BREW",
);

const idArb = fc.oneof(
  fc.constantFrom("claude-sonnet-4-6", "msgbatch_01abc", "", ".", "..", "a/b", "%ZZ", "%E0%A4%A", "%"),
  fc.string({ maxLength: 20, unit: "grapheme" }).map(encodeURIComponent),
);

const pathArb = fc.oneof(
  fc.constantFrom(
    "/",
    "/v1",
    "/v1/",
    "/v1/messages",
    "/v1/messages/",
    "/v1/messages/count_tokens",
    "/v1/models",
    "/v1/messages/batches",
    "/v1/complete",
    "/v2/messages",
    "//v1//messages",
    "/v1/messages?beta=true",
    "/proxy/prefix/v1/messages",
  ),
  idArb.map((id) => `/v1/models/${id}`),
  idArb.map((id) => `/v1/messages/batches/${id}`),
  idArb.map((id) => `/v1/messages/batches/${id}/results`),
  idArb.map((id) => `/v1/messages/batches/${id}/cancel`),
  fc
    .record({
      route: fc.constantFrom("/v1/models", "/v1/messages/batches"),
      limit: fc.oneof(fc.integer({ min: -5, max: 5000 }).map(String), fc.string({ maxLength: 5 })),
      cursor: fc.constantFrom("after_id", "before_id", "page"),
      id: idArb,
    })
    .map(({ route, limit, cursor, id }) => `${route}?limit=${encodeURIComponent(limit)}&${cursor}=${id}`),
  fc
    .array(fc.string({ maxLength: 8 }).map(encodeURIComponent), { maxLength: 5 })
    .map((parts) => `/${parts.join("/")}`),
);

const headersArb = fc
  .record(
    {
      "x-api-key": fc.oneof(fc.constant("test-key"), fc.constant(""), fc.string({ maxLength: 10 })),
      authorization: fc.oneof(
        fc.constant("Bearer token-1"),
        fc.constant("Bearer "),
        fc.constant("Basic abc"),
        fc.string({ maxLength: 10 }),
      ),
      "anthropic-version": fc.constantFrom(
        "2023-06-01",
        "2023-01-01",
        "",
        "banana",
        "2023-06-01, 2023-06-01",
      ),
      "anthropic-beta": fc.constantFrom("message-batches-2024-09-24", "unknown-beta", "a,b,,c"),
      "content-type": fc.constantFrom(
        "application/json",
        "text/plain",
        "application/x-www-form-urlencoded",
        "",
        "application/json; charset=latin1",
      ),
      "content-encoding": fc.constantFrom("gzip", "br", "identity", "x-nonsense"),
      origin: fc.constantFrom("https://example.com", "null", "http://localhost:5173"),
      "anthropic-dangerous-direct-browser-access": fc.constantFrom("true", "false", "TRUE", ""),
      accept: fc.constantFrom("application/json", "text/event-stream", "*/*"),
    },
    { requiredKeys: [] },
  )
  .map((headers) => {
    // Valid credentials and version most of the time, so the fuzzing reaches the routes and validators.
    return { ...headers };
  });

/** Message requests with one field replaced by an arbitrary value, or deeper junk. */
const messageBodyArb = fc
  .record({
    field: fc.constantFrom(
      "model",
      "max_tokens",
      "messages",
      "system",
      "tools",
      "tool_choice",
      "stream",
      "thinking",
      "temperature",
      "stop_sequences",
      "metadata",
      "top_k",
      "extra",
    ),
    value: fc.jsonValue({ maxDepth: 3 }),
    stream: fc.boolean(),
    keep: fc.boolean(),
  })
  .map(({ field, value, stream, keep }) => {
    const body: Record<string, unknown> = { ...validMessage, stream };
    if (!keep) body[field] = value;
    return JSON.stringify(body);
  });

const contentBlockArb = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.record(
    {
      type: fc.constantFrom("text", "image", "document", "tool_use", "tool_result", "thinking", "nope"),
      text: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ["type"] },
  ),
);

const conversationBodyArb = fc
  .array(
    fc.record({
      role: fc.constantFrom("user", "assistant", "system", "tool"),
      content: fc.oneof(fc.string({ maxLength: 20 }), fc.array(contentBlockArb, { maxLength: 3 })),
    }),
    { maxLength: 4 },
  )
  .map((messages) => JSON.stringify({ model, max_tokens: 32, messages }));

const batchBodyArb = fc
  .array(
    fc.record({
      custom_id: fc.oneof(fc.string({ maxLength: 70 }), fc.jsonValue({ maxDepth: 1 })),
      params: fc.oneof(fc.constant(validMessage), fc.jsonValue({ maxDepth: 2 })),
    }),
    { maxLength: 3 },
  )
  .map((requests) => JSON.stringify({ requests }));

const bodyArb = fc.oneof(
  messageBodyArb,
  conversationBodyArb,
  batchBodyArb,
  fc.json({ maxDepth: 3 }),
  fc.string({ maxLength: 60, unit: "binary" }),
  fc.uint8Array({ maxLength: 60 }),
  fc.constantFrom("", "{", "[]", "null", '{"model":', "\uFEFF{}", "{}".repeat(3)),
);

const requestArb = fc.record({
  method: methodArb,
  path: pathArb,
  headers: headersArb,
  body: bodyArb,
  useGoodAuth: fc.boolean(),
});

type Fuzzed = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function initOf({ method, headers, body, useGoodAuth }: Fuzzed): RequestInit {
  const finalHeaders = useGoodAuth ? { ...headers, ...goodHeaders } : headers;
  const init: RequestInit = { method, headers: finalHeaders };
  if (method !== "GET" && method !== "HEAD") init.body = body;
  return init;
}

describe("fuzzing: every malformed request gets a 4xx error envelope, never a 5xx or a crash", () => {
  it(`createMockApi().handle answers well-formed (${runs.core} runs)`, async () => {
    const api = createMockApi({ batchProcessingMs: 10 });
    await fc.assert(
      fc.asyncProperty(requestArb, async (fuzzed) => {
        const request = new Request(`http://mock.test${fuzzed.path}`, initOf(fuzzed));
        const response = await api.handle(request);
        await expectWellFormed(response, `${fuzzed.method} ${fuzzed.path}`);
      }),
      { numRuns: runs.core },
    );
  });

  it(`the Node server answers well-formed and stays up (${runs.nodeServer} runs)`, async () => {
    await fc.assert(
      // Methods Node's HTTP parser does not know (BREW) are refused by Node itself, before the mock.
      fc.asyncProperty(
        requestArb.filter((fuzzed) => fuzzed.method !== "BREW"),
        async (fuzzed) => {
          const response = await fetch(`${server.url}${fuzzed.path}`, initOf(fuzzed));
          await expectWellFormed(response, `${fuzzed.method} ${fuzzed.path}`, fuzzed.method);
        },
      ),
      { numRuns: runs.nodeServer },
    );
    await stillServing();
  });

  // A malformed percent-escape in a path id once made `decodeURIComponent` throw (a 500); the router
  // now keeps the raw segment, which matches nothing. The fuzzers above only send well-formed escapes.
  it("answers a malformed percent-escape in a path id with a 4xx", async () => {
    const api = createMockApi();
    for (const path of [
      "/v1/models/%ZZ",
      "/v1/messages/batches/%E0%A4%A",
      "/v1/messages/batches/%/results",
    ]) {
      const response = await api.handle(new Request(`http://mock.test${path}`, { headers: goodHeaders }));
      await expectWellFormed(response, path);
    }
  });
});
