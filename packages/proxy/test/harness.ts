// Loopback servers for the proxy's tests: the mock API behind a recorder (what reached "upstream"), and
// the proxy in front of it through the node:http middleware. Every server listens on 127.0.0.1, port 0.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createMockApi, type MockApiOptions } from "@colloquy/mock-api";
import { listenFetchHandler } from "@colloquy/mock-api/node";
import { createAnthropicProxyMiddleware } from "../src/node.js";
import type { AnthropicProxyOptions } from "../src/proxy-options.js";

/** The key only the server holds. The mock accepts this key and no other. */
export const SERVER_KEY = "sk-ant-server-HELD-0123456789abcdef";
export const PREFIX = "/api/anthropic";

/** One request as upstream saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** Aborted when the proxy gave up on the request (the browser went away). */
  signal: AbortSignal;
}

export interface Upstream {
  url: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

/** The mock API on loopback, recording every request it receives. */
export async function startUpstream(options: MockApiOptions = {}): Promise<Upstream> {
  const api = createMockApi({ apiKey: SERVER_KEY, batchProcessingMs: 30, ...options });
  const seen: SeenRequest[] = [];
  const server = await listenFetchHandler((request) => {
    seen.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      signal: request.signal,
    });
    return api.handle(request);
  });
  return { url: server.url, seen, close: server.close };
}

export interface RunningProxy {
  /** The browser client's `baseURL`: the proxy's origin plus its prefix. */
  baseURL: string;
  origin: string;
  close(): Promise<void>;
}

/** The proxy on loopback, mounted at {@link PREFIX} through the node:http middleware, forwarding to `upstream`. */
export async function startProxy(
  upstream: string,
  options: Partial<AnthropicProxyOptions> = {},
): Promise<RunningProxy> {
  const middleware = createAnthropicProxyMiddleware({
    apiKey: SERVER_KEY,
    baseURL: upstream,
    prefix: PREFIX,
    allowAnonymous: true,
    ...options,
  });
  const server: Server = createServer((request, response) => {
    middleware(request, response, () => response.writeHead(418).end("not the proxy"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseURL: `${origin}${PREFIX}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
