/**
 * One test suite for every client of the cloud faces: our `@colloquy/bedrock` and `@colloquy/vertex`,
 * and the official `@anthropic-ai/bedrock-sdk` and `@anthropic-ai/vertex-sdk`. Each test file describes
 * its client as a {@link CloudClientTarget} and calls {@link cloudClientSuite}; what differs between
 * clients (the wire paths, the version in the body, the error classes) is data in the target.
 * Test-only: not part of the built package.
 */
import { afterEach, describe, expect, it } from "vitest";

/** A request as the client's `fetch` saw it. */
export interface SentRequest {
  url: string;
  headers: Headers;
  body: string;
}

/** The request parameters the suite sends (a subset every client accepts). */
export interface SuiteParams {
  model: string;
  max_tokens: number;
  messages: { role: "user"; content: string }[];
  tools?: {
    name: string;
    description: string;
    input_schema: { type: "object"; properties: Record<string, unknown>; required: string[] };
  }[];
  tool_choice?: { type: "tool"; name: string };
}

/** Per-request options the suite uses. */
export interface SuiteRequestOptions {
  headers?: Record<string, string>;
}

/** A content block, as far as the suite looks at it. */
export interface SuiteBlock {
  type: string;
  text?: string;
  name?: string;
  input?: unknown;
}

/** A Message, as far as the suite looks at it. */
export interface SuiteMessage {
  type: string;
  model: string;
  content: SuiteBlock[];
  stop_reason: string | null;
  usage: { input_tokens: number; output_tokens: number };
}

/** The `MessageStream` helpers the suite uses. */
export interface SuiteMessageStream {
  on(event: "text", listener: (delta: string) => void): unknown;
  finalMessage(): Promise<SuiteMessage>;
  abort(): void;
}

/** What the suite needs of a client: the official SDK's `messages` interface, loosely typed. */
export interface SuiteClient {
  messages: {
    create(body: SuiteParams & { stream?: boolean }, options?: SuiteRequestOptions): PromiseLike<unknown>;
    stream(body: SuiteParams, options?: SuiteRequestOptions): SuiteMessageStream;
    countTokens?(
      body: Pick<SuiteParams, "model" | "messages">,
      options?: SuiteRequestOptions,
    ): PromiseLike<{ input_tokens: number }>;
  };
}

// biome-ignore lint/suspicious/noExplicitAny: an error class of any client's hierarchy, whatever its constructor takes
type ErrorClass = abstract new (...args: any[]) => Error;

/** A client set up against its face, running on loopback. */
export interface CloudSetup {
  client: SuiteClient;
  /** Every request the client sent, in order. */
  sent: SentRequest[];
  /** Stops the face's server. */
  close(): Promise<void>;
}

/** How to set up a client with the suite's variations. */
export interface SetupOptions {
  /** Sign or authenticate with credentials the face refuses. */
  wrongCredentials?: boolean | undefined;
  maxRetries?: number | undefined;
  /** The client's idle timeout on streams, in ms (for targets with {@link CloudClientTarget.optional}`.idleTimeoutError`). */
  idleTimeout?: number | undefined;
  /** Called each time the client asks its credentials provider (for targets with `optional.credentialsProvider`). */
  onCredentials?: (() => void) | undefined;
}

/** One client of one cloud face, described for {@link cloudClientSuite}. */
export interface CloudClientTarget {
  /** Shown in the suite's title, e.g. `@colloquy/bedrock` or `the official AnthropicVertex`. */
  name: string;
  /** The model id in the cloud's form. */
  model: string;
  /** Starts the face on 127.0.0.1 (port 0) and a client whose `fetch` records into `sent`. */
  setup(options?: SetupOptions): Promise<CloudSetup>;
  /** What the requests must look like on the wire. */
  wire: {
    /** The path of a non-streaming create. */
    create: RegExp;
    /** The path of a streaming create. */
    stream: RegExp;
    /** The path of a token count, for clients that count tokens on this cloud. */
    countTokens?: RegExp | undefined;
    /** The `anthropic_version` the client puts in the body. */
    anthropicVersion: string;
  };
  /** The client's error classes for what the suite provokes. */
  errors: {
    /** Refused credentials, with the cloud's status. */
    auth: { type: ErrorClass; status: number; message: RegExp };
    rateLimit: ErrorClass;
    /** An overloaded error event in the middle of a stream, with what the message says. */
    overloadedMidStream: { type: ErrorClass; message: RegExp };
    /** The connection cut in the middle of a stream. */
    dropped: ErrorClass;
    userAbort: ErrorClass;
  };
  /** What only some clients offer (ours do); the suite tests it for the clients that say so. */
  optional?: {
    /** A stream that stalls past `setup({ idleTimeout })` fails with this error. */
    idleTimeoutError?: ErrorClass | undefined;
    /** `setup({ onCredentials })` gives the client a credentials provider, asked before every attempt. */
    credentialsProvider?: boolean | undefined;
  };
}

/** The suite's request: a short conversation with the target's model. */
export function paramsFor(model: string): SuiteParams {
  return { model, max_tokens: 256, messages: [{ role: "user", content: "Hello there" }] };
}

/**
 * A client on a running face that records what it sends: `makeClient` gets the face's URL and the
 * recording `fetch` to give the client.
 */
export function clientOnFace<Client>(
  server: { url: string; close(): Promise<void> },
  makeClient: (url: string, fetch: typeof globalThis.fetch) => Client,
): { client: Client; sent: SentRequest[]; close(): Promise<void> } {
  const sent: SentRequest[] = [];
  return { client: makeClient(server.url, recordingFetch(sent)), sent, close: () => server.close() };
}

/** A `fetch` that records each request into `sent` before sending it. */
function recordingFetch(sent: SentRequest[]): typeof fetch {
  return async (url, init) => {
    sent.push({ url: String(url), headers: new Headers(init?.headers), body: String(init?.body ?? "") });
    return fetch(url, init);
  };
}

/**
 * Wraps a function that starts a face (and its client) so that every face it starts is closed after
 * each test. Call it at the top of a test file or inside a `describe`.
 */
export function closedAfterEach<Args extends unknown[], Ready extends { close(): Promise<void> }>(
  start: (...args: Args) => Promise<Ready>,
): (...args: Args) => Promise<Ready> {
  const running: Ready[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((ready) => ready.close()));
  });
  return async (...args) => {
    const ready = await start(...args);
    running.push(ready);
    return ready;
  };
}

/** A credentials (or token) provider that hands out `credentials`, calling `onCall` each time it is asked. */
export function countedProvider<Credentials>(
  credentials: Credentials,
  onCall: () => void,
): () => Promise<Credentials> {
  return async () => {
    onCall();
    return credentials;
  };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

const weatherTool = {
  name: "get_weather",
  description: "Weather of a city",
  input_schema: { type: "object" as const, properties: { city: { type: "string" } }, required: ["city"] },
};

const textOf = (message: SuiteMessage) =>
  message.content.map((block) => (block.type === "text" ? (block.text ?? "") : "")).join("");

/**
 * Registers the shared tests: create, stream (helpers and raw events), a streamed tool call, token
 * counting, refused credentials, retries of 429 and 529, an overloaded error mid-stream, a cut
 * connection and an abort, each against the target's face over loopback; and, for the clients that
 * offer them, a stalled stream's idle timeout and a credentials provider asked before every attempt.
 */
export function cloudClientSuite(target: CloudClientTarget): void {
  const params = paramsFor(target.model);

  describe(`${target.name} against its cloud face (shared cloud client suite)`, () => {
    const setup = closedAfterEach(target.setup);

    it("creates a message: cloud path, anthropic_version in the body, no model there, no x-api-key", async () => {
      const { client, sent } = await setup();
      const message = (await client.messages.create(params)) as SuiteMessage;
      expect(message.type).toBe("message");
      expect(message.model).toBe("claude-sonnet-4-5-20250929");
      expect(message.stop_reason).toBe("end_turn");
      expect(sent).toHaveLength(1);
      const [request] = sent as [SentRequest];
      expect(new URL(request.url).pathname).toMatch(target.wire.create);
      const body = JSON.parse(request.body);
      expect(body).toMatchObject({ anthropic_version: target.wire.anthropicVersion, max_tokens: 256 });
      expect(body).not.toHaveProperty("model");
      expect(request.headers.has("x-api-key")).toBe(false);
      expect(request.headers.has("anthropic-version")).toBe(false);
    });

    it("streams with messages.stream(): the text deltas make the final text", async () => {
      const { client, sent } = await setup();
      const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "words=30" } });
      const deltas: string[] = [];
      stream.on("text", (delta) => deltas.push(delta));
      const message = await stream.finalMessage();
      expect(new URL(sent[0]?.url ?? "").pathname).toMatch(target.wire.stream);
      expect(deltas.length).toBeGreaterThan(5);
      expect(deltas.join("")).toBe(textOf(message));
      expect(textOf(message).split(/\s+/).filter(Boolean)).toHaveLength(30);
      expect(message.usage.output_tokens).toBeGreaterThan(0);
    });

    it("streams raw events with messages.create({ stream: true })", async () => {
      const { client } = await setup();
      const stream = (await client.messages.create({ ...params, stream: true })) as AsyncIterable<{
        type: string;
      }>;
      const types: string[] = [];
      for await (const event of stream) types.push(event.type);
      expect(types[0]).toBe("message_start");
      expect(types.at(-1)).toBe("message_stop");
      expect(types).toContain("content_block_delta");
    });

    it("streams a tool call and parses its input", async () => {
      const { client } = await setup();
      const message = await client.messages
        .stream({ ...params, tools: [weatherTool], tool_choice: { type: "tool", name: "get_weather" } })
        .finalMessage();
      const block = message.content.find((item) => item.type === "tool_use");
      expect(block).toMatchObject({ type: "tool_use", name: "get_weather" });
      expect(typeof (block?.input as { city?: unknown } | undefined)?.city).toBe("string");
    });

    const countTokensPath = target.wire.countTokens;
    it.runIf(countTokensPath !== undefined)(
      "counts tokens, matching the usage of the same request",
      async () => {
        const { client, sent } = await setup();
        const counted = await client.messages.countTokens?.({
          model: params.model,
          messages: params.messages,
        });
        const message = (await client.messages.create(params)) as SuiteMessage;
        expect(counted?.input_tokens).toBeGreaterThan(0);
        expect(counted?.input_tokens).toBe(message.usage.input_tokens);
        expect(new URL(sent[0]?.url ?? "").pathname).toMatch(countTokensPath ?? /never/);
      },
    );

    it("gets the cloud's refusal for wrong credentials, without retrying", async () => {
      const { client, sent } = await setup({ wrongCredentials: true });
      const error = await failure(client.messages.create(params));
      expect(error).toBeInstanceOf(target.errors.auth.type);
      expect((error as { status?: number }).status).toBe(target.errors.auth.status);
      expect((error as Error).message).toMatch(target.errors.auth.message);
      expect(sent).toHaveLength(1);
    });

    it.each([
      ["a 429", "error=429 fail-times=2 retry-after-ms=1", 3],
      ["an overloaded model (529)", "error=529 fail-times=1 retry-after-ms=1", 2],
    ] as const)("retries %s and then succeeds", async (_what, trigger, attempts) => {
      const { client, sent } = await setup();
      const message = (await client.messages.create(params, {
        headers: { "x-mock-trigger": trigger },
      })) as SuiteMessage;
      expect(message.type).toBe("message");
      expect(sent).toHaveLength(attempts);
    });

    it.runIf(target.optional?.credentialsProvider)(
      "asks the credentials provider again before every attempt",
      async () => {
        let asked = 0;
        const { client, sent } = await setup({ onCredentials: () => asked++ });
        await client.messages.create(params, {
          headers: { "x-mock-trigger": "error=429 fail-times=2 retry-after-ms=1" },
        });
        expect(sent).toHaveLength(3);
        expect(asked).toBe(3);
      },
    );

    it("gives the rate-limit error once the retries are spent", async () => {
      const { client, sent } = await setup({ maxRetries: 1 });
      const error = await failure(
        client.messages.create(params, { headers: { "x-mock-trigger": "error=429 retry-after-ms=1" } }),
      );
      expect(error).toBeInstanceOf(target.errors.rateLimit);
      expect(sent).toHaveLength(2);
    });

    it("rejects finalMessage when the model is overloaded mid-stream", async () => {
      const { client } = await setup();
      const stream = client.messages.stream(params, {
        headers: { "x-mock-trigger": "stream-error=overloaded_error after=3" },
      });
      const error = await failure(stream.finalMessage());
      expect(error).toBeInstanceOf(target.errors.overloadedMidStream.type);
      expect((error as Error).message).toMatch(target.errors.overloadedMidStream.message);
    });

    it("rejects finalMessage when the connection is cut mid-stream", async () => {
      const { client } = await setup();
      const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "drop after=4" } });
      expect(await failure(stream.finalMessage())).toBeInstanceOf(target.errors.dropped);
    });

    const idleTimeoutError = target.optional?.idleTimeoutError;
    it.runIf(idleTimeoutError !== undefined)("fails a stalled stream after the idle timeout", async () => {
      const { client } = await setup({ idleTimeout: 100 });
      const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "slow=2000" } });
      expect(await failure(stream.finalMessage())).toBeInstanceOf(idleTimeoutError ?? Error);
    });

    it("aborts a stream with abort()", async () => {
      const { client } = await setup();
      const stream = client.messages.stream(params, { headers: { "x-mock-trigger": "words=200 slow=20" } });
      let first = true;
      stream.on("text", () => {
        if (first) stream.abort();
        first = false;
      });
      expect(await failure(stream.finalMessage())).toBeInstanceOf(target.errors.userAbort);
    });
  });
}
