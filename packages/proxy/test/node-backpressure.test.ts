// The node:http adapter streams with backpressure: while the browser reads nothing, the proxy stops
// pulling from upstream; when the browser goes away, the upstream body is cancelled.
import { createServer, request as httpRequest, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createAnthropicProxy } from "../src/create-anthropic-proxy.js";
import { toNodeMiddleware } from "../src/node.js";

const CHUNK = new Uint8Array(64 * 1024).fill(97);
const LIMIT = 1024 * 1024 * 1024;

/** Resolves once `read()` has returned the same value three times in a row, 50 ms apart. */
async function settled(read: () => number): Promise<number> {
  let last = -1;
  let same = 0;
  while (same < 3) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const value = read();
    same = value === last ? same + 1 : 0;
    last = value;
  }
  return last;
}

describe("node:http adapter", () => {
  it("stops pulling from upstream while the client does not read, and cancels upstream when it leaves", async () => {
    let produced = 0;
    let cancelled = false;
    const proxy = createAnthropicProxy({
      apiKey: "sk-ant-server",
      baseURL: "http://upstream.test",
      allowAnonymous: true,
      fetch: async () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              produced += CHUNK.byteLength;
              controller.enqueue(CHUNK);
              if (produced >= LIMIT) controller.close();
            },
            cancel() {
              cancelled = true;
            },
          }),
          { headers: { "content-type": "text/event-stream" } },
        ),
    });
    const server = createServer(toNodeMiddleware(proxy));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const outgoing = httpRequest(
          { host: "127.0.0.1", port, method: "POST", path: "/v1/messages" },
          resolve,
        );
        outgoing.on("error", reject);
        outgoing.end("{}");
      });
      expect(response.statusCode).toBe(200);
      response.pause();

      const stalled = await settled(() => produced);
      // Socket and stream buffers hold a few MB at most; without backpressure this would reach the GB.
      expect(stalled).toBeLessThan(32 * 1024 * 1024);

      let received = 0;
      response.on("data", (chunk: Buffer) => {
        received += chunk.byteLength;
      });
      response.resume();
      while (received < stalled + 4 * 1024 * 1024) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(produced).toBeGreaterThan(stalled);

      response.destroy();
      while (!cancelled) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(produced).toBeLessThan(LIMIT);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
