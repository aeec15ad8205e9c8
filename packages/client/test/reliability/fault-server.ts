/**
 * A fault-injecting HTTP server on loopback, for driving the client through broken networks and
 * misbehaving APIs. Each request gets the next scripted behaviour (or the one a function picks), and
 * every request is recorded (method, path, headers, body, arrival time) so tests can count attempts.
 *
 * Behaviours: a plain answer (status, headers, body, optionally in chunks with pauses), a reset before
 * the headers (`socket.destroy()`), a reset after some body chunks, a stall after some chunks (the
 * connection stays open until the server closes), no answer at all, and raw bytes written to the socket.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export type Chunk = string | Uint8Array;

/** What the server does with one request. */
export type Behaviour =
  | {
      kind: "respond";
      status?: number;
      headers?: Record<string, string>;
      /** The whole body at once. */
      body?: Chunk;
      /** Or the body in pieces, each written after `chunkDelayMs` (a slow trickle when > 0). */
      chunks?: readonly Chunk[];
      chunkDelayMs?: number;
    }
  /** Destroys the socket before writing anything: the client sees a connection reset. */
  | { kind: "reset-before-headers" }
  /** Writes the headers and these chunks, then destroys the socket mid-body. */
  | { kind: "reset-mid-stream"; status?: number; headers?: Record<string, string>; chunks: readonly Chunk[] }
  /** Writes the headers and these chunks, then sends nothing more until the server closes. */
  | { kind: "stall"; status?: number; headers?: Record<string, string>; chunks: readonly Chunk[] }
  /** Never answers (the request hangs before the headers). */
  | { kind: "hang" }
  /** Writes these bytes straight to the socket, then ends it. */
  | { kind: "raw"; bytes: Chunk };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** `performance.now()` when the request's body had arrived. */
  at: number;
  /** Whether the client closed the connection before the server finished answering. */
  clientClosedEarly: boolean;
}

export type Script = readonly Behaviour[] | ((request: RecordedRequest, index: number) => Behaviour);

export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** Called with each request as it arrives (before the behaviour runs). */
  onRequest: ((request: RecordedRequest) => void) | undefined;
  /** Stops listening, destroys every open connection and clears every pending timer. */
  close(): Promise<void>;
}

/** Serves a script on a free loopback port. A request past the end of a list script gets a 599 and fails the test. */
export async function startFaultServer(script: Script): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let closed = false;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const pick = (request: RecordedRequest, index: number): Behaviour => {
    if (typeof script === "function") return script(request, index);
    return (
      script[index] ?? {
        kind: "respond",
        status: 599,
        body: `fault-server: unexpected request #${index + 1}`,
      }
    );
  };

  const run = async (behaviour: Behaviour, response: ServerResponse): Promise<void> => {
    const socket = response.socket;
    switch (behaviour.kind) {
      case "reset-before-headers":
        socket?.destroy();
        return;
      case "hang":
        return;
      case "raw":
        socket?.end(behaviour.bytes);
        return;
      case "respond": {
        response.writeHead(behaviour.status ?? 200, behaviour.headers ?? {});
        if (behaviour.chunks) {
          for (const chunk of behaviour.chunks) {
            if (behaviour.chunkDelayMs) await wait(behaviour.chunkDelayMs);
            if (closed || response.destroyed) return;
            response.write(chunk);
          }
          response.end();
        } else {
          response.end(behaviour.body ?? "");
        }
        return;
      }
      case "reset-mid-stream":
      case "stall": {
        response.writeHead(behaviour.status ?? 200, behaviour.headers ?? {});
        response.flushHeaders();
        for (const chunk of behaviour.chunks) response.write(chunk);
        if (behaviour.kind === "reset-mid-stream") {
          // Let the chunks reach the client before the reset.
          await wait(20);
          socket?.destroy();
        }
        return;
      }
    }
  };

  const server = createServer((message, response) => {
    const parts: Buffer[] = [];
    message.on("data", (part: Buffer) => parts.push(part));
    message.on("end", () => {
      const recorded: RecordedRequest = {
        method: message.method ?? "GET",
        path: message.url ?? "/",
        headers: message.headers,
        body: Buffer.concat(parts).toString("utf8"),
        at: performance.now(),
        clientClosedEarly: false,
      };
      response.on("close", () => {
        if (!response.writableFinished) recorded.clientClosedEarly = true;
      });
      const index = requests.length;
      requests.push(recorded);
      faultServer.onRequest?.(recorded);
      run(pick(recorded, index), response).catch(() => response.destroy());
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const faultServer: FaultServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    onRequest: undefined,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
  return faultServer;
}

/** A port on loopback where nothing listens (it was bound, then released). */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
