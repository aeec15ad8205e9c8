import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import type { TLSSocket } from "node:tls";
import { createAnthropicProxy } from "./create-anthropic-proxy.js";
import type { AnthropicProxyOptions, ProxyHandler } from "./proxy-options.js";

/** A `node:http` listener that is also Express/connect middleware: `(request, response, next?)`. */
export type NodeMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

/** Options of {@link toNodeMiddleware}. */
export interface NodeMiddlewareOptions {
  /**
   * Requests outside this path prefix are passed to `next()` when there is one (other routes of the
   * app), and answered by the handler (a 404 in the API's envelope) when there is none.
   * @default "" (every request goes to the handler)
   */
  prefix?: string;
}

/**
 * The proxy as `node:http` middleware, for Express, connect, Vite's dev server or a bare
 * `http.createServer`. Mount it before any body parser: it streams the request body itself.
 *
 * @example
 * app.use(createAnthropicProxyMiddleware({ prefix: "/api/anthropic", authorize }));
 */
export function createAnthropicProxyMiddleware(options: AnthropicProxyOptions): NodeMiddleware {
  return toNodeMiddleware(createAnthropicProxy(options), { prefix: options.prefix ?? "" });
}

/**
 * Adapts any Web fetch handler to `node:http`: the request body streams in, the response streams out
 * with backpressure (it waits for `drain`), and a client that goes away aborts `request.signal` and
 * cancels the response body, so upstream stops too.
 */
export function toNodeMiddleware(handler: ProxyHandler, options: NodeMiddlewareOptions = {}): NodeMiddleware {
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  return (request, response, next) => {
    // Express and connect strip the mount path from `url` and keep the full one in `originalUrl`.
    const path = (request as { originalUrl?: string }).originalUrl ?? request.url ?? "/";
    const pathname = path.split("?")[0] ?? "";
    if (next && prefix !== "" && pathname !== prefix && !pathname.startsWith(`${prefix}/`)) {
      next();
      return;
    }
    serve(handler, request, response, path).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            type: "error",
            error: { type: "api_error", message: "The proxy failed to handle this request." },
            request_id: null,
          }),
        );
      } else response.destroy(error instanceof Error ? error : undefined);
    });
  };
}

function webHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/** Resolves when the response can take more data, or has closed. */
function drained(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done);
      response.off("close", done);
      resolve();
    };
    response.on("drain", done);
    response.on("close", done);
  });
}

async function serve(
  handler: ProxyHandler,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  const encrypted = (request.socket as TLSSocket).encrypted === true;
  const origin = `${encrypted ? "https" : "http"}://${request.headers.host ?? "localhost"}`;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  // Concatenated, never resolved against the origin: a path like `//other.host/…` must stay a path.
  const url = new URL(`${origin}${path.startsWith("/") ? path : `/${path}`}`);
  const webRequest = new Request(url, {
    method: request.method ?? "GET",
    headers: webHeaders(request),
    body: hasBody ? (Readable.toWeb(request) as ReadableStream<Uint8Array>) : undefined,
    signal: controller.signal,
    duplex: "half",
  } as RequestInit);

  const answer = await handler(webRequest);
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    headers[name] = value;
  });
  response.writeHead(answer.status, headers);
  response.flushHeaders();
  if (!answer.body) {
    response.end();
    return;
  }
  const reader = answer.body.getReader();
  controller.signal.addEventListener("abort", () => {
    reader.cancel().catch(() => {});
  });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (response.destroyed) return;
      if (!response.write(value)) await drained(response);
    }
    response.end();
  } catch {
    // Upstream broke mid-body: cut the connection so the client sees an error, never a silent truncation.
    response.destroy();
  }
}
