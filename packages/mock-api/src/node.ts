import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { createMockApi, type MockApi, type MockApiOptions } from "./create-mock-api.js";
import { createTurnQueue, type TurnQueue } from "./turn-queue.js";

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

/** The request body as a stream, so the core reads only up to its size limit and never holds more. */
function bodyOf(message: IncomingMessage): ReadableStream<Uint8Array> | undefined {
  if (message.method === "GET" || message.method === "HEAD") return undefined;
  return Readable.toWeb(message) as ReadableStream<Uint8Array>;
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

/**
 * How many requests the server starts answering per turn of the event loop. Between two turns it reads
 * its sockets (noting the arrival of the requests that came meanwhile) and runs its timers (paced stream
 * events, latencies that ended). One request's work is about half a millisecond, so eight keep both
 * within a few milliseconds; one a turn costs throughput and delays a burst's first events
 * (`bench/mock-api-load.mjs`).
 */
const REQUESTS_PER_TURN = 8;

/** Bridges one Node request to the fetch-style core, streaming the response and propagating disconnects. */
async function serve(
  handle: FetchHandler,
  message: IncomingMessage,
  response: ServerResponse,
  fallbackHost: string,
  turns: TurnQueue,
) {
  const receivedAt = performance.now();
  // Answering waits for a turn shared with a few other requests at most, after the sockets have been
  // read again: under a burst, every request is taken in (and its arrival noted) while the others' work
  // goes on, so its latency counts from when it reached the server, not from when they were done.
  await turns.take();
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  try {
    const url = `http://${message.headers.host ?? fallbackHost}${message.url ?? "/"}`;
    const request = new Request(url, {
      method: message.method ?? "GET",
      headers: toHeaders(message),
      body: bodyOf(message),
      signal: controller.signal,
      duplex: "half",
    } as RequestInit);
    const answer = await handle(request, { receivedAt });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      headers[name] = value;
    });
    response.writeHead(answer.status, headers);
    if (!answer.body) {
      response.end();
      return;
    }
    // Streams (SSE, or a cloud face's binary event stream) send their headers at once, and their events
    // from the next turn on: the responses whose latency ends together (their timers fire in the same
    // turn) all send their first byte before any of them sends its body.
    if (answer.headers.get("content-type")?.includes("stream")) {
      response.socket?.setNoDelay(true);
      response.flushHeaders();
      await new Promise((resolve) => setImmediate(resolve));
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
  const { port, host, ...apiOptions } = options;
  const api = createMockApi(apiOptions);
  // The latency counts from the request's arrival at the server, not from when the core gets to it.
  const handle: FetchHandler = (request, { receivedAt }) => api.handle(request, { receivedAt });
  return { ...(await listenFetchHandler(handle, { port, host })), api };
}

/** Where a server listens. */
export interface ListenOptions {
  /** @default 0 (a free port) */
  port?: number | undefined;
  /** Loopback by default, so the mock is never reachable from the network. @default "127.0.0.1" */
  host?: string | undefined;
}

/** A listening server: its origin and how to stop it. */
export interface ListeningServer {
  /** The origin to put in a client's `baseURL`, e.g. `http://127.0.0.1:53211`. */
  url: string;
  port: number;
  /** Stops listening and cuts every open connection. */
  close(): Promise<void>;
}

/**
 * A fetch-style handler as the server calls it: with the request, and when it reached the server
 * (a `performance.now()` reading, taken as node:http hands the request over, before its body is read).
 */
export type FetchHandler = (request: Request, info: { receivedAt: number }) => Promise<Response>;

/** Serves any fetch-style handler (the core, or a cloud face) over node:http, on loopback by default. */
export async function listenFetchHandler(
  handle: FetchHandler,
  { port = 0, host = "127.0.0.1" }: ListenOptions = {},
): Promise<ListeningServer> {
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  let fallbackHost = hostForUrl;
  const turns = createTurnQueue(REQUESTS_PER_TURN);
  const server = createServer((message, response) => {
    void serve(handle, message, response, fallbackHost, turns);
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

export type { MockApi, MockApiOptions } from "./create-mock-api.js";
