/**
 * Every snippet of the official SDK's README (../shared/seed/official-sdk-readme.txt), with only the
 * import changed, run against @colloquy/mock-api over loopback. The README's model ids are retired
 * models, so the mock is told to serve them.
 */
import "@colloquy/client/shims/web";
import http from "node:http";
import { defaultModels } from "@colloquy/mock-api";
import { startMockApi } from "@colloquy/mock-api/node";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Anthropic from "../src/index.js";

let mock: { url: string; close(): Promise<void> };
let client: Anthropic;

beforeAll(async () => {
  mock = await startMockApi({
    batchProcessingMs: 20,
    models: [...defaultModels(), "claude-3-opus-20240229", "claude-3-5-sonnet-20240620"],
  });
  vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-readme-test");
  vi.stubEnv("ANTHROPIC_BASE_URL", mock.url);
  client = new Anthropic();
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await mock.close();
});

const hello = {
  max_tokens: 1024,
  messages: [{ role: "user" as const, content: "Hello, Claude" }],
  model: "claude-3-opus-20240229",
};

describe("the official README's snippets", () => {
  it("creates a message with the key from the environment", async () => {
    const explicit = new Anthropic({
      // biome-ignore lint/complexity/useLiteralKeys: the README's snippet, verbatim.
      apiKey: process.env["ANTHROPIC_API_KEY"], // This is the default and can be omitted
    });
    const message = await explicit.messages.create({
      max_tokens: 1024,
      messages: [{ role: "user", content: "Hello, Claude" }],
      model: "claude-3-opus-20240229",
    });
    expect(message.content[0]?.type).toBe("text");
    expect(message.role).toBe("assistant");
  });

  it("streams events with stream: true", async () => {
    const stream = await client.messages.create({
      max_tokens: 1024,
      messages: [{ role: "user", content: "Hello, Claude" }],
      model: "claude-3-opus-20240229",
      stream: true,
    });
    const types: string[] = [];
    for await (const messageStreamEvent of stream) {
      types.push(messageStreamEvent.type);
    }
    expect(types[0]).toBe("message_start");
    expect(types.at(-1)).toBe("message_stop");
    expect(types).toContain("content_block_delta");
  });

  it("cancels a stream by breaking from the loop or with controller.abort()", async () => {
    const stream = await client.messages.create({ ...hello, stream: true });
    let seen = 0;
    for await (const _event of stream) {
      seen++;
      break;
    }
    expect(seen).toBe(1);
    expect(stream.controller.signal.aborted).toBe(true);

    const second = await client.messages.create({ ...hello, stream: true });
    second.controller.abort();
    await expect(
      (async () => {
        for await (const _event of second) {
          // drained until the abort surfaces
        }
      })(),
    ).rejects.toBeInstanceOf(Anthropic.APIUserAbortError);
  });

  it("types params and responses under the Anthropic namespace", async () => {
    const params: Anthropic.MessageCreateParams = {
      max_tokens: 1024,
      messages: [{ role: "user", content: "Hello, Claude" }],
      model: "claude-3-opus-20240229",
    };
    const message: Anthropic.Message = await client.messages.create(params);
    expect(message.type).toBe("message");
  });

  it("reports usage", async () => {
    const message = await client.messages.create(hello);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
    expect(message.usage.output_tokens).toBeGreaterThan(0);
  });

  it("streams with the helper, a text listener and finalMessage()", async () => {
    const anthropic = new Anthropic();
    const texts: string[] = [];
    const stream = anthropic.messages
      .stream({
        model: "claude-3-opus-20240229",
        max_tokens: 1024,
        messages: [{ role: "user", content: "Say hello there!" }],
      })
      .on("text", (text) => {
        texts.push(text);
      });
    const message = await stream.finalMessage();
    const block = message.content[0];
    expect(block?.type).toBe("text");
    expect(texts.join("")).toBe(block?.type === "text" ? block.text : "");
    expect(texts.length).toBeGreaterThan(1);
  });

  it("creates a beta batch and reads its results once it has ended", async () => {
    const anthropic = new Anthropic();
    const batch = await anthropic.beta.messages.batches.create({
      requests: [
        {
          custom_id: "my-first-request",
          params: {
            model: "claude-3-5-sonnet-20240620",
            max_tokens: 1024,
            messages: [{ role: "user", content: "Hello, world" }],
          },
        },
        {
          custom_id: "my-second-request",
          params: {
            model: "claude-3-5-sonnet-20240620",
            max_tokens: 1024,
            messages: [{ role: "user", content: "Hi again, friend" }],
          },
        },
      ],
    });
    const batch_id = batch.id;
    let current = batch;
    for (let polls = 0; current.processing_status !== "ended" && polls < 200; polls++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      current = await anthropic.beta.messages.batches.retrieve(batch_id);
    }
    expect(current.processing_status).toBe("ended");

    const results = await anthropic.beta.messages.batches.results(batch_id);
    const ids: string[] = [];
    for await (const entry of results) {
      if (entry.result.type === "succeeded") {
        expect(entry.result.message.content.length).toBeGreaterThan(0);
        ids.push(entry.custom_id);
      }
    }
    expect(ids.sort()).toEqual(["my-first-request", "my-second-request"]);
  });

  it("throws an APIError subclass with status, name and headers", async () => {
    let caught: unknown;
    await client.messages
      .create({
        max_tokens: 1024,
        messages: [],
        model: "claude-3-opus-20240229",
      })
      .catch(async (err) => {
        if (err instanceof Anthropic.APIError) {
          caught = err;
        } else {
          throw err;
        }
      });
    const error = caught as InstanceType<typeof Anthropic.APIError>;
    expect(error.status).toBe(400);
    expect(error.name).toBe("BadRequestError");
    expect(error.headers?.get("request-id")).toMatch(/^req_/);
  });

  it("configures retries for the client and per request", async () => {
    const noRetries = new Anthropic({
      maxRetries: 0, // default is 2
    });
    const failing = {
      max_tokens: 1024,
      messages: [{ role: "user" as const, content: "Hello, Claude [[mock: error=500]]" }],
      model: "claude-3-opus-20240229",
    };
    await expect(noRetries.messages.create(failing)).rejects.toBeInstanceOf(Anthropic.InternalServerError);
    await expect(noRetries.messages.create(hello, { maxRetries: 5 })).resolves.toMatchObject({
      type: "message",
    });
  });

  it("configures timeouts for the client and per request", async () => {
    const patient = new Anthropic({
      timeout: 20 * 1000, // 20 seconds (default is 10 minutes)
    });
    await expect(patient.messages.create(hello, { timeout: 5 * 1000 })).resolves.toMatchObject({
      type: "message",
    });
  });

  it("iterates every batch across pages, and pages by hand", async () => {
    async function fetchAllBetaMessagesBatches(params: { limit: number }) {
      const allBetaMessagesBatches = [];
      // Automatically fetches more pages as needed.
      for await (const betaMessageBatch of client.beta.messages.batches.list(params)) {
        allBetaMessagesBatches.push(betaMessageBatch);
      }
      return allBetaMessagesBatches;
    }
    for (let index = 0; index < 3; index++) {
      await client.messages.batches.create({
        requests: [{ custom_id: `page-${index}`, params: hello }],
      });
    }
    const all = await fetchAllBetaMessagesBatches({ limit: 2 });
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(new Set(all.map((batch) => batch.id)).size).toBe(all.length);

    let page = await client.beta.messages.batches.list({ limit: 2 });
    const byHand = [...page.data];
    // The seed README writes `page = page.getNextPage()`: getNextPage() returns a promise, as in the official SDK.
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      byHand.push(...page.data);
    }
    expect(byHand.map((batch) => batch.id)).toEqual(all.map((batch) => batch.id));
  });

  it("lets a request override the anthropic-version header", async () => {
    const seen: string[] = [];
    const recording = new Anthropic({
      fetch: async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        seen.push(new Headers(init?.headers).get("anthropic-version") ?? "");
        return fetch(url, init);
      },
    });
    await recording.messages
      .create(
        {
          max_tokens: 1024,
          messages: [{ role: "user", content: "Hello, Claude" }],
          model: "claude-3-opus-20240229",
        },
        { headers: { "anthropic-version": "My-Custom-Value" } },
      )
      .catch(() => undefined); // the mock, like the API, rejects an unknown version
    expect(seen).toEqual(["My-Custom-Value"]);
  });

  it("exposes the raw Response with asResponse() and withResponse()", async () => {
    const response = await client.messages
      .create({
        max_tokens: 1024,
        messages: [{ role: "user", content: "Hello, Claude" }],
        model: "claude-3-opus-20240229",
      })
      .asResponse();
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(response.statusText).toBeTypeOf("string");

    const { data: message, response: raw } = await client.messages
      .create({
        max_tokens: 1024,
        messages: [{ role: "user", content: "Hello, Claude" }],
        model: "claude-3-opus-20240229",
      })
      .withResponse();
    expect(raw.headers.get("content-type")).toContain("application/json");
    expect(message.content.length).toBeGreaterThan(0);
  });

  it("calls undocumented endpoints with client.post, respecting client options", async () => {
    const error = await client
      .post("/some/path", {
        body: { some_prop: "foo" },
        query: { some_query_arg: "bar" },
      })
      .catch((caught: unknown) => caught);
    // The mock, like the API, has no such route: the request was made and answered 404.
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
  });

  it("accepts a custom fetch that inspects requests and responses", async () => {
    const log: string[] = [];
    const inspecting = new Anthropic({
      fetch: async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
        log.push(`About to make a request ${String(url)}`);
        const response = await fetch(url, init);
        log.push(`Got response ${response.status}`);
        return response;
      },
    });
    await inspecting.messages.create(hello);
    expect(log).toEqual([`About to make a request ${mock.url}/v1/messages`, "Got response 200"]);
  });

  it("sends the httpAgent proxy snippet's requests through the agent, once shims/node is imported", async () => {
    // The README tells Node users to `import "@anthropic-ai/sdk/shims/node"`; ours then honours
    // `httpAgent` (without it, `httpAgent` is refused: src/shims/node.test.ts). The snippet's
    // HttpsProxyAgent is an `http.Agent` too; counting agents stand in for it here.
    await import("@colloquy/client/shims/node");
    const proxyAgent = countingAgent();
    // Configure the default for all requests:
    const proxied = new Anthropic({
      httpAgent: proxyAgent,
    });
    await expect(proxied.messages.create(hello)).resolves.toMatchObject({ type: "message" });
    // Override per-request:
    const perRequest = countingAgent({ keepAlive: false });
    await client.messages.create(
      {
        max_tokens: 1024,
        messages: [{ role: "user", content: "Hello, Claude" }],
        model: "claude-3-opus-20240229",
      },
      {
        httpAgent: perRequest,
      },
    );
    expect([proxyAgent.connections, perRequest.connections]).toEqual([1, 1]);
    proxyAgent.destroy();
  });

  it("passes fetchOptions.dispatcher, the way to a proxy in Node, to fetch on every request", async () => {
    const dispatcher = { name: "a ProxyAgent stands here" };
    const seen: unknown[] = [];
    const proxied = new Anthropic({
      fetchOptions: { dispatcher },
      fetch: (input, init) => {
        // Recorded, then left out: this stand-in is not a real undici dispatcher.
        const { dispatcher: given, ...rest } = init as RequestInit & { dispatcher?: unknown };
        seen.push(given);
        return fetch(input, rest);
      },
    });
    await expect(proxied.messages.create(hello)).resolves.toMatchObject({ type: "message" });
    await expect(proxied.models.list()).resolves.toBeDefined();
    expect(seen).toEqual([dispatcher, dispatcher]);
  });

  it("logs every request and response when DEBUG=true", async () => {
    vi.stubEnv("DEBUG", "true");
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    const debugging = new Anthropic({ logger: { debug: log, info: log, warn: log, error: log } });
    vi.stubEnv("DEBUG", "");
    await debugging.messages.create(hello);
    expect(lines.some((line) => line.includes("POST"))).toBe(true);
    expect(lines.join("\n")).not.toContain("sk-ant-readme-test");
  });
});

/** An `http.Agent` that counts the connections it opens, to show that requests really go through it. */
function countingAgent(options?: http.AgentOptions) {
  const agent = Object.assign(new http.Agent(options), { connections: 0 });
  const connector = agent as unknown as { createConnection: (...args: unknown[]) => unknown };
  const create = connector.createConnection.bind(agent);
  connector.createConnection = (...args) => {
    agent.connections++;
    return create(...args);
  };
  return agent;
}
