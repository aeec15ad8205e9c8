// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createAnthropicProxyHandler } from "./anthropic-proxy";

interface Seen {
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A proxy server mounted at /proxy/anthropic like the Vite plugin does (connect strips the prefix). */
async function startProxy(target: string, apiKey: string | undefined): Promise<string> {
  const handler = createAnthropicProxyHandler({ target: () => target, apiKey: () => apiKey });
  return listen((request, response) => {
    const prefix = "/proxy/anthropic";
    if (!request.url?.startsWith(prefix)) {
      response.writeHead(404).end();
      return;
    }
    request.url = request.url.slice(prefix.length) || "/";
    handler(request, response, () => {});
  });
}

describe("anthropic proxy route", () => {
  it("replaces the browser's credentials with the server's key and forwards path, query and body", async () => {
    const seen: Seen[] = [];
    const upstream = await listen((request, response) => {
      let body = "";
      request.on("data", (chunk) => {
        body += chunk;
      });
      request.on("end", () => {
        seen.push({ url: request.url ?? "", headers: request.headers, body });
        response.writeHead(200, { "content-type": "application/json", "request-id": "req_1" });
        response.end('{"ok":true}');
      });
    });
    const proxy = await startProxy(upstream, "sk-ant-server-key");

    const response = await fetch(`${proxy}/proxy/anthropic/v1/messages?beta=true`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-api-key": "sk-ant-from-the-browser",
        authorization: "Bearer browser-token",
        origin: "http://127.0.0.1:5173",
        "anthropic-dangerous-direct-browser-access": "true",
        "anthropic-version": "2023-06-01",
      },
      body: '{"model":"m"}',
    });

    expect(response.status).toBe(200);
    expect(response.headers.get("request-id")).toBe("req_1");
    expect(await response.json()).toEqual({ ok: true });
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.url).toBe("/v1/messages?beta=true");
    expect(request?.body).toBe('{"model":"m"}');
    expect(request?.headers["x-api-key"]).toBe("sk-ant-server-key");
    expect(request?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers.origin).toBeUndefined();
    expect(request?.headers["anthropic-dangerous-direct-browser-access"]).toBeUndefined();
  });

  it("streams the upstream body through before it ends", async () => {
    let finish: () => void = () => {};
    const upstream = await listen((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("event: ping\ndata: {}\n\n");
      finish = () => response.end("event: message_stop\ndata: {}\n\n");
    });
    const proxy = await startProxy(upstream, "key");

    const response = await fetch(`${proxy}/proxy/anthropic/v1/messages`, { method: "POST", body: "{}" });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain("event: ping");
    finish();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toContain("message_stop");
  });

  it("aborts the upstream request when the browser goes away", async () => {
    let upstreamClosed: () => void = () => {};
    const closed = new Promise<void>((resolve) => {
      upstreamClosed = resolve;
    });
    const upstream = await listen((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("event: ping\ndata: {}\n\n");
      response.on("close", () => upstreamClosed());
    });
    const proxy = await startProxy(upstream, "key");

    const controller = new AbortController();
    const response = await fetch(`${proxy}/proxy/anthropic/v1/messages`, {
      method: "POST",
      body: "{}",
      signal: controller.signal,
    });
    await response.body!.getReader().read();
    controller.abort();
    await closed;
  });

  it("answers 401 authentication_error without contacting upstream when the server has no key", async () => {
    let contacted = false;
    const upstream = await listen((_request, response) => {
      contacted = true;
      response.end();
    });
    const proxy = await startProxy(upstream, undefined);
    const response = await fetch(`${proxy}/proxy/anthropic/v1/models`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    expect(contacted).toBe(false);
  });

  it("refuses paths outside /v1/ and reports an unreachable upstream as 502", async () => {
    const proxy = await startProxy("http://127.0.0.1:9", "key");
    expect((await fetch(`${proxy}/proxy/anthropic/admin`)).status).toBe(404);
    const response = await fetch(`${proxy}/proxy/anthropic/v1/models`);
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { type: "api_error" } });
  });
});
