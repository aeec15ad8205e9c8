import { BatchStore } from "./batch-store.js";
import { applyCorsHeaders, isPreflight, isRefusedBrowserRequest, preflightResponse } from "./cors.js";
import { errorResponse, invalidRequest, MockApiError } from "./errors.js";
import { createIdGenerator, hashString } from "./ids.js";
import { latencyFor, sleep } from "./latency.js";
import { buildCatalog, type ModelOption } from "./models-catalog.js";
import { createPromptCache } from "./prompt-cache.js";
import { RateLimiter, type RateLimits } from "./rate-limiter.js";
import type { MockState, RouteContext } from "./route-context.js";
import { apiPath, findRoute, normaliseBasePath } from "./router.js";
import { type MockTriggers, readTriggers, TRIGGER_HEADER } from "./triggers.js";
import { SUPPORTED_VERSIONS } from "./validation.js";

/** Options of {@link createMockApi}. */
export interface MockApiOptions {
  /** When set, only this key is accepted (as `x-api-key` or `Authorization: Bearer`); otherwise any non-empty key. */
  apiKey?: string | undefined;
  /**
   * Pause between stream events, in milliseconds.
   * @default 0
   */
  streamDelayMs?: number | undefined;
  /**
   * How long a Message Batch stays `in_progress`; its requests finish evenly over this time.
   * @default 50
   */
  batchProcessingMs?: number | undefined;
  /**
   * Move `request_counts` as each request finishes. The real API counts every request as `processing`
   * until the whole batch has ended; turn this on for a progress bar that moves in a demo.
   * @default false
   */
  progressiveBatchCounts?: boolean | undefined;
  /** The models served (ids or partial `ModelInfo`s); known ids keep their catalog data. @default every model the SDK knows */
  models?: readonly ModelOption[] | undefined;
  /**
   * Seed of the generated ids and replies: the same seed and the same requests give the same answers.
   * @default "colloquy"
   */
  seed?: string | number | undefined;
  /**
   * The clock (epoch milliseconds or a Date), for timestamps and batch progress.
   * @default Date.now
   */
  now?: (() => number | Date) | undefined;
  /**
   * Origin (and optional path prefix) used for absolute URLs such as a batch's `results_url`.
   * @default the origin of each request
   */
  baseURL?: string | undefined;
  /**
   * Refuse browser requests (with `Origin`) that lack `anthropic-dangerous-direct-browser-access: true`, like the real API.
   * @default true
   */
  requireDirectBrowserAccessHeader?: boolean | undefined;
  /**
   * Path prefix the API is mounted under, e.g. `"/api/anthropic"` to serve
   * `/api/anthropic/v1/messages`. Like the real API, every other path is a 404 `not_found_error`
   * (`/anything/v1/messages` included), so a wrong `baseURL` fails in tests as it fails in production.
   * @default "" (paths start with `/v1/`)
   */
  basePath?: string | undefined;
  /**
   * Time to first byte of every response, in milliseconds: the mock waits this long before it answers
   * (streams then start at once and are paced by `streamDelayMs`). An aborted request stops waiting.
   * The `latency=MS` trigger overrides it for one request.
   * @default 0
   */
  latencyMs?: number | undefined;
  /**
   * Adds between 0 and this many milliseconds to `latencyMs`, drawn from `seed` and the request's
   * sequence number, so one run of requests always waits the same times.
   * @default 0
   */
  latencyJitterMs?: number | undefined;
  /**
   * Per-minute budgets enforced on `POST /v1/messages` (a 429 `rate_limit_error` with `retry-after`
   * when one is spent). Every response reports them in `anthropic-ratelimit-*` headers; budgets left
   * out are reported with generous defaults and not enforced.
   * @default no budget enforced
   * @example
   * createMockApi({ rateLimits: { requestsPerMinute: 5, outputTokensPerMinute: 8000 } })
   */
  rateLimits?: RateLimits | undefined;
  /**
   * Answer a repeated identical request (same path, body and trigger header) with the next variant of
   * its reply, as a model samples a new answer on "Regenerate": the first answer is variant 1, the
   * next variant 2, and so on. Still deterministic: the same run of requests gives the same answers.
   * Set it to false to answer every identical request identically.
   * @default true
   */
  varyRepeatedRequests?: boolean | undefined;
}

/** Per-call options of {@link MockApi.handle}. */
export interface HandleOptions {
  /** Serves this request under this path prefix instead of the instance's `basePath` (msw uses it per base URL). */
  basePath?: string | undefined;
  /**
   * When the request reached the server, as a `performance.now()` reading (the latency runs on that
   * clock: monotonic, and finer than a millisecond). The latency counts from here, so time the request
   * spent queued behind others, or reading its body, is part of it. Default: when `handle` is called.
   */
  receivedAt?: number | undefined;
}

/** A mock Anthropic API: a fetch handler with its own state (batches, prompt cache, retry counters). */
export interface MockApi {
  /** Answers one request, as `https://api.anthropic.com` would. */
  handle(request: Request, options?: HandleOptions): Promise<Response>;
  /**
   * Forgets every batch, cached prompt, `fail-times` and repeat counter and spent rate-limit budget,
   * and restarts the id sequence.
   */
  reset(): void;
}

const ORGANIZATION_ID = "00000000-0000-4000-8000-00000000c011";

function authenticate(request: Request, apiKey: string | undefined): void {
  const headerKey = request.headers.get("x-api-key");
  const authorization = request.headers.get("authorization");
  const bearer = authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const key = headerKey || bearer;
  if (!key) throw new MockApiError("authentication_error", "x-api-key header is required");
  if (apiKey !== undefined && key !== apiKey)
    throw new MockApiError("authentication_error", "invalid x-api-key");
}

function checkVersion(request: Request): string {
  const version = request.headers.get("anthropic-version");
  if (!version) throw invalidRequest("anthropic-version: header is required");
  if (!(SUPPORTED_VERSIONS as readonly string[]).includes(version)) {
    throw invalidRequest(
      `anthropic-version: '${version}' is not a valid version; use one of ${SUPPORTED_VERSIONS.join(", ")}`,
    );
  }
  return version;
}

async function readJsonBody(request: Request, maxBytes: number): Promise<{ body: unknown; text: string }> {
  const encoding = request.headers.get("content-encoding");
  if (encoding && encoding.toLowerCase() !== "identity") {
    throw new MockApiError(
      "invalid_request_error",
      `Content-Encoding '${encoding}' is not supported by the mock`,
      {
        details: { error_code: "request_body_encoding_unsupported" },
      },
    );
  }
  const tooLarge = () =>
    new MockApiError(
      "request_too_large",
      `Request exceeds the maximum allowed number of bytes (${maxBytes}).`,
    );
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
  const text = new TextDecoder().decode(await readAtMost(request, maxBytes, tooLarge));
  if (text.trim().length === 0) throw invalidRequest("body: a JSON request body is required");
  try {
    return { body: JSON.parse(text), text };
  } catch (error) {
    throw invalidRequest(`There was an error parsing the body: ${(error as Error).message}`);
  }
}

/** Reads a body but stops (and cancels it) as soon as it passes `maxBytes`, so a huge body is never held. */
async function readAtMost(request: Request, maxBytes: number, tooLarge: () => Error): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function triggeredError(triggers: MockTriggers): MockApiError {
  const { status, type } = triggers.error ?? { status: 529, type: "overloaded_error" as const };
  const headers: Record<string, string> = {};
  const retryAfter = triggers.retryAfter ?? (status === 429 || status === 529 ? "1" : undefined);
  if (retryAfter !== undefined) headers["retry-after"] = retryAfter;
  if (triggers.retryAfterMs !== undefined) headers["retry-after-ms"] = triggers.retryAfterMs;
  if (triggers.shouldRetry !== undefined) headers["x-should-retry"] = triggers.shouldRetry;
  const message =
    type === "rate_limit_error"
      ? "Number of request tokens has exceeded your per-minute rate limit (mock trigger)."
      : type === "overloaded_error"
        ? "Overloaded"
        : `Mock error ${status} requested by a trigger`;
  return new MockApiError(type, message, { status, headers });
}

function nonNegative(value: number | undefined, name: string): number {
  if (value === undefined) return 0;
  if (!Number.isFinite(value) || value < 0) {
    throw new TypeError(`mock-api: ${name} must be a number of milliseconds >= 0, got ${value}`);
  }
  return value;
}

/**
 * Creates a mock Anthropic API. It uses only Web fetch types (Request, Response, ReadableStream), so it
 * runs in Node, browsers (behind msw) and workers; state lives in the returned instance.
 *
 * @example
 * const api = createMockApi({ seed: 1 });
 * const response = await api.handle(new Request("https://api.anthropic.com/v1/models", { headers }));
 */
export function createMockApi(options: MockApiOptions = {}): MockApi {
  const clock = options.now ?? Date.now;
  const now = () => {
    const value = clock();
    return typeof value === "number" ? value : value.getTime();
  };
  const seed = String(options.seed ?? "colloquy");
  const state: MockState = {
    seed,
    streamDelayMs: options.streamDelayMs ?? 0,
    batchProcessingMs: options.batchProcessingMs ?? 50,
    progressiveBatchCounts: options.progressiveBatchCounts ?? false,
    baseURL: options.baseURL?.replace(/\/+$/, ""),
    catalog: buildCatalog(options.models),
    ids: createIdGenerator(seed),
    cache: createPromptCache(now),
    batches: new BatchStore(),
    limiter: new RateLimiter(options.rateLimits, now),
    repeats: new Map(),
    varyRepeatedRequests: options.varyRepeatedRequests ?? true,
    now,
  };
  const requireBrowserHeader = options.requireDirectBrowserAccessHeader ?? true;
  const instanceBasePath = normaliseBasePath(options.basePath);
  const latencyMs = nonNegative(options.latencyMs, "latencyMs");
  const latencyJitterMs = nonNegative(options.latencyJitterMs, "latencyJitterMs");
  const attempts = new Map<number, number>();
  let requestCount = 0;

  /** What routing learned that the response needs: the latency asked for by a trigger. */
  interface Exchange {
    latencyMs?: number | undefined;
  }

  async function route(
    request: Request,
    requestId: string,
    basePath: string,
    exchange: Exchange,
  ): Promise<Response> {
    if (isPreflight(request)) return preflightResponse(request);
    const url = new URL(request.url);
    const path = apiPath(url.pathname, basePath);
    if (requireBrowserHeader && isRefusedBrowserRequest(request)) {
      throw new MockApiError(
        "authentication_error",
        "CORS requests must set 'anthropic-dangerous-direct-browser-access' header",
      );
    }
    authenticate(request, options.apiKey);
    const found = path === undefined ? undefined : findRoute(request.method, path);
    if (!found) throw new MockApiError("not_found_error", `Not found: ${request.method} ${url.pathname}`);
    const version = checkVersion(request);
    const { body, text } = found.route.maxBodyBytes
      ? await readJsonBody(request, found.route.maxBodyBytes)
      : { body: undefined, text: "" };
    const triggers = readTriggers(request.headers, body);
    exchange.latencyMs = triggers.latencyMs;
    const key = hashString(
      `${request.method} ${path}${url.search}\n${request.headers.get(TRIGGER_HEADER)}\n${text}`,
    );
    if (triggers.failTimes !== undefined) {
      const count = attempts.get(key) ?? 0;
      const failsMidStream =
        !triggers.error && (triggers.streamError !== undefined || triggers.drop === true);
      if (count < triggers.failTimes) {
        attempts.set(key, count + 1);
        // A mid-stream failure happens in the reply itself; an HTTP error happens here.
        if (!failsMidStream) throw triggeredError(triggers);
      } else if (failsMidStream) {
        // Past its failures, the same request streams through whole (a Retry from the chat box works).
        delete triggers.streamError;
        delete triggers.drop;
      }
    } else if (triggers.error) {
      throw triggeredError(triggers);
    }
    const context: RouteContext = {
      request,
      url,
      params: found.params,
      requestId,
      version,
      body,
      triggers,
      signal: request.signal,
      serverBase: state.baseURL ?? `${url.origin}${basePath}`,
      requestKey: key,
    };
    return found.route.handler(state, context);
  }

  return {
    async handle(request, handleOptions = {}) {
      // The latency counts from arrival, so the time spent answering is part of it, not added to it.
      const arrivedAt = handleOptions.receivedAt ?? performance.now();
      const requestNumber = requestCount++;
      const requestId = state.ids.next("request");
      const basePath =
        handleOptions.basePath === undefined ? instanceBasePath : normaliseBasePath(handleOptions.basePath);
      const exchange: Exchange = {};
      let response: Response;
      try {
        response = await route(request, requestId, basePath, exchange);
      } catch (error) {
        const apiError =
          error instanceof MockApiError
            ? error
            : new MockApiError(
                "api_error",
                `Internal server error in the mock: ${(error as Error)?.message}`,
              );
        response = errorResponse(apiError, requestId);
      }
      const headers = new Headers(response.headers);
      headers.set("request-id", requestId);
      headers.set("anthropic-organization-id", ORGANIZATION_ID);
      for (const [name, value] of Object.entries(state.limiter.headers())) headers.set(name, value);
      applyCorsHeaders(request, headers);
      const answer = new Response(response.body, { status: response.status, headers });
      // Everything is ready before the wait, so the first byte leaves as soon as it ends.
      const latency =
        (exchange.latencyMs ?? latencyFor(seed, requestNumber, latencyMs, latencyJitterMs)) -
        (performance.now() - arrivedAt);
      if (latency > 0) {
        try {
          await sleep(latency, request.signal);
        } catch (error) {
          await answer.body?.cancel().catch(() => {});
          throw error;
        }
      }
      return answer;
    },
    reset() {
      state.ids.reset();
      state.cache.clear();
      state.batches.clear();
      state.repeats.clear();
      state.limiter = new RateLimiter(options.rateLimits, now);
      attempts.clear();
      requestCount = 0;
    },
  };
}
