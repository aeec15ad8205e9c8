import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Plugin } from "vite";

/** Options of {@link anthropicProxy} and {@link createAnthropicProxyHandler}. */
export interface AnthropicProxyOptions {
  /**
   * Path prefix the proxy answers on; the rest of the path (which must start with `/v1/`) is sent upstream.
   * @default "/proxy/anthropic"
   */
  prefix?: string;
  /**
   * Upstream base URL, read on every request so tests can point it at a local stand-in.
   * @default process.env.PROXY_TARGET_URL ?? "https://api.anthropic.com"
   */
  target?: () => string;
  /**
   * The API key added upstream, read on every request from the SERVER's environment. It is never sent to
   * the browser and never logged.
   * @default process.env.ANTHROPIC_API_KEY
   */
  apiKey?: () => string | undefined;
}

export const DEFAULT_PROXY_PREFIX = "/proxy/anthropic";
const DEFAULT_TARGET = "https://api.anthropic.com";

/** Request headers never forwarded: hop-by-hop ones, the browser's credentials and its origin. */
const DROPPED_REQUEST_HEADERS = new Set([
  "host",
  "connection",
  "keep-alive",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "x-api-key",
  "authorization",
  "cookie",
  "origin",
  "referer",
  "anthropic-dangerous-direct-browser-access",
]);

const DROPPED_RESPONSE_HEADERS = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "trailer",
  "proxy-authenticate",
  "set-cookie",
]);

type Handler = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify({ type: "error", error: { type, message }, request_id: null }));
}

function forwardedRequestHeaders(
  headers: IncomingHttpHeaders,
  apiKey: string,
  host: string,
): OutgoingHttpHeaders {
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !DROPPED_REQUEST_HEADERS.has(name)) result[name] = value;
  }
  result.host = host;
  result["x-api-key"] = apiKey;
  return result;
}

function forwardedResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const result: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) result[name] = value;
  }
  return result;
}

/**
 * A connect middleware that forwards `<prefix>/v1/*` to the Anthropic API with the server's key: the body
 * streams through in both directions unbuffered, and a browser that goes away aborts the upstream request.
 * Mount it at the prefix (connect strips it from `request.url`).
 */
export function createAnthropicProxyHandler(options: AnthropicProxyOptions = {}): Handler {
  const readTarget = options.target ?? (() => process.env.PROXY_TARGET_URL || DEFAULT_TARGET);
  const readKey = options.apiKey ?? (() => process.env.ANTHROPIC_API_KEY);

  return (request, response) => {
    const path = request.url ?? "/";
    if (!path.startsWith("/v1/")) {
      sendError(response, 404, "not_found_error", "The proxy only forwards /v1/ paths.");
      return;
    }
    const apiKey = readKey();
    if (!apiKey) {
      sendError(
        response,
        401,
        "authentication_error",
        "Proxy mode needs ANTHROPIC_API_KEY in the environment of the server that serves this app.",
      );
      return;
    }
    const url = new URL(readTarget().replace(/\/+$/, "") + path);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const upstream = send(url, {
      method: request.method,
      headers: forwardedRequestHeaders(request.headers, apiKey, url.host),
    });

    upstream.on("response", (upstreamResponse) => {
      response.writeHead(
        upstreamResponse.statusCode ?? 502,
        forwardedResponseHeaders(upstreamResponse.headers),
      );
      response.flushHeaders();
      upstreamResponse.pipe(response);
      upstreamResponse.on("error", () => response.destroy());
    });
    upstream.on("error", () => {
      if (response.headersSent) response.destroy();
      else sendError(response, 502, "api_error", `The proxy could not reach ${url.origin}.`);
    });
    // The browser aborted (Stop button, page closed): abort upstream so it stops generating.
    response.on("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  };
}

/**
 * Vite plugin adding the Anthropic proxy route to the dev server and to `vite preview`, so proxy mode keeps
 * the real key on the server.
 */
export function anthropicProxy(options: AnthropicProxyOptions = {}): Plugin {
  const prefix = options.prefix ?? DEFAULT_PROXY_PREFIX;
  const handler = createAnthropicProxyHandler(options);
  return {
    name: "colloquy:anthropic-proxy",
    configureServer(server) {
      server.middlewares.use(prefix, handler);
    },
    configurePreviewServer(server) {
      server.middlewares.use(prefix, handler);
    },
  };
}
