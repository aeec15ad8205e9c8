import OfficialAnthropic from "@anthropic-ai/sdk";
import Anthropic, { type APIError, type PermissionDeniedError, type RateLimitError } from "@colloquy/client";
import { createMockApi } from "@colloquy/mock-api";
import { describe, expect, it } from "vitest";
import { createAnthropicProxy } from "./create-anthropic-proxy.js";
import { errorResponse } from "./error-response.js";
import type { AnthropicProxyOptions, ProxyHandler } from "./proxy-options.js";
import type { RateLimitStore } from "./rate-limit.js";

const SERVER_KEY = "sk-ant-server-HELD-0123456789abcdef";
const ORIGIN = "http://proxy.test";
const PREFIX = "/api/anthropic";
const UPSTREAM = "http://upstream.test";

const params = {
  model: "claude-sonnet-4-6",
  max_tokens: 100,
  messages: [{ role: "user" as const, content: "Hi [[mock: words=5]]" }],
};

/**
 * The proxy in process, in front of the mock API's core, recording what reached upstream. `client` is a
 * browser-side `@colloquy/client` whose fetch calls the handler directly.
 */
function setup(options: Partial<AnthropicProxyOptions> = {}) {
  const api = createMockApi({ apiKey: SERVER_KEY, batchProcessingMs: 0 });
  const upstream: Request[] = [];
  const proxy = createAnthropicProxy({
    apiKey: SERVER_KEY,
    baseURL: UPSTREAM,
    prefix: PREFIX,
    allowAnonymous: true,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      upstream.push(request.clone());
      return api.handle(request);
    },
    ...options,
  });
  const client = new Anthropic({
    apiKey: "sk-ant-browser-side",
    baseURL: `${ORIGIN}${PREFIX}`,
    maxRetries: 0,
    fetch: (input, init) => proxy(new Request(input, init)),
  });
  return { proxy, client, upstream };
}

const call = (proxy: ProxyHandler, path: string, init: RequestInit = {}) =>
  proxy(new Request(`${ORIGIN}${PREFIX}${path}`, init));

const post = (proxy: ProxyHandler, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(proxy, path, {
    method: "POST",
    headers: { "content-type": "application/json", "anthropic-version": "2023-06-01", ...headers },
    body: JSON.stringify(body),
  });

describe("createAnthropicProxy options", () => {
  it("refuses to start without authorize unless allowAnonymous is set explicitly", () => {
    expect(() => createAnthropicProxy({})).toThrow(/authorize.*allowAnonymous/);
    expect(() => createAnthropicProxy({ allowAnonymous: false })).toThrow(TypeError);
    expect(() => createAnthropicProxy({ allowAnonymous: true })).not.toThrow();
  });

  it("rejects a bad prefix, base URL, route, limit or a credential header to forward", () => {
    const base = { allowAnonymous: true };
    expect(() => createAnthropicProxy({ ...base, prefix: "api/x" })).toThrow(/prefix/);
    expect(() => createAnthropicProxy({ ...base, baseURL: "ftp://x" })).toThrow(/baseURL/);
    expect(() => createAnthropicProxy({ ...base, baseURL: "not a url" })).toThrow(/baseURL/);
    expect(() => createAnthropicProxy({ ...base, routes: ["files" as "messages"] })).toThrow(/route/);
    expect(() => createAnthropicProxy({ ...base, maxTokens: 0 })).toThrow(/maxTokens/);
    expect(() => createAnthropicProxy({ ...base, forwardHeaders: ["X-Api-Key"] })).toThrow(/credentials/);
  });
});

describe("authorize", () => {
  it("passes the user through, and answers null with 401 AuthenticationError without calling upstream", async () => {
    let signedIn = false;
    const { client, upstream } = setup({
      allowAnonymous: false,
      authorize: (request) => {
        expect(request.url).toBe(`${ORIGIN}${PREFIX}/v1/messages`);
        return signedIn ? { userId: "ada" } : null;
      },
    });
    const refused = await client.messages.create(params).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Anthropic.AuthenticationError);
    expect(upstream).toHaveLength(0);
    signedIn = true;
    expect((await client.messages.create(params)).content).toHaveLength(1);
    expect(upstream).toHaveLength(1);
  });

  it("answers with the Response authorize returns (403 PermissionDeniedError)", async () => {
    const { client, upstream } = setup({
      authorize: () => errorResponse(403, "permission_error", "Not your workspace."),
    });
    const error = await client.models.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.PermissionDeniedError);
    expect((error as PermissionDeniedError).message).toContain("Not your workspace.");
    expect(upstream).toHaveLength(0);
  });

  it("answers 500 in the API's envelope when authorize throws", async () => {
    const { proxy } = setup({
      authorize: () => {
        throw new Error("session store down");
      },
    });
    const response = await call(proxy, "/v1/models");
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "api_error" } });
  });
});

describe("route allow-list", () => {
  it("answers 404 NotFoundError for a route group that is not enabled, without calling upstream", async () => {
    const { client, upstream } = setup({ routes: ["messages"] });
    await expect(client.models.list()).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await expect(client.messages.countTokens(params)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await expect(client.messages.batches.list()).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    expect(upstream).toHaveLength(0);
    await client.messages.create(params);
    expect(upstream.map((request) => new URL(request.url).pathname)).toEqual(["/v1/messages"]);
  });

  it("never forwards other API routes or methods", async () => {
    const { proxy, upstream } = setup();
    for (const [method, path] of [
      ["GET", "/v1/files"],
      ["POST", "/v1/files"],
      ["GET", "/v1/organizations/me"],
      ["POST", "/v1/complete"],
      ["DELETE", "/v1/models/claude-sonnet-4-6"],
      ["PUT", "/v1/messages"],
      ["GET", "/v1/messages"],
      ["GET", "/v1/messages/batches/a/b"],
      ["GET", "/v2/models"],
    ] as const) {
      const response = await call(proxy, path, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(upstream).toHaveLength(0);
  });
});

describe("models allow-list and max_tokens cap", () => {
  const limits = { models: ["claude-sonnet-4-6", "claude-haiku-4-5"], maxTokens: 1000 };

  it("refuses another model with 403 PermissionDeniedError, for messages, count_tokens and batches", async () => {
    const { client, upstream } = setup(limits);
    const other = { ...params, model: "claude-opus-4-1" };
    await expect(client.messages.create(other)).rejects.toBeInstanceOf(Anthropic.PermissionDeniedError);
    await expect(client.messages.countTokens(other)).rejects.toBeInstanceOf(Anthropic.PermissionDeniedError);
    const batch = client.messages.batches.create({
      requests: [
        { custom_id: "ok", params },
        { custom_id: "not-ok", params: other },
      ],
    });
    await expect(batch).rejects.toThrow(/requests\[1\]\.params\.model: claude-opus-4-1 is not allowed/);
    expect(upstream).toHaveLength(0);
    await client.messages.create({ ...params, model: "claude-haiku-4-5" });
    expect(upstream).toHaveLength(1);
  });

  it("refuses max_tokens above the cap with 400 BadRequestError, in messages and in each batch request", async () => {
    const { client, upstream } = setup(limits);
    const error = await client.messages
      .create({ ...params, max_tokens: 1001 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect(String(error)).toContain("max_tokens: 1001 is above this proxy's limit of 1000");
    await expect(
      client.messages.batches.create({
        requests: [{ custom_id: "a", params: { ...params, max_tokens: 5000 } }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    expect(upstream).toHaveLength(0);
    await client.messages.create({ ...params, max_tokens: 1000 });
    expect(upstream).toHaveLength(1);
  });

  it("shows only allowed models in models.list and hides the others from models.retrieve", async () => {
    const { client } = setup(limits);
    const listed = (await client.models.list({ limit: 100 })).data.map((model) => model.id);
    expect(listed.length).toBeGreaterThan(0);
    for (const id of listed) expect(limits.models).toContain(id);
    await expect(client.models.retrieve("claude-opus-4-1")).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    expect((await client.models.retrieve("claude-sonnet-4-6")).id).toBe("claude-sonnet-4-6");
  });

  it("refuses a body that is not JSON, or has no model when models are limited", async () => {
    const { proxy, upstream } = setup(limits);
    const notJSON = await call(proxy, "/v1/messages", { method: "POST", body: "{not json" });
    expect(notJSON.status).toBe(400);
    const noModel = await post(proxy, "/v1/messages", { max_tokens: 10, messages: [] });
    expect(noModel.status).toBe(400);
    expect(await noModel.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    expect(upstream).toHaveLength(0);
  });
});

describe("streaming", () => {
  it("returns upstream's body as it comes, and passes the request's abort signal upstream", async () => {
    let upstreamSignal: AbortSignal | undefined;
    let push: (text: string) => void = () => {};
    const { proxy } = setup({
      fetch: async (_input, init) => {
        upstreamSignal = init?.signal ?? undefined;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            push = (text) => controller.enqueue(new TextEncoder().encode(text));
          },
        });
        return new Response(body, { headers: { "content-type": "text/event-stream" } });
      },
    });
    const browser = new AbortController();
    const response = await proxy(
      new Request(`${ORIGIN}${PREFIX}/v1/messages`, {
        method: "POST",
        body: JSON.stringify({ ...params, stream: true }),
        signal: browser.signal,
      }),
    );
    const reader = response.body?.getReader();
    if (!reader) throw new Error("no body");
    push("event: ping\ndata: {}\n\n");
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("event: ping\ndata: {}\n\n");
    expect(upstreamSignal?.aborted).toBe(false);
    browser.abort();
    expect(upstreamSignal?.aborted).toBe(true);
  });
});

describe("batches", () => {
  it("rewrites results_url to the request's origin and prefix, or to publicBaseURL", async () => {
    const { client } = setup();
    const batch = await client.messages.batches.create({ requests: [{ custom_id: "a", params }] });
    const ended = await client.messages.batches.retrieve(batch.id);
    expect(ended.results_url).toBe(`${ORIGIN}${PREFIX}/v1/messages/batches/${batch.id}/results`);
    const results = [];
    for await (const result of await client.messages.batches.results(batch.id))
      results.push(result.custom_id);
    expect(results).toEqual(["a"]);

    const behindBalancer = setup({ publicBaseURL: "https://app.example/api/anthropic/" });
    const other = await behindBalancer.client.messages.batches.create({
      requests: [{ custom_id: "b", params }],
    });
    const retrieved = await behindBalancer.client.messages.batches.retrieve(other.id);
    expect(retrieved.results_url).toBe(
      `https://app.example/api/anthropic/v1/messages/batches/${other.id}/results`,
    );
  });
});

describe("body size limit", () => {
  it("answers 413 request_too_large over the limit, declared or streamed, without calling upstream", async () => {
    const { proxy, client, upstream } = setup({ maxBodyBytes: 2048 });
    const big = { ...params, messages: [{ role: "user" as const, content: "x".repeat(4096) }] };
    const error = await client.messages.create(big).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.RequestTooLargeError);
    expect((error as APIError).status).toBe(413);

    const chunk = new TextEncoder().encode("x".repeat(1024));
    const streamed = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 3; index++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await call(proxy, "/v1/messages", {
      method: "POST",
      body: streamed,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "request_too_large" } });
    expect(upstream).toHaveLength(0);
    await client.messages.create(params);
    expect(upstream).toHaveLength(1);
  });
});

describe("rate limit", () => {
  it("gives each user a token bucket and answers 429 RateLimitError with retry-after when it is empty", async () => {
    let now = 1_000_000;
    let user = "ada";
    const { client } = setup({
      authorize: () => ({ userId: user }),
      rateLimit: { capacity: 2, refillPerSecond: 0.5 },
      now: () => now,
    });
    await client.models.list();
    await client.models.list();
    const error = await client.models.list().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.RateLimitError);
    const headers = (error as RateLimitError).headers;
    expect(headers?.get("retry-after")).toBe("2");
    expect(headers?.get("retry-after-ms")).toBe("2000");

    user = "grace";
    await client.models.list();
    user = "ada";
    now += 1999;
    await expect(client.models.list()).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    now += 1;
    await client.models.list();
  });

  it("the official SDK sees the same 429", async () => {
    const { proxy } = setup({ rateLimit: { capacity: 1, refillPerSecond: 1 }, now: () => 0 });
    const official = new OfficialAnthropic({
      apiKey: "browser",
      baseURL: `${ORIGIN}${PREFIX}`,
      maxRetries: 0,
      fetch: (input, init) => proxy(new Request(input, init)),
    });
    await official.models.list();
    await expect(official.models.list()).rejects.toBeInstanceOf(OfficialAnthropic.RateLimitError);
  });

  it("asks a pluggable store, keyed by user id", async () => {
    const asked: string[] = [];
    const store: RateLimitStore = {
      take: async (key) => {
        asked.push(key);
        return { allowed: key !== "blocked", remaining: 0, retryAfterMs: 5000 };
      },
    };
    let user = "ada";
    const { client } = setup({
      authorize: () => ({ userId: user }),
      rateLimit: { capacity: 10, refillPerSecond: 1, store },
    });
    await client.models.list();
    user = "blocked";
    await expect(client.models.list()).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    expect(asked).toEqual(["ada", "blocked"]);
  });
});

describe("headers", () => {
  it("forwards only the allowed request headers and injects the key", async () => {
    const { proxy, upstream } = setup({ forwardHeaders: ["x-mock-trigger"] });
    await post(proxy, "/v1/messages", params, {
      "x-api-key": "sk-ant-browser-forged",
      authorization: "Bearer sk-ant-browser-forged",
      cookie: "session=1",
      "anthropic-dangerous-direct-browser-access": "true",
      "anthropic-workspace-id": "wrkspc_other",
      "anthropic-beta": "a-beta,b-beta",
      "x-stainless-retry-count": "0",
      "x-mock-trigger": "words=3",
      "x-something-else": "dropped",
    });
    const headers = Object.fromEntries(upstream[0]?.headers ?? []);
    expect(headers).toMatchObject({
      "x-api-key": SERVER_KEY,
      "anthropic-version": "2023-06-01",
      "anthropic-beta": "a-beta,b-beta",
      "x-stainless-retry-count": "0",
      "x-mock-trigger": "words=3",
    });
    for (const name of [
      "authorization",
      "cookie",
      "anthropic-dangerous-direct-browser-access",
      "anthropic-workspace-id",
      "x-something-else",
      "origin",
    ])
      expect(headers[name], name).toBeUndefined();
  });

  it("returns upstream's request-id and rate-limit headers, and nothing that identifies upstream", async () => {
    const { proxy } = setup({
      fetch: async () =>
        new Response("{}", {
          headers: {
            "content-type": "application/json",
            "request-id": "req_123",
            "anthropic-ratelimit-requests-remaining": "49",
            "anthropic-organization-id": "org-uuid",
            "set-cookie": "upstream=1",
            server: "upstream-server",
          },
        }),
    });
    const response = await post(proxy, "/v1/messages", params);
    expect(response.headers.get("request-id")).toBe("req_123");
    expect(response.headers.get("anthropic-ratelimit-requests-remaining")).toBe("49");
    expect(response.headers.get("anthropic-organization-id")).toBeNull();
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("server")).toBeNull();
  });

  it("answers 401 when the server has no key, and reads ANTHROPIC_API_KEY per request", async () => {
    const previous = process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      const { client, upstream } = setup({ apiKey: undefined });
      const error = await client.models.list().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
      expect(String(error)).toContain("ANTHROPIC_API_KEY");
      expect(upstream).toHaveLength(0);
      process.env.ANTHROPIC_API_KEY = SERVER_KEY;
      await client.models.list();
      expect(upstream[0]?.headers.get("x-api-key")).toBe(SERVER_KEY);
    } finally {
      if (previous === undefined) delete process.env.ANTHROPIC_API_KEY;
      else process.env.ANTHROPIC_API_KEY = previous;
    }
  });
});

describe("CORS", () => {
  const fromOrigin = (origin: string, extra: Record<string, string> = {}) => ({
    origin,
    "content-type": "application/json",
    "anthropic-version": "2023-06-01",
    ...extra,
  });

  it("serves its own origin and refuses others with 403 by default", async () => {
    const { proxy, upstream } = setup();
    const own = await post(proxy, "/v1/messages", params, fromOrigin(ORIGIN));
    expect(own.status).toBe(200);
    expect(own.headers.get("access-control-allow-origin")).toBeNull();
    const foreign = await post(proxy, "/v1/messages", params, fromOrigin("https://evil.example"));
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await call(proxy, "/v1/messages", {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(preflight.status).toBe(403);
    expect(upstream).toHaveLength(1);
  });

  it("refuses a request another site made the browser send without Origin (an <img>, a link)", async () => {
    const { proxy, upstream } = setup({ cors: { origins: ["https://dashboard.example"] } });
    for (const site of ["cross-site", "same-site"]) {
      const response = await call(proxy, "/v1/models", { headers: { "sec-fetch-site": site } });
      expect(response.status, site).toBe(403);
    }
    expect(upstream).toHaveLength(0);
    const own = await call(proxy, "/v1/models", {
      headers: { "sec-fetch-site": "same-origin", "anthropic-version": "2023-06-01" },
    });
    expect(own.status).toBe(200);
  });

  it("trusts sec-fetch-site: same-origin when request.url shows an internal host", async () => {
    const { proxy } = setup();
    const response = await post(
      proxy,
      "/v1/messages",
      params,
      fromOrigin("https://public.example", { "sec-fetch-site": "same-origin" }),
    );
    expect(response.status).toBe(200);
  });

  it("answers preflights and exposes the retry and rate-limit headers to listed origins", async () => {
    const { proxy } = setup({ cors: { origins: ["https://dashboard.example"] } });
    const preflight = await call(proxy, "/v1/messages", {
      method: "OPTIONS",
      headers: {
        origin: "https://dashboard.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, anthropic-version",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://dashboard.example");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("content-type, anthropic-version");
    const response = await post(proxy, "/v1/messages", params, fromOrigin("https://dashboard.example"));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://dashboard.example");
    expect(response.headers.get("access-control-expose-headers")).toContain("retry-after");
    expect(response.headers.get("access-control-expose-headers")).toContain(
      "anthropic-ratelimit-tokens-remaining",
    );
  });
});

describe("hooks and secrets", () => {
  it("calls onRequest before forwarding and onResponse for every answer, with secrets masked", async () => {
    const lines: string[] = [];
    const { client } = setup({
      authorize: (request) => (request.headers.has("x-user") ? { userId: "ada" } : null),
      maxTokens: 200,
      onRequest: (info) => {
        lines.push(`request ${JSON.stringify(info)}`);
      },
      onResponse: (info) => {
        lines.push(`response ${JSON.stringify(info)}`);
      },
    });
    const headers = { "x-user": "1", authorization: `Bearer ${SERVER_KEY}`, cookie: "session=secret-cookie" };
    await client.messages.create(params, { headers });
    await client.messages.create({ ...params, max_tokens: 500 }, { headers }).catch(() => {});
    await client.models.list().catch(() => {});

    expect(lines.map((line) => line.split(" ")[0])).toEqual(["request", "response", "response", "response"]);
    const [request, created, capped, anonymous] = lines.map((line) =>
      JSON.parse(line.slice(line.indexOf(" ") + 1)),
    );
    expect(request).toMatchObject({
      userId: "ada",
      method: "POST",
      operation: "messages.create",
      model: params.model,
    });
    expect(request.headers["x-api-key"]).toBe("***");
    expect(request.headers.cookie).toBe("***");
    expect(created).toMatchObject({ id: request.id, status: 200 });
    expect(created.requestId).toMatch(/^req_/);
    expect(capped).toMatchObject({ status: 400, requestId: null, userId: "ada" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.userId).toBeUndefined();
    for (const line of lines) {
      expect(line).not.toContain(SERVER_KEY);
      expect(line).not.toContain("secret-cookie");
    }
  });

  it("refuses with 500 and does not forward when onRequest throws (an audit log that cannot write)", async () => {
    const { proxy, upstream } = setup({
      onRequest: () => {
        throw new Error("audit log unavailable");
      },
    });
    const response = await post(proxy, "/v1/messages", params);
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ type: "error", error: { type: "api_error" } });
    expect(upstream).toHaveLength(0);
  });

  it("never puts the key in a response, even when upstream echoes it in an error", async () => {
    const { proxy } = setup({
      fetch: async (_input, init) => {
        const key = new Headers(init?.headers).get("x-api-key");
        return new Response(
          JSON.stringify({
            type: "error",
            error: { type: "authentication_error", message: `bad key ${key}` },
          }),
          { status: 401, headers: { "content-type": "application/json" } },
        );
      },
    });
    const response = await post(proxy, "/v1/messages", params);
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain("bad key ***");
    expect(text).not.toContain(SERVER_KEY);
  });

  it("answers 502 without upstream's address when upstream cannot be reached", async () => {
    const { proxy } = setup({
      fetch: async () => {
        throw new TypeError(`fetch failed: connect ECONNREFUSED ${UPSTREAM} with ${SERVER_KEY}`);
      },
    });
    const errors: unknown[] = [];
    const { proxy: logged } = setup({
      fetch: async () => {
        throw new TypeError(`fetch failed with ${SERVER_KEY}`);
      },
      onResponse: (info) => {
        errors.push(info.error);
      },
    });
    const response = await post(proxy, "/v1/messages", params);
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).not.toContain("upstream.test");
    expect(text).not.toContain(SERVER_KEY);
    await post(logged, "/v1/messages", params);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toContain("fetch failed");
    expect(String(errors[0])).not.toContain(SERVER_KEY);
  });
});
