// Only exact API paths are served, as on the real API; a prefix is an explicit `basePath`.
import Anthropic, { NotFoundError } from "@anthropic-ai/sdk";
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMockApi } from "../src/create-mock-api.js";
import { createMockApiHandlers } from "../src/msw.js";
import { startMockApi } from "../src/node.js";
import { oneTurn, rawHeaders } from "./helpers.js";

const hello = oneTurn("Hello", 64);

async function post(api: ReturnType<typeof createMockApi>, url: string) {
  const response = await api.handle(
    new Request(url, { method: "POST", headers: rawHeaders, body: JSON.stringify(hello) }),
  );
  return {
    status: response.status,
    body: (await response.json()) as { type: string; error?: { type: string; message: string } },
  };
}

describe("routing", () => {
  it("answers 404 not_found_error for /v1/ anywhere but at the start of the path", async () => {
    const api = createMockApi();
    expect((await post(api, "https://api.anthropic.com/v1/messages")).status).toBe(200);
    for (const path of ["/anything/v1/messages", "/api/v1/messages", "/v2/v1/messages", "/messages"]) {
      const { status, body } = await post(api, `https://api.anthropic.com${path}`);
      expect(status, path).toBe(404);
      expect(body.error).toEqual({ type: "not_found_error", message: `Not found: POST ${path}` });
    }
  });

  it("fails an official SDK client whose baseURL has a stray prefix, as production would", async () => {
    const server = await startMockApi();
    try {
      const client = new Anthropic({ apiKey: "k", baseURL: `${server.url}/proxy`, maxRetries: 0 });
      await expect(client.models.list()).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await server.close();
    }
  });

  it("serves under an explicit basePath (core and Node server), and only there", async () => {
    const api = createMockApi({ basePath: "/api/anthropic/" });
    expect((await post(api, "https://example.test/api/anthropic/v1/messages")).status).toBe(200);
    expect((await post(api, "https://example.test/v1/messages")).status).toBe(404);
    expect((await post(api, "https://example.test/api/anthropicx/v1/messages")).status).toBe(404);

    const server = await startMockApi({ basePath: "/api/anthropic" });
    try {
      const client = new Anthropic({ apiKey: "k", baseURL: `${server.url}/api/anthropic`, maxRetries: 0 });
      const message = await client.messages.create({ ...hello, messages: [{ role: "user", content: "Hi" }] });
      expect(message.type).toBe("message");
      const batch = await client.messages.batches.create({
        requests: [{ custom_id: "a", params: { ...hello, messages: [{ role: "user", content: "Hi" }] } }],
      });
      expect(batch.id).toMatch(/^msgbatch_/);
      const outside = new Anthropic({ apiKey: "k", baseURL: server.url, maxRetries: 0 });
      await expect(outside.models.list()).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await server.close();
    }
  });

  it("puts the basePath in absolute URLs such as results_url", async () => {
    const api = createMockApi({ basePath: "/mounted", batchProcessingMs: 0 });
    const response = await api.handle(
      new Request("http://127.0.0.1:9/mounted/v1/messages/batches", {
        method: "POST",
        headers: rawHeaders,
        body: JSON.stringify({ requests: [{ custom_id: "a", params: hello }] }),
      }),
    );
    const batch = (await response.json()) as { id: string };
    const retrieved = await api.handle(
      new Request(`http://127.0.0.1:9/mounted/v1/messages/batches/${batch.id}`, { headers: rawHeaders }),
    );
    expect(((await retrieved.json()) as { results_url: string }).results_url).toBe(
      `http://127.0.0.1:9/mounted/v1/messages/batches/${batch.id}/results`,
    );
  });

  it("rejects a basePath that is a URL", () => {
    expect(() => createMockApi({ basePath: "https://example.test/api" })).toThrow(/basePath must be a path/);
  });
});

describe("msw handlers under a prefixed baseURL", () => {
  const api = createMockApi();
  const server = setupServer(
    ...createMockApiHandlers({ api, baseURL: "http://localhost:5173/api/anthropic" }),
    // Anything the handlers leave alone reaches this fallback instead of the network.
    http.all("*", () => new Response("unhandled", { status: 599 })),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => api.reset());
  afterAll(() => server.close());

  it("serves the prefixed base and the real API's origin, each with its own prefix", async () => {
    const prefixed = new Anthropic({
      apiKey: "k",
      baseURL: "http://localhost:5173/api/anthropic",
      maxRetries: 0,
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    expect(
      (await prefixed.messages.create({ ...hello, messages: [{ role: "user", content: "Hi" }] })).type,
    ).toBe("message");
    const real = new Anthropic({
      apiKey: "k",
      maxRetries: 0,
      fetch: (input, init) => globalThis.fetch(input, init),
    });
    expect((await real.models.list()).data.length).toBeGreaterThan(0);
    const stray = await globalThis.fetch("http://localhost:5173/api/anthropic/extra/v1/models", {
      headers: rawHeaders,
    });
    expect(stray.status).toBe(404);
    const strayReal = await globalThis.fetch("https://api.anthropic.com/api/anthropic/v1/models", {
      headers: rawHeaders,
    });
    expect(strayReal.status).toBe(404);
  });
});
