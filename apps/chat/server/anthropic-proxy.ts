import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnthropicProxyOptions } from "@colloquy/proxy";
import type { NodeMiddleware } from "@colloquy/proxy/node";
import type { Connect, Plugin } from "vite";
import { loadProxyNode } from "./load-proxy-node.mjs";

/** The path the demo's proxy mode calls; the browser client's `baseURL` is the page's origin plus this. */
export const DEFAULT_PROXY_PREFIX = "/proxy/anthropic";

/**
 * The demo's `@colloquy/proxy` settings. The key comes from the server's `ANTHROPIC_API_KEY`, read per
 * request (the proxy's default); `PROXY_TARGET_URL` points it at a stand-in for the real API in tests.
 */
export function demoProxyOptions(
  env: Record<string, string | undefined> = process.env,
): AnthropicProxyOptions {
  return {
    prefix: DEFAULT_PROXY_PREFIX,
    baseURL: env.PROXY_TARGET_URL || "https://api.anthropic.com",
    // The dev and preview servers listen on 127.0.0.1 and the demo has no sign-in: the one visitor is
    // the developer who started it. A deployed app passes `authorize` instead.
    allowAnonymous: true,
  };
}

/**
 * Vite plugin serving `@colloquy/proxy` at {@link DEFAULT_PROXY_PREFIX} in the dev server and in
 * `vite preview`, so proxy mode keeps the real key on the server. The package loads on first use.
 */
export function anthropicProxy(overrides: Partial<AnthropicProxyOptions> = {}): Plugin {
  let middleware: Promise<NodeMiddleware> | undefined;
  const load = (): Promise<NodeMiddleware> => {
    if (!middleware) {
      middleware = loadProxyNode().then(({ createAnthropicProxyMiddleware }) =>
        createAnthropicProxyMiddleware({ ...demoProxyOptions(), ...overrides }),
      );
    }
    return middleware;
  };
  const route: Connect.NextHandleFunction = (request: IncomingMessage, response: ServerResponse, next) => {
    load().then(
      (handle) => handle(request, response, next),
      (error: unknown) => next(error),
    );
  };
  return {
    name: "colloquy:anthropic-proxy",
    configureServer(server) {
      server.middlewares.use(DEFAULT_PROXY_PREFIX, route);
    },
    configurePreviewServer(server) {
      server.middlewares.use(DEFAULT_PROXY_PREFIX, route);
    },
  };
}
