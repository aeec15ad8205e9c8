import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  errorResponse,
  hangingFetch,
  jsonResponse,
  message,
  params,
  scriptedClient,
  scriptedFetch,
} from "../test/scripted-fetch.js";
import * as Exports from "./index.js";
import Anthropic, {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  InternalServerError,
  OverloadedError,
  RateLimitError,
} from "./index.js";

const fast = { "retry-after-ms": "1" };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("the client class", () => {
  it("carries every exported error class as a static, as in the official SDK", () => {
    const errorClasses = Object.entries({ ...Exports }).filter(([name]) => /^[A-Z]\w*Error$/.test(name));
    expect(errorClasses.length).toBeGreaterThanOrEqual(18);
    for (const [name, Class] of errorClasses) {
      expect(Anthropic[name as keyof typeof Anthropic], name).toBe(Class);
    }
  });
});

describe("configuration", () => {
  it("reads the key, token and base URL from the environment", async () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "sk-ant-env-key");
    vi.stubEnv("ANTHROPIC_AUTH_TOKEN", "env-token");
    vi.stubEnv("ANTHROPIC_BASE_URL", "http://env.example/");
    const fetch = scriptedFetch(jsonResponse(message));
    const client = new Anthropic({ fetch });
    expect(client.apiKey).toBe("sk-ant-env-key");
    await client.messages.create(params);
    const request = fetch.requests[0]!;
    expect(request.url).toBe("http://env.example/v1/messages");
    expect(request.headers.get("x-api-key")).toBe("sk-ant-env-key");
    expect(request.headers.get("authorization")).toBe("Bearer env-token");
  });

  it("sends the default headers, the version and a JSON body", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], {
      defaultHeaders: { "x-team": "web" },
    });
    await client.messages.create(params);
    const request = fetch.requests[0]!;
    expect(request.method).toBe("POST");
    expect(request.headers.get("anthropic-version")).toBe("2023-06-01");
    expect(request.headers.get("content-type")).toBe("application/json");
    expect(request.headers.get("x-team")).toBe("web");
    expect(request.headers.get("x-stainless-retry-count")).toBe("0");
    expect(request.headers.has("anthropic-dangerous-direct-browser-access")).toBe(false);
    expect(await request.json()).toEqual(params);
  });

  it("lets a request override the version header", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)]);
    await client.messages.create(params, { headers: { "anthropic-version": "My-Custom-Value" } });
    expect(fetch.requests[0]!.headers.get("anthropic-version")).toBe("My-Custom-Value");
  });

  it("lets defaultHeaders send the official 1.x version and the key as a bearer token", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], {
      defaultHeaders: { "anthropic-version": "2026-10-21", "x-api-key": null, authorization: "Bearer k" },
    });
    await client.messages.create(params);
    const { headers } = fetch.requests[0]!;
    expect(headers.get("anthropic-version")).toBe("2026-10-21");
    expect(headers.has("x-api-key")).toBe(false);
    expect(headers.get("authorization")).toBe("Bearer k");
  });

  it("removes a header given as null", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], { authToken: "t" });
    await client.messages.create(params, { headers: { authorization: null } });
    expect(fetch.requests[0]!.headers.has("authorization")).toBe(false);
    expect(fetch.requests[0]!.headers.get("x-api-key")).toBe("k");
  });

  it("refuses to send a request without any credentials", async () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "");
    vi.stubEnv("ANTHROPIC_AUTH_TOKEN", "");
    const fetch = scriptedFetch();
    const client = new Anthropic({ fetch });
    await expect(client.messages.create(params)).rejects.toThrow(/Could not resolve authentication method/);
    expect(fetch.requests).toHaveLength(0);
  });

  it("merges default and per-call query parameters, with bracketed arrays", async () => {
    const { client, fetch } = scriptedClient([jsonResponse({ ok: true })], { defaultQuery: { team: "web" } });
    await client.get("/v1/things", { query: { limit: 2, ids: ["a", "b"], skip: undefined } });
    const url = new URL(fetch.requests[0]!.url);
    expect(url.searchParams.get("team")).toBe("web");
    expect(url.searchParams.get("limit")).toBe("2");
    expect(url.searchParams.getAll("ids[]")).toEqual(["a", "b"]);
    expect(url.searchParams.has("skip")).toBe(false);
  });

  it("sends the idempotency key on every attempt", async () => {
    const { client, fetch } = scriptedClient([
      errorResponse(500, "api_error", "x", fast),
      jsonResponse(message),
    ]);
    await client.messages.create(params, { idempotencyKey: "idem-1" });
    expect(fetch.requests.map((r) => r.headers.get("idempotency-key"))).toEqual(["idem-1", "idem-1"]);
  });

  it("withOptions makes a copy with some options replaced", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], { maxRetries: 5 });
    const copy = client.withOptions({ baseURL: "http://other.example" });
    expect(copy).toBeInstanceOf(Anthropic);
    expect(copy.maxRetries).toBe(5);
    await copy.messages.create(params);
    expect(fetch.requests[0]!.url).toBe("http://other.example/v1/messages");
  });
});

describe("browser guard", () => {
  it("throws in a browser-like runtime unless dangerouslyAllowBrowser is set", () => {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", { userAgent: "test" });
    expect(() => new Anthropic({ apiKey: "k" })).toThrow(/dangerouslyAllowBrowser/);
  });

  it("with the opt-in, sends the direct-browser-access header", async () => {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", { userAgent: "test" });
    const { client, fetch } = scriptedClient([jsonResponse(message)], { dangerouslyAllowBrowser: true });
    await client.messages.create(params);
    expect(fetch.requests[0]!.headers.get("anthropic-dangerous-direct-browser-access")).toBe("true");
  });

  it("does not throw in Node", () => {
    expect(() => new Anthropic({ apiKey: "k" })).not.toThrow();
  });

  it("does not take a server's bare window shim, without a navigator, for a browser", () => {
    vi.stubGlobal("window", { document: {} });
    vi.stubGlobal("navigator", undefined);
    expect(() => new Anthropic({ apiKey: "k" })).not.toThrow();
  });
});

describe("responses", () => {
  it("parses the message and exposes the request id", async () => {
    const { client } = scriptedClient([jsonResponse(message)]);
    const result = await client.messages.create(params);
    expect(result).toEqual(message);
    expect((result as unknown as { _request_id: string })._request_id).toBe("req_test");
  });

  it("asResponse returns the raw Response with its body unread", async () => {
    const { client } = scriptedClient([jsonResponse(message, 200, { "x-my-header": "yes" })]);
    const response = await client.messages.create(params).asResponse();
    expect(response.headers.get("X-My-Header")).toBe("yes");
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual(message);
  });

  it("withResponse returns the data, the raw Response and the request id", async () => {
    const { client } = scriptedClient([jsonResponse(message)]);
    const { data, response, request_id } = await client.messages.create(params).withResponse();
    expect(data.content).toEqual(message.content);
    expect(response.status).toBe(200);
    expect(request_id).toBe("req_test");
  });

  it("rejects a 200 whose body is not JSON with a typed error", async () => {
    const { client } = scriptedClient([
      new Response("<html>hi</html>", { status: 200, headers: { "content-type": "text/html" } }),
    ]);
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toMatch(/Expected a JSON body.*text\/html/);
    const { client: empty } = scriptedClient([new Response("")]);
    await expect(empty.messages.create(params)).rejects.toThrow(/Expected a JSON body/);
  });

  it("sends undocumented requests with client.post and its options", async () => {
    const { client, fetch } = scriptedClient([jsonResponse({ done: true })]);
    const result = await client.post("/some/path", {
      body: { some_prop: "foo" },
      query: { some_query_arg: "bar" },
    });
    expect(result).toEqual({ done: true });
    expect(fetch.requests[0]!.url).toBe("https://api.anthropic.com/some/path?some_query_arg=bar");
    expect(await fetch.requests[0]!.json()).toEqual({ some_prop: "foo" });
  });

  it("sends extra undocumented params as they are", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)]);
    // @ts-expect-error baz is not yet public
    await client.messages.create({ ...params, baz: "undocumented option" });
    expect(await fetch.requests[0]!.json()).toMatchObject({ baz: "undocumented option" });
  });
});

describe("errors", () => {
  it("raises the class of the status with status, headers, body and request id", async () => {
    const { client, fetch } = scriptedClient([
      errorResponse(400, "invalid_request_error", "max_tokens: Field required"),
    ]);
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error).toMatchObject({
      status: 400,
      name: "BadRequestError",
      requestID: "req_test",
      error: { error: { type: "invalid_request_error" } },
    });
    expect((error as BadRequestError).headers?.get("request-id")).toBe("req_test");
    expect(fetch.requests).toHaveLength(1);
  });

  it("reports an HTML error page from a proxy as the status's class with its text", async () => {
    const { client } = scriptedClient([new Response("<html>502 Bad Gateway</html>", { status: 502 })], {
      maxRetries: 0,
    });
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as Error).message).toContain("502 Bad Gateway");
  });

  it("never puts the key in an error or a log line", async () => {
    const lines: string[] = [];
    const logger = {
      debug: (...args: unknown[]) => lines.push(JSON.stringify(args)),
      info: (...args: unknown[]) => lines.push(JSON.stringify(args)),
      warn: (...args: unknown[]) => lines.push(JSON.stringify(args)),
      error: (...args: unknown[]) => lines.push(JSON.stringify(args)),
    };
    const key = "sk-ant-api03-TOPSECRET-abcdefghijklmnop";
    const fetch = scriptedFetch(
      errorResponse(500, "api_error", `bad key ${key}`, fast),
      errorResponse(401, "authentication_error", `invalid x-api-key ${key}`),
    );
    const client = new Anthropic({ apiKey: key, fetch, logLevel: "debug", logger });
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).not.toContain("TOPSECRET");
    expect(String(error)).not.toContain("TOPSECRET");
    expect(JSON.stringify(error)).not.toContain("TOPSECRET");
    expect((error as Error).message).not.toContain("TOPSECRET");
  });

  it("logs every request and response at debug level when DEBUG=true", async () => {
    vi.stubEnv("DEBUG", "true");
    const lines: string[] = [];
    const log = (...args: unknown[]) => lines.push(String(args[0]));
    const { client } = scriptedClient([jsonResponse(message)], {
      logger: { debug: log, info: log, warn: log, error: log },
    });
    await client.messages.create(params);
    expect(lines.some((line) => line.includes("POST https://api.anthropic.com/v1/messages"))).toBe(true);
    expect(lines.some((line) => line.includes("200 POST"))).toBe(true);
  });

  it("is quiet below warn by default", async () => {
    const lines: string[] = [];
    const log = (...args: unknown[]) => lines.push(String(args[0]));
    const { client } = scriptedClient([errorResponse(500, "api_error", "x", fast), jsonResponse(message)], {
      logger: { debug: log, info: log, warn: log, error: log },
    });
    await client.messages.create(params);
    expect(lines).toEqual([]);
  });
});

describe("retries", () => {
  it.each([
    [408, "timeout_error"],
    [409, "conflict_error"],
    [429, "rate_limit_error"],
    [500, "api_error"],
    [503, "api_error"],
    [529, "overloaded_error"],
  ])("retries a %i and then succeeds", async (status, type) => {
    const { client, fetch } = scriptedClient([errorResponse(status, type, "x", fast), jsonResponse(message)]);
    await expect(client.messages.create(params)).resolves.toEqual(message);
    expect(fetch.requests.map((r) => r.headers.get("x-stainless-retry-count"))).toEqual(["0", "1"]);
  });

  it("gives up after maxRetries with the last error", async () => {
    const { client, fetch } = scriptedClient([
      errorResponse(529, "overloaded_error", "a", fast),
      errorResponse(529, "overloaded_error", "b", fast),
      errorResponse(529, "overloaded_error", "c", fast),
    ]);
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OverloadedError);
    expect((error as Error).message).toContain("c");
    expect(fetch.requests).toHaveLength(3);
  });

  it("honours a per-request maxRetries", async () => {
    const { client, fetch } = scriptedClient(
      [...Array.from({ length: 6 }, () => errorResponse(500, "api_error", "x", fast)), jsonResponse(message)],
      { maxRetries: 0 },
    );
    await expect(client.messages.create(params, { maxRetries: 6 })).resolves.toEqual(message);
    expect(fetch.requests).toHaveLength(7);
  });

  it("does not retry a 400", async () => {
    const { client, fetch } = scriptedClient([errorResponse(400, "invalid_request_error")]);
    await expect(client.messages.create(params)).rejects.toBeInstanceOf(BadRequestError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("does not retry when the server says x-should-retry: false", async () => {
    const { client, fetch } = scriptedClient([
      errorResponse(429, "rate_limit_error", "x", { "x-should-retry": "false" }),
    ]);
    await expect(client.messages.create(params)).rejects.toBeInstanceOf(RateLimitError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("retries a 400 when the server says x-should-retry: true", async () => {
    const { client } = scriptedClient([
      errorResponse(400, "invalid_request_error", "x", { "x-should-retry": "true", ...fast }),
      jsonResponse(message),
    ]);
    await expect(client.messages.create(params)).resolves.toEqual(message);
  });

  it("retries a connection error and keeps the cause when out of retries", async () => {
    vi.useFakeTimers();
    const failure = new TypeError("fetch failed");
    const { client, fetch } = scriptedClient([failure, failure, failure]);
    const result = client.messages.create(params).catch((caught: unknown) => caught);
    await vi.runAllTimersAsync();
    const error = await result;
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as APIConnectionError).cause).toBe(failure);
    expect(fetch.requests).toHaveLength(3);
  });

  it("waits the retry-after delay before the next attempt", async () => {
    vi.useFakeTimers();
    const { client, fetch } = scriptedClient([
      errorResponse(429, "rate_limit_error", "x", { "retry-after": "3" }),
      jsonResponse(message),
    ]);
    const result = client.messages.create(params);
    await vi.advanceTimersByTimeAsync(2_900);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(fetch.requests).toHaveLength(2);
    await expect(result).resolves.toEqual(message);
  });

  it("never retries after the user aborts during the retry sleep", async () => {
    vi.useFakeTimers();
    const { client, fetch } = scriptedClient([
      errorResponse(529, "overloaded_error", "x", { "retry-after": "5" }),
      jsonResponse(message),
    ]);
    const controller = new AbortController();
    const result = client.messages
      .create(params, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toBeInstanceOf(APIUserAbortError);
    expect(fetch.requests).toHaveLength(1);
  });
});

describe("timeouts and aborts", () => {
  it("times out an attempt with APIConnectionTimeoutError and retries it", async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const client = new Anthropic({ apiKey: "k", fetch, timeout: 1_000, maxRetries: 1 });
    const result = client.messages.create(params).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetch.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toBeInstanceOf(APIConnectionTimeoutError);
    expect(fetch.requests).toHaveLength(2);
  });

  it("a per-request timeout overrides the client's", async () => {
    vi.useFakeTimers();
    const fetch = hangingFetch();
    const client = new Anthropic({ apiKey: "k", fetch, maxRetries: 0 });
    const result = client.messages.create(params, { timeout: 5_000 }).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await result).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it("covers a body that stalls after the headers of a non-streaming call", async () => {
    vi.useFakeTimers();
    const { client } = scriptedClient(
      [
        (request) => {
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'));
              request.signal.addEventListener("abort", () => controller.error(request.signal.reason));
            },
          });
          return new Response(body, { headers: { "content-type": "application/json" } });
        },
      ],
      { timeout: 2_000, maxRetries: 0 },
    );
    const result = client.messages.create(params).catch((caught: unknown) => caught);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await result).toBeInstanceOf(APIConnectionTimeoutError);
  });

  it.each([
    ["no reason", undefined],
    // The reason the client's own timer aborts with: it must not turn the abort into a retried timeout.
    ["a timeout error as its reason", new APIConnectionTimeoutError()],
  ])("an aborted signal (%s) rejects with APIUserAbortError and is not retried", async (_, reason) => {
    const fetch = hangingFetch();
    const client = new Anthropic({ apiKey: "k", fetch });
    const controller = new AbortController();
    const result = client.messages
      .create(params, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    await vi.waitFor(() => expect(fetch.requests).toHaveLength(1));
    controller.abort(reason);
    expect(await result).toBeInstanceOf(APIUserAbortError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("a signal aborted before sending sends nothing", async () => {
    const { client, fetch } = scriptedClient([]);
    await expect(client.messages.create(params, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(fetch.requests).toHaveLength(0);
  });

  it("refuses a non-streaming call that could run past 10 minutes", () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)]);
    expect(() => client.messages.create({ ...params, max_tokens: 64_000 })).toThrow(/Streaming is required/);
    expect(fetch.requests).toHaveLength(0);
    return expect(
      client.messages.create({ ...params, max_tokens: 64_000 }, { timeout: 3_600_000 }),
    ).resolves.toEqual(message);
  });
});

describe("subclass hooks", () => {
  class SignedClient extends Anthropic {
    calls = 0;
    protected override async prepareRequest(url: string, init: RequestInit & { headers: Headers }) {
      this.calls++;
      if (this.calls === 1) throw new Error("credentials provider failed");
      init.headers.set("x-signed", String(this.calls));
      return { url: url.replace("/v1/messages", "/model/m/invoke"), init };
    }
  }

  it("retries a failing credentials provider like a connection error, then signs each attempt", async () => {
    const fetch = scriptedFetch(jsonResponse(message));
    const client = new SignedClient({ apiKey: "k", fetch });
    vi.useFakeTimers();
    const result = client.messages.create(params);
    await vi.runAllTimersAsync();
    await expect(result).resolves.toEqual(message);
    expect(client.calls).toBe(2);
    expect(fetch.requests[0]!.url).toBe("https://api.anthropic.com/model/m/invoke");
    expect(fetch.requests[0]!.headers.get("x-signed")).toBe("2");
  });

  it("gives up with APIConnectionError keeping the provider's failure as cause", async () => {
    const fetch = scriptedFetch();
    const client = new SignedClient({ apiKey: "k", fetch, maxRetries: 0 });
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(((error as APIConnectionError).cause as Error).message).toBe("credentials provider failed");
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("buildURL", () => {
  it("serialises nested query values as a[]=1&a[]=2 and o[k]=v, skipping null and undefined", () => {
    const client = new Anthropic({ apiKey: "k", defaultQuery: { team: "t1" } });
    const url = new URL(
      client.buildURL("v1/models", {
        ids: ["a", "b"],
        filter: { kind: "x", none: null },
        gone: undefined,
        n: 2,
      }),
    );
    expect(url.pathname).toBe("/v1/models");
    expect([...url.searchParams]).toEqual([
      ["team", "t1"],
      ["ids[]", "a"],
      ["ids[]", "b"],
      ["filter[kind]", "x"],
      ["n", "2"],
    ]);
  });

  it("keeps an absolute URL (a batch's results_url) instead of joining it to the base URL", () => {
    const client = new Anthropic({ apiKey: "k", baseURL: "https://proxy.test/anthropic/" });
    expect(client.buildURL("https://files.test/results/1", undefined)).toBe("https://files.test/results/1");
    expect(client.buildURL("/v1/models", undefined)).toBe("https://proxy.test/anthropic/v1/models");
  });
});

describe("aborts while preparing", () => {
  it("rejects with APIUserAbortError, not the hook's failure, when the caller aborts during prepareRequest", async () => {
    const controller = new AbortController();
    class SlowSigner extends Anthropic {
      protected override async prepareRequest(): Promise<never> {
        controller.abort();
        throw new Error("signing cancelled");
      }
    }
    const fetch = scriptedFetch();
    const client = new SlowSigner({ apiKey: "k", fetch });
    const error = await client.messages
      .create(params, { signal: controller.signal })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("secrets in errors", () => {
  it("masks the client's own key in an error even when it does not look like an Anthropic key", async () => {
    const key = "proxy-key-7f3a9c1e";
    const fetch = scriptedFetch(errorResponse(401, "authentication_error", `unknown key ${key}`));
    const client = new Anthropic({ apiKey: key, fetch });
    const error = await client.messages.create(params).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("unknown key ***");
    expect(JSON.stringify(error)).not.toContain(key);
    expect(String(error)).not.toContain(key);
  });

  it("keeps raw response headers out of inspection output", async () => {
    const { inspect } = await import("node:util");
    const { client } = scriptedClient([
      errorResponse(400, "invalid_request_error", "bad", { "set-cookie": "session=abc123" }),
    ]);
    const error = (await client.messages
      .create(params)
      .catch((caught: unknown) => caught)) as BadRequestError;
    expect(error.headers?.get("request-id")).toBe("req_test");
    expect(inspect(error)).not.toContain("abc123");
  });
});

describe("buildRequest, as in the official SDK", () => {
  const client = new Anthropic({ apiKey: "k", defaultHeaders: { "x-team": "web" } });

  it("returns the fetch init with final headers and a JSON body, the URL and the timeout", async () => {
    const { req, url, timeout } = await client.buildRequest({
      method: "post",
      path: "/v1/messages",
      body: params,
      query: { beta: true },
      timeout: 30_000,
      headers: { "x-call": "1" },
    });
    expect(url).toBe("https://api.anthropic.com/v1/messages?beta=true");
    expect(timeout).toBe(30_000);
    expect(req.method).toBe("POST");
    expect(req.body).toBe(JSON.stringify(params));
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(req.headers.get("x-api-key")).toBe("k");
    expect(req.headers.get("x-team")).toBe("web");
    expect(req.headers.get("x-call")).toBe("1");
    expect(req.headers.get("x-stainless-retry-count")).toBe("0");
    expect(req.headers.get("x-stainless-timeout")).toBe("30");
  });

  it("takes the retry count and falls back to the client's timeout", async () => {
    const { req, timeout } = await client.buildRequest(
      { method: "get", path: "/v1/models" },
      { retryCount: 2 },
    );
    expect(timeout).toBe(600_000);
    expect(req.headers.get("x-stainless-retry-count")).toBe("2");
    expect(req.headers.get("x-stainless-timeout")).toBe("600");
    expect(req.body).toBeUndefined();
    expect(req.headers.has("content-type")).toBe(false);
  });

  it.each([
    ["a Blob", () => new Blob(["abc"], { type: "text/plain" }), "text/plain"],
    ["an ArrayBuffer", () => new TextEncoder().encode("abc").buffer, null],
    ["a typed array", () => new TextEncoder().encode("abc"), null],
    [
      "URLSearchParams",
      () => new URLSearchParams({ a: "1" }),
      "application/x-www-form-urlencoded;charset=UTF-8",
    ],
    ["FormData", () => new FormData(), "multipart/form-data"],
  ])("passes %s through as it is, with the content type fetch gives it", async (_, makeBody, contentType) => {
    const body = makeBody();
    const { req, url } = await client.buildRequest({ method: "post", path: "/v1/files", body });
    expect(req.body).toBe(body);
    expect(req.headers.has("content-type")).toBe(false);
    const sent = new Request(url, req);
    if (contentType === null) expect(sent.headers.has("content-type")).toBe(false);
    else expect(sent.headers.get("content-type")).toContain(contentType);
  });

  it("passes a ReadableStream through half-duplex, and never retries a request that sends one", async () => {
    const stream = () => new ReadableStream({ start: (controller) => controller.close() });
    const body = stream();
    const { req } = await client.buildRequest({ method: "post", path: "/v1/upload", body });
    expect(req.body).toBe(body);
    expect((req as { duplex?: string }).duplex).toBe("half");
    const { client: sender, fetch } = scriptedClient([
      errorResponse(500, "api_error", "down", fast),
      jsonResponse({ ok: true }),
    ]);
    await expect(sender.post("/v1/upload", { body: stream() })).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(1);
  });

  it.each([
    [
      "an async generator",
      async function* () {
        yield new TextEncoder().encode("a\n");
        yield new TextEncoder().encode("b\n");
      },
    ],
    ["an iterator", () => [new TextEncoder().encode("a\nb\n")][Symbol.iterator]()],
  ])("sends the chunks of %s as a ReadableStream, never retried", async (_, makeBody) => {
    const { req } = await client.buildRequest({ method: "post", path: "/v1/upload", body: makeBody() });
    expect(req.body).toBeInstanceOf(ReadableStream);
    expect(req.headers.has("content-type")).toBe(false);
    expect(await new Response(req.body).text()).toBe("a\nb\n");
    const { client: sender, fetch } = scriptedClient([errorResponse(500, "api_error", "down", fast)]);
    await expect(sender.post("/v1/upload", { body: makeBody() })).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch.requests).toHaveLength(1);
  });

  it("sends arrays and objects, toJSON ones included, as JSON", async () => {
    class Serializable {
      toJSON() {
        return { kind: "serializable" };
      }
    }
    for (const body of [[1, 2], new Serializable(), { nested: { a: 1 } }]) {
      const { req } = await client.buildRequest({ method: "post", path: "/x", body });
      expect(req.body).toBe(JSON.stringify(body));
      expect(req.headers.get("content-type")).toBe("application/json");
    }
  });

  it("sends a string as it is when the call sets its content type, else as a JSON string", async () => {
    const raw = await client.buildRequest({
      method: "post",
      path: "/x",
      body: "a=1",
      headers: { "Content-Type": "text/plain" },
    });
    expect(raw.req.body).toBe("a=1");
    expect(raw.req.headers.get("content-type")).toBe("text/plain");
    const json = await client.buildRequest({ method: "post", path: "/x", body: "a=1" });
    expect(json.req.body).toBe('"a=1"');
  });
});

describe("the x-stainless-timeout header", () => {
  it("sends each attempt's timeout in whole seconds, as the official SDK does", async () => {
    const { client, fetch } = scriptedClient([
      jsonResponse(message),
      jsonResponse(message),
      jsonResponse(message),
    ]);
    await client.messages.create(params);
    await client.messages.create(params, { timeout: 2_500 });
    await client.withOptions({ timeout: 90_000 }).messages.create(params);
    expect(fetch.requests.map((request) => request.headers.get("x-stainless-timeout"))).toEqual([
      "600",
      "2",
      "90",
    ]);
  });
});

describe("URLs and paths", () => {
  it("keeps the base URL as given, trailing slash included, and joins paths to it either way", async () => {
    for (const baseURL of ["http://localhost:5000/custom/path/", "http://localhost:5000/custom/path"]) {
      const client = new Anthropic({ apiKey: "k", baseURL });
      expect(client.baseURL).toBe(baseURL);
      expect(client.buildURL("/v1/messages", undefined)).toBe(
        "http://localhost:5000/custom/path/v1/messages",
      );
      expect(client.buildURL("v1/messages", {})).toBe("http://localhost:5000/custom/path/v1/messages");
    }
  });

  it("buildURL uses its third argument, a default base URL, only while the client has the default one", () => {
    const plain = new Anthropic({ apiKey: "k" });
    expect(plain.buildURL("/v1/x", { a: 1 }, "http://regional.example")).toBe(
      "http://regional.example/v1/x?a=1",
    );
    const custom = new Anthropic({ apiKey: "k", baseURL: "http://mine.example" });
    expect(custom.buildURL("/v1/x", undefined, "http://regional.example")).toBe("http://mine.example/v1/x");
  });

  it("the path option overrides a method's path", async () => {
    const { client, fetch } = scriptedClient([
      jsonResponse(message),
      jsonResponse({ data: [], has_more: false }),
    ]);
    await client.messages.create(params, { path: "/v2/messages" });
    await client.models.list({}, { path: "/v2/models" });
    expect(fetch.requests.map((request) => new URL(request.url).pathname)).toEqual([
      "/v2/messages",
      "/v2/models",
    ]);
  });
});

describe("withOptions", () => {
  it("starts from the client's current properties, not only the options it was made with", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], { maxRetries: 5 });
    client.baseURL = "http://changed.example/";
    client.apiKey = "k2";
    client.timeout = 1_000;
    const copy = client.withOptions({});
    expect(copy.baseURL).toBe("http://changed.example/");
    expect(copy.maxRetries).toBe(5);
    expect(copy.timeout).toBe(1_000);
    await copy.messages.create(params);
    expect(fetch.requests[0]!.url).toBe("http://changed.example/v1/messages");
    expect(fetch.requests[0]!.headers.get("x-api-key")).toBe("k2");
  });

  it("keeps a default timeout unset, so the copy still refuses a non-streaming call that could outlast it", () => {
    const copy = new Anthropic({ apiKey: "k" }).withOptions({ maxRetries: 1 });
    expect(copy.timeout).toBe(600_000);
    expect(() => copy.messages.create({ ...params, max_tokens: 64_000 })).toThrow(/Streaming is required/);
  });
});

describe("defaultHeaders", () => {
  it("skips an entry set to undefined and removes the client's header for one set to null", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], {
      defaultHeaders: { "x-skipped": undefined, "x-stainless-retry-count": null, accept: null },
    });
    await client.messages.create(params);
    const { headers } = fetch.requests[0]!;
    expect(headers.has("x-skipped")).toBe(false);
    expect(headers.has("x-stainless-retry-count")).toBe(false);
    expect(headers.has("accept")).toBe(false);
    expect(headers.get("x-api-key")).toBe("k");
  });

  it("lets a call's header bring back one the defaults removed", async () => {
    const { client, fetch } = scriptedClient([jsonResponse(message)], { defaultHeaders: { "x-team": null } });
    await client.messages.create(params, { headers: { "x-team": "web" } });
    expect(fetch.requests[0]!.headers.get("x-team")).toBe("web");
  });
});

describe("response metadata", () => {
  it("puts _request_id and _workspace_id on results, out of JSON", async () => {
    const { client } = scriptedClient([
      jsonResponse(message, 200, { "request-id": "req_9", "anthropic-workspace-id": "wrkspc_9" }),
      jsonResponse(message),
    ]);
    const result = (await client.messages.create(params)) as typeof message & {
      _request_id: string | null;
      _workspace_id: string | null;
    };
    expect(result._request_id).toBe("req_9");
    expect(result._workspace_id).toBe("wrkspc_9");
    expect(Object.keys(result)).not.toContain("_workspace_id");
    expect(JSON.parse(JSON.stringify(result))).toEqual(message);
    const without = (await client.messages.create(params)) as { _workspace_id?: string | null };
    expect(without._workspace_id).toBeNull();
  });
});

describe("response metadata of a MessageStream", () => {
  const sse = (events: object[]) =>
    events
      .map((event) => `event: ${(event as { type: string }).type}\ndata: ${JSON.stringify(event)}\n\n`)
      .join("");
  const body = sse([
    { type: "message_start", message: { ...message, content: [], stop_reason: null } },
    {
      type: "message_delta",
      delta: { stop_reason: "end_turn", stop_sequence: null },
      usage: { output_tokens: 2 },
    },
    { type: "message_stop" },
  ]);

  it("has request_id and workspace_id, and gives them from withResponse()", async () => {
    const headers = {
      "content-type": "text/event-stream",
      "request-id": "req_s",
      "anthropic-workspace-id": "wrkspc_s",
    };
    const fetch = scriptedFetch(new Response(body, { headers }));
    const stream = new Anthropic({ apiKey: "k", fetch }).messages.stream(params);
    expect(stream.workspace_id).toBeUndefined();
    const { request_id, workspace_id } = await stream.withResponse();
    expect([request_id, workspace_id]).toEqual(["req_s", "wrkspc_s"]);
    await stream.done();
    expect([stream.request_id, stream.workspace_id]).toEqual(["req_s", "wrkspc_s"]);
  });

  it("has a null workspace_id when the response does not name one", async () => {
    const fetch = scriptedFetch(new Response(body, { headers: { "content-type": "text/event-stream" } }));
    const stream = new Anthropic({ apiKey: "k", fetch }).messages.stream(params);
    await stream.done();
    expect(stream.workspace_id).toBeNull();
  });
});

describe("log level", () => {
  const collect = () => {
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);
    return { lines, logger: { debug: log, info: log, warn: log, error: log } };
  };

  it("warns once through the logger about an ANTHROPIC_LOG that is no level, naming the valid ones", async () => {
    vi.stubEnv("ANTHROPIC_LOG", "verbose");
    const { lines, logger } = collect();
    const { client } = scriptedClient([jsonResponse(message), jsonResponse(message)], { logger });
    await client.messages.create(params);
    await client.messages.create(params);
    expect(lines).toEqual([
      `process.env['ANTHROPIC_LOG'] was set to "verbose", expected one of ["off","error","warn","info","debug"]`,
    ]);
    expect(client.logLevel).toBe("warn");
  });

  it("warns about a logLevel option that is no level, and falls back to ANTHROPIC_LOG", () => {
    vi.stubEnv("ANTHROPIC_LOG", "info");
    const { lines, logger } = collect();
    const client = new Anthropic({ apiKey: "k", logger, logLevel: "loud" as never });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^ClientOptions.logLevel was set to "loud", expected one of \["off","error","warn","info","debug"\]$/,
    );
    expect(client.logLevel).toBe("info");
  });

  it("follows a logLevel changed after the client was made, still masking the key", async () => {
    const { lines, logger } = collect();
    const fetch = scriptedFetch(jsonResponse(message), jsonResponse(message));
    const client = new Anthropic({ apiKey: "sk-ant-api03-secretvalue", fetch, logger });
    await client.messages.create(params);
    expect(lines).toEqual([]);
    client.logLevel = "debug";
    await client.messages.create(params);
    expect(lines.some((line) => line.includes("POST https://api.anthropic.com/v1/messages"))).toBe(true);
    expect(JSON.stringify(lines)).not.toContain("secretvalue");
    expect(client.withOptions({}).logLevel).toBe("debug");
  });

  it("stays silent for a valid ANTHROPIC_LOG", () => {
    vi.stubEnv("ANTHROPIC_LOG", "error");
    const { lines, logger } = collect();
    expect(new Anthropic({ apiKey: "k", logger }).logLevel).toBe("error");
    expect(lines).toEqual([]);
  });
});

describe("the caller's signal after a call", () => {
  const listeners = (signal: AbortSignal) => getEventListeners(signal, "abort").length;

  it("keeps no listener once calls have settled, failed, been retried, timed out or been taken raw", async () => {
    const session = new AbortController();
    const options = { signal: session.signal };
    const { client, fetch } = scriptedClient([
      jsonResponse(message),
      errorResponse(400, "invalid_request_error", "bad"),
      errorResponse(529, "overloaded_error", "busy", fast),
      jsonResponse(message),
      jsonResponse(message),
    ]);
    await client.messages.create(params, options);
    await expect(client.messages.create(params, options)).rejects.toBeInstanceOf(BadRequestError);
    await client.messages.create(params, options);
    await (await client.messages.create(params, options).asResponse()).text();
    expect(fetch.requests).toHaveLength(5);
    const timingOut = new Anthropic({ apiKey: "k", fetch: hangingFetch(), timeout: 1, maxRetries: 0 });
    await expect(timingOut.messages.create(params, options)).rejects.toBeInstanceOf(
      APIConnectionTimeoutError,
    );
    expect(listeners(session.signal)).toBe(0);
  });

  it("holds one listener while a call is in flight (what the count above would show)", async () => {
    const session = new AbortController();
    const fetch = hangingFetch();
    const pending = new Anthropic({ apiKey: "k", fetch }).messages.create(params, { signal: session.signal });
    await vi.waitFor(() => expect(fetch.requests).toHaveLength(1));
    expect(listeners(session.signal)).toBe(1);
    session.abort();
    await expect(pending).rejects.toBeInstanceOf(APIUserAbortError);
    expect(listeners(session.signal)).toBe(0);
  });
});

describe("bad timeout and maxRetries values", () => {
  it.each([
    ["timeout", -1],
    ["timeout", 1.5],
    ["maxRetries", -1],
    ["maxRetries", Number.NaN],
    ["maxRetries", "2"],
  ])("a %s of %o rejects with a typed error naming it, before anything is sent", async (name, value) => {
    const { client: fromClient, fetch } = scriptedClient([jsonResponse(message)], { [name]: value });
    await expect(fromClient.messages.create(params)).rejects.toThrow(
      new RegExp(`^${name} must be a whole number of at least 0`),
    );
    const client = new Anthropic({ apiKey: "k", fetch });
    await expect(client.messages.create(params, { [name]: value })).rejects.toBeInstanceOf(AnthropicError);
    expect(fetch.requests).toHaveLength(0);
  });
});

describe("httpAgent", () => {
  // Without `@colloquy/client/shims/node` it is refused, and with it honoured: src/shims/node.test.ts.
  it("is refused together with a fetch of the caller's, which could not use it, before anything is sent", async () => {
    const fetch = scriptedFetch(jsonResponse(message));
    expect(() => new Anthropic({ apiKey: "k", fetch, httpAgent: {} })).toThrow(AnthropicError);
    const client = new Anthropic({ apiKey: "k", fetch });
    const error = await client.messages.create(params, { httpAgent: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnthropicError);
    expect((error as Error).message).toMatch(/`httpAgent` or `fetch`, not both/);
    expect(fetch.requests).toHaveLength(0);
  });
});
