import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createMockApi, type MockApi, type MockApiOptions } from "./create-mock-api.js";

/** Options of {@link startMockApi}: where to listen, plus every {@link MockApiOptions}. */
export interface StartMockApiOptions extends MockApiOptions {
  /**
   * Port to listen on; 0 picks a free one.
   * @default 0
   */
  port?: number | undefined;
  /**
   * Interface to bind. Loopback by default, so the mock is never reachable from the network.
   * @default "127.0.0.1"
   */
  host?: string | undefined;
}

/** A running mock server. */
export interface RunningMockApi {
  /** Base URL to give a client, e.g. `http://127.0.0.1:53211`. */
  url: string;
  port: number;
  /** The core behind the server (for `reset()`). */
  api: MockApi;
  /** Stops listening and closes every open connection (open streams end). */
  close(): Promise<void>;
}

function toHeaders(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

async function readBody(message: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (message.method === "GET" || message.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? new Uint8Array(Buffer.concat(chunks)) : undefined;
}

function waitForDrain(response: ServerResponse): Promise<void> {
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

/** Bridges one Node request to the fetch-style core, streaming the response and propagating disconnects. */
async function serve(api: MockApi, message: IncomingMessage, response: ServerResponse, fallbackHost: string) {
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  try {
    const body = await readBody(message);
    const url = `http://${message.headers.host ?? fallbackHost}${message.url ?? "/"}`;
    const request = new Request(url, {
      method: message.method ?? "GET",
      headers: toHeaders(message),
      body,
      signal: controller.signal,
    });
    const answer = await api.handle(request);
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    response.writeHead(answer.status, headers);
    if (!answer.body) {
      response.end();
      return;
    }
    if (answer.headers.get("content-type")?.startsWith("text/event-stream")) {
      response.socket?.setNoDelay(true);
      response.flushHeaders();
    }
    const reader = answer.body.getReader();
    let corked = false;
    const uncork = () => {
      corked = false;
      response.uncork();
    };
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (response.destroyed) {
          await reader.cancel();
          return;
        }
        // Events produced in the same tick (no pacing) leave in one write; paced events leave one by one.
        if (!corked) {
          corked = true;
          response.cork();
          process.nextTick(uncork);
        }
        if (!response.write(value)) await waitForDrain(response);
      }
      response.end();
    } catch {
      // The body errored (a `drop` trigger): cut the connection without finishing the chunked body.
      response.destroy();
    }
  } catch {
    if (!response.headersSent) {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(
        JSON.stringify({
          type: "error",
          error: { type: "api_error", message: "mock server failure" },
          request_id: null,
        }),
      );
    } else response.destroy();
  }
}

/**
 * Starts the mock API as a real HTTP server (node:http) on loopback.
 *
 * @example
 * const server = await startMockApi();
 * const client = new Anthropic({ apiKey: "test", baseURL: server.url });
 * // …
 * await server.close();
 */
export async function startMockApi(options: StartMockApiOptions = {}): Promise<RunningMockApi> {
  const { port = 0, host = "127.0.0.1", ...apiOptions } = options;
  const api = createMockApi(apiOptions);
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  let fallbackHost = hostForUrl;
  const server = createServer((message, response) => {
    void serve(api, message, response, fallbackHost);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  fallbackHost = `${hostForUrl}:${address.port}`;
  return {
    url: `http://${fallbackHost}`,
    port: address.port,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export type { MockApi, MockApiOptions } from "./create-mock-api.js";
