// The README's setups, run: the handler mounted in Hono (as the README shows it) and the node:http
// middleware mounted the way Express and connect mount middleware (`url` stripped, `originalUrl` kept).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@colloquy/client";
import { createMockApi } from "@colloquy/mock-api";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { createAnthropicProxy } from "../src/create-anthropic-proxy.js";
import { createAnthropicProxyMiddleware } from "../src/node.js";

const SERVER_KEY = "sk-ant-server-HELD-0123456789abcdef";
const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 50,
  messages: [{ role: "user" as const, content: 'Hi [[mock: reply="Hello from the mock"]]' }],
};

/** The proxy options both setups share: the server's key, the mount prefix, and the mock API as upstream. */
function onMockUpstream() {
  const api = createMockApi({ apiKey: SERVER_KEY });
  return {
    apiKey: SERVER_KEY,
    baseURL: "http://upstream.test",
    prefix: "/api/anthropic",
    fetch: (input: string | URL | Request, init?: RequestInit) => api.handle(new Request(input, init)),
  };
}

describe("Hono", () => {
  it("serves the client through app.all(prefix/*) with c.req.raw", async () => {
    const proxy = createAnthropicProxy({
      ...onMockUpstream(),
      authorize: (request) => (request.headers.get("x-session") === "valid" ? { userId: "ada" } : null),
    });

    const app = new Hono();
    app.get("/", (c) => c.text("the app"));
    app.all("/api/anthropic/*", (c) => proxy(c.req.raw));

    const clientOfApp = (defaultHeaders: Record<string, string>) =>
      new Anthropic({
        apiKey: "unused",
        baseURL: "http://app.test/api/anthropic",
        maxRetries: 0,
        defaultHeaders,
        fetch: async (input, init) => app.fetch(new Request(input, init)),
      });
    const client = clientOfApp({ "x-session": "valid" });
    const message = await client.messages.create(params);
    expect(message.content[0]).toMatchObject({ type: "text", text: "Hello from the mock" });
    let streamed = "";
    for await (const event of await client.messages.create({ ...params, stream: true })) {
      if (event.type === "content_block_delta" && event.delta.type === "text_delta")
        streamed += event.delta.text;
    }
    expect(streamed).toBe("Hello from the mock");
    const signedOut = clientOfApp({});
    await expect(signedOut.models.list()).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    expect(await (await app.fetch(new Request("http://app.test/"))).text()).toBe("the app");
  });
});

describe("Express/connect-style mounting", () => {
  it("reads originalUrl when the mount path was stripped from url, and calls next() outside the prefix", async () => {
    const middleware = createAnthropicProxyMiddleware({ ...onMockUpstream(), allowAnonymous: true });
    // What `app.use("/api/anthropic", middleware)` does in Express and connect.
    const server = createServer((request: IncomingMessage & { originalUrl?: string }, response) => {
      const url = request.url ?? "/";
      const next = () => response.writeHead(200, { "content-type": "text/plain" }).end("next handler");
      if (url.startsWith("/api/anthropic/")) {
        request.originalUrl = url;
        request.url = url.slice("/api/anthropic".length);
      }
      middleware(request, response, next);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new Anthropic({ apiKey: "unused", baseURL: `${origin}/api/anthropic`, maxRetries: 0 });
      expect((await client.messages.create(params)).content[0]).toMatchObject({
        text: "Hello from the mock",
      });
      expect(await (await fetch(`${origin}/elsewhere`)).text()).toBe("next handler");
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
