// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Anthropic from "@colloquy/client";
import { startMockApi } from "@colloquy/mock-api/node";
import { createAnthropicProxyMiddleware } from "@colloquy/proxy/node";
import type { Connect, PreviewServer } from "vite";
import { afterEach, describe, expect, it } from "vitest";
import { anthropicProxy, DEFAULT_PROXY_PREFIX, demoProxyOptions } from "./anthropic-proxy";

const SECRET = "sk-ant-demo-server-SECRET-0000";
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The mock API standing in for the real one; it accepts the server's key only. */
async function upstream(): Promise<string> {
  const mock = await startMockApi({ apiKey: SECRET });
  closers.push(mock.close);
  return mock.url;
}

/** The demo page's client in proxy mode: a same-origin browser client with no key of its own. */
function pageClient(origin: string) {
  return new Anthropic({
    apiKey: "held-by-the-proxy",
    baseURL: `${origin}${DEFAULT_PROXY_PREFIX}`,
    maxRetries: 0,
    defaultHeaders: { origin, "anthropic-dangerous-direct-browser-access": "true" },
  });
}

describe("the demo's proxy settings", () => {
  it("point at PROXY_TARGET_URL, default to the real API and let the local developer in", () => {
    expect(demoProxyOptions({ PROXY_TARGET_URL: "http://127.0.0.1:9" })).toMatchObject({
      prefix: "/proxy/anthropic",
      baseURL: "http://127.0.0.1:9",
      allowAnonymous: true,
    });
    expect(demoProxyOptions({}).baseURL).toBe("https://api.anthropic.com");
  });

  it("serve the page's chat with the server's key from ANTHROPIC_API_KEY", async () => {
    const target = await upstream();
    const middleware = createAnthropicProxyMiddleware(demoProxyOptions({ PROXY_TARGET_URL: target }));
    const origin = await listen((request, response) => middleware(request, response));
    const previous = process.env.ANTHROPIC_API_KEY;
    process.env.ANTHROPIC_API_KEY = SECRET;
    try {
      const client = pageClient(origin);
      const message = await client.messages.create({
        model: "claude-sonnet-4-6",
        max_tokens: 50,
        messages: [{ role: "user", content: '[[mock: reply="Proxied hello"]] Hi' }],
      });
      expect(message.content[0]).toMatchObject({ type: "text", text: "Proxied hello" });
    } finally {
      if (previous === undefined) delete process.env.ANTHROPIC_API_KEY;
      else process.env.ANTHROPIC_API_KEY = previous;
    }
  });

  it("answer 401 authentication_error naming ANTHROPIC_API_KEY when the server has none", async () => {
    const target = await upstream();
    const middleware = createAnthropicProxyMiddleware(demoProxyOptions({ PROXY_TARGET_URL: target }));
    const origin = await listen((request, response) => middleware(request, response));
    const previous = process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      const error = await pageClient(origin)
        .models.list()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
      expect(String(error)).toContain("ANTHROPIC_API_KEY");
    } finally {
      if (previous !== undefined) process.env.ANTHROPIC_API_KEY = previous;
    }
  });
});

describe("the Vite plugin", () => {
  it("mounts the package at /proxy/anthropic in vite preview, loading it from source", async () => {
    const target = await upstream();
    const mounted: Array<{ path: string; handle: Connect.NextHandleFunction }> = [];
    const fakePreview = {
      middlewares: {
        use: (path: string, handle: Connect.NextHandleFunction) => mounted.push({ path, handle }),
      },
    } as unknown as PreviewServer;
    const plugin = anthropicProxy({ baseURL: target, apiKey: SECRET });
    (plugin.configurePreviewServer as (server: PreviewServer) => void)(fakePreview);
    expect(mounted.map((entry) => entry.path)).toEqual([DEFAULT_PROXY_PREFIX]);
    const [{ handle }] = mounted as [{ path: string; handle: Connect.NextHandleFunction }];

    // What connect does for `use(path, handle)`: strip the mount path, keep the full URL in originalUrl.
    const origin = await listen((request: IncomingMessage & { originalUrl?: string }, response) => {
      const url = request.url ?? "/";
      if (!url.startsWith(`${DEFAULT_PROXY_PREFIX}/`)) return void response.writeHead(404).end();
      request.originalUrl = url;
      request.url = url.slice(DEFAULT_PROXY_PREFIX.length);
      handle(request, response, () => response.writeHead(500).end("next called"));
    });
    const models = await pageClient(origin).models.list({ limit: 2 });
    expect(models.data).toHaveLength(2);
  }, 30_000);
});
