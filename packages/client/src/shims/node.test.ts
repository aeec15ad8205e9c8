/** `httpAgent` in Node: refused until `@colloquy/client/shims/node` is imported, then every request goes through the agent. */
import { Agent, type AgentOptions } from "node:http";
import { startMockApi } from "@colloquy/mock-api/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Anthropic, { AnthropicError, APIUserAbortError, RateLimitError } from "../index.js";

/** An agent that counts the connections it opens, to show that requests really go through it. */
class CountingAgent extends Agent {
  connections = 0;
  constructor(options?: AgentOptions) {
    super(options);
    // `createConnection` is not in Node's typings of `Agent`, but every connection goes through it.
    const connector = this as unknown as { createConnection: (...args: unknown[]) => unknown };
    const create = connector.createConnection.bind(this);
    connector.createConnection = (...args) => {
      this.connections++;
      return create(...args);
    };
  }
}

const registryKey = Symbol.for("@colloquy/client/agent-fetch");
const globals = globalThis as Record<symbol, unknown>;

let mock: { url: string; close(): Promise<void> };
beforeAll(async () => {
  mock = await startMockApi({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});

const params = (content: string) => ({
  model: "claude-sonnet-4-6",
  max_tokens: 256,
  messages: [{ role: "user" as const, content }],
});

describe("httpAgent without the Node shim", () => {
  it("is refused with a typed error that names the shim and fetchOptions.dispatcher", async () => {
    const registered = globals[registryKey];
    delete globals[registryKey];
    try {
      const agent = new CountingAgent();
      expect(() => new Anthropic({ apiKey: "k", baseURL: mock.url, httpAgent: agent })).toThrow(
        AnthropicError,
      );
      expect(() => new Anthropic({ apiKey: "k", baseURL: mock.url, httpAgent: agent })).toThrow(
        /import "@colloquy\/client\/shims\/node".*fetchOptions: \{ dispatcher/,
      );
      const client = new Anthropic({ apiKey: "k", baseURL: mock.url });
      await expect(client.messages.create(params("Hi"), { httpAgent: agent })).rejects.toThrow(/shims\/node/);
      expect(agent.connections).toBe(0);
    } finally {
      if (registered) globals[registryKey] = registered;
    }
  });
});

describe("httpAgent with the Node shim", () => {
  beforeAll(async () => {
    await import("./node.js");
  });

  it("sends every request through the agent: messages, streams and lists", async () => {
    const agent = new CountingAgent({ keepAlive: false });
    const client = new Anthropic({ apiKey: "k", baseURL: mock.url, httpAgent: agent });
    const message = await client.messages.create(params("Hello [[mock: words=5]]"));
    expect(message.content[0]).toMatchObject({ type: "text" });
    const text = await client.messages.stream(params("Hello [[mock: words=20]]")).finalText();
    expect(text.split(" ")).toHaveLength(20);
    const models = await client.models.list();
    expect(models.data.length).toBeGreaterThan(0);
    expect(agent.connections).toBe(3);
  });

  it("honours a per-call httpAgent and keeps the client's default transport for other calls", async () => {
    const agent = new CountingAgent();
    const client = new Anthropic({ apiKey: "k", baseURL: mock.url });
    await client.messages.create(params("Hi"), { httpAgent: agent });
    await client.messages.create(params("Hi"));
    expect(agent.connections).toBe(1);
    agent.destroy();
  });

  it("reads error statuses, request ids and headers as fetch does", async () => {
    const agent = new CountingAgent();
    const client = new Anthropic({ apiKey: "k", baseURL: mock.url, httpAgent: agent, maxRetries: 0 });
    const error = await client.messages
      .create(params("Hi [[mock: error=429]]"))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get("retry-after")).toBe("1");
    const { request_id } = await client.messages.create(params("Hi")).withResponse();
    expect(request_id).toMatch(/^req_/);
    agent.destroy();
  });

  it("aborts through the caller's signal, also while the body streams, and lets a reader break out", async () => {
    const agent = new CountingAgent();
    const client = new Anthropic({ apiKey: "k", baseURL: mock.url, httpAgent: agent });
    const controller = new AbortController();
    const stream = client.messages.stream(params("Hi [[mock: words=200, slow=20]]"), {
      signal: controller.signal,
    });
    stream.on("text", () => controller.abort());
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(APIUserAbortError);

    const raw = await client.messages.create({ ...params("Hi [[mock: words=200, slow=5]]"), stream: true });
    let events = 0;
    for await (const _event of raw) {
      events++;
      if (events === 3) break;
    }
    expect(events).toBe(3);
    agent.destroy();
  });

  it("exports the transport as fetchThroughAgent, for the fetch option", async () => {
    const { fetchThroughAgent } = await import("./node.js");
    const agent = new CountingAgent();
    const client = new Anthropic({ apiKey: "k", baseURL: mock.url, fetch: fetchThroughAgent(agent) });
    await client.messages.create(params("Hi"));
    expect(agent.connections).toBe(1);
    agent.destroy();
  });

  it("refuses an agent together with a fetch of the caller's, which could not use it", () => {
    expect(
      () => new Anthropic({ apiKey: "k", httpAgent: new CountingAgent(), fetch: globalThis.fetch }),
    ).toThrow(/httpAgent` or `fetch`, not both/);
  });
});
