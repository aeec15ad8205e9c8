import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type BedrockMock, type BedrockMockOptions, createBedrockMock } from "./bedrock-mock.js";
import { createVertexMock, type VertexMock, type VertexMockOptions } from "./vertex-mock.js";

/** Where a cloud mock listens. */
export interface ListenOptions {
  /** @default 0 (a free port) */
  port?: number | undefined;
  /** Loopback by default, so the mock is never reachable from the network. @default "127.0.0.1" */
  host?: string | undefined;
}

/** A running cloud mock server. */
export interface RunningCloudMock<Face> {
  /** The origin to put in a client's `baseURL`, e.g. `http://127.0.0.1:53211`. */
  url: string;
  port: number;
  /** The mock face behind the server. */
  mock: Face;
  /** Stops listening and cuts every open connection. */
  close(): Promise<void>;
}

async function readBody(message: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (message.method === "GET" || message.method === "HEAD") return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? new Uint8Array(Buffer.concat(chunks)) : undefined;
}

/** Bridges one Node request to a fetch-style handler, streaming the reply; a body that errors cuts the socket. */
async function serve(
  handle: (request: Request) => Promise<Response>,
  message: IncomingMessage,
  response: ServerResponse,
  host: string,
): Promise<void> {
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(message.headers)) {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else if (value !== undefined) headers.set(name, value);
    }
    const request = new Request(`http://${message.headers.host ?? host}${message.url ?? "/"}`, {
      method: message.method ?? "GET",
      headers,
      body: await readBody(message),
      signal: controller.signal,
    });
    const answer = await handle(request);
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.flushHeaders();
    if (!answer.body) {
      response.end();
      return;
    }
    response.socket?.setNoDelay(true);
    const reader = answer.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (response.destroyed) {
          await reader.cancel();
          return;
        }
        if (!response.write(value)) {
          await new Promise<void>((resolve) => {
            response.once("drain", resolve);
            response.once("close", resolve);
          });
        }
      }
      response.end();
    } catch {
      // The reply's body failed (a `drop` trigger): cut the connection mid-body, as a network failure would.
      response.destroy();
    }
  } catch {
    if (response.headersSent) response.destroy();
    else {
      response.writeHead(500, { "content-type": "application/json" });
      response.end(JSON.stringify({ message: "cloud mock failure" }));
    }
  }
}

/** Serves any fetch-style handler over node:http on loopback. */
export async function listenFetchHandler<Face>(
  mock: Face,
  handle: (request: Request) => Promise<Response>,
  { port = 0, host = "127.0.0.1" }: ListenOptions = {},
): Promise<RunningCloudMock<Face>> {
  const hostForUrl = host.includes(":") ? `[${host}]` : host;
  let origin = hostForUrl;
  const server = createServer((message, response) => {
    void serve(handle, message, response, origin);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  origin = `${hostForUrl}:${address.port}`;
  return {
    url: `http://${origin}`,
    port: address.port,
    mock,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * Starts the Bedrock mock as a real HTTP server on loopback.
 * @example
 * const server = await startBedrockMockApi();
 * const client = new AnthropicBedrock({ baseURL: server.url, awsAccessKey, awsSecretKey });
 */
export function startBedrockMockApi(
  options: BedrockMockOptions & ListenOptions = {},
): Promise<RunningCloudMock<BedrockMock>> {
  const { port, host, ...mockOptions } = options;
  const mock = createBedrockMock(mockOptions);
  return listenFetchHandler(mock, mock.handle, { port, host });
}

/**
 * Starts the Vertex mock as a real HTTP server on loopback.
 * @example
 * const server = await startVertexMockApi();
 * const client = new AnthropicVertex({ baseURL: `${server.url}/v1`, region, projectId, accessToken });
 */
export function startVertexMockApi(
  options: VertexMockOptions & ListenOptions = {},
): Promise<RunningCloudMock<VertexMock>> {
  const { port, host, ...mockOptions } = options;
  const mock = createVertexMock(mockOptions);
  return listenFetchHandler(mock, mock.handle, { port, host });
}
