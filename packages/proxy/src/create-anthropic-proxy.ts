import { readEnv, redactDeep, redactHeaders } from "@colloquy/client";
import {
  type CorsOptions,
  checkOrigin,
  type OriginCheck,
  preflightResponse,
  withCorsHeaders,
} from "./cors.js";
import { errorResponse } from "./error-response.js";
import { CREDENTIAL_HEADERS, returnedResponseHeaders, upstreamRequestHeaders } from "./forwarded-headers.js";
import {
  createMemoryRateLimitStore,
  type RateLimitDecision,
  type RateLimitStore,
  type TokenBucketOptions,
} from "./rate-limit.js";
import { readLimitedBody } from "./read-limited-body.js";
import { checkRequestBody, type RequestPolicy } from "./request-policy.js";
import { filterModelsBody, rewriteBatchBody } from "./rewrite-response.js";
import { ALL_ROUTES, type MatchedRoute, matchRoute, type ProxyRoute } from "./routes.js";

/** Who is calling, as the app's own session check says. */
export interface ProxyUser {
  /** The app's id for the user: the rate limit is per `userId`, and hooks receive it. */
  userId: string;
}

/** A Web fetch handler: the proxy itself. */
export type ProxyHandler = (request: Request) => Promise<Response>;

/** The per-user rate limit: a token bucket per `userId`. */
export interface RateLimitOptions extends TokenBucketOptions {
  /**
   * Where buckets live; implement {@link RateLimitStore} to share limits between servers.
   * @default an in-memory store (this process only)
   */
  store?: RateLimitStore;
}

/** What hooks learn about a request. Header values that are secrets are masked, and the key never appears. */
export interface ProxyRequestInfo {
  /** An id for this request, to join `onRequest` and `onResponse` lines. */
  id: string;
  /** `undefined` until `authorize` has accepted the request. */
  userId: string | undefined;
  method: string;
  /** The path as the browser sent it, query included. */
  url: string;
  /** The call, e.g. `messages.create`; `undefined` when the path is outside the allow-list. */
  operation: string | undefined;
  /** The model of a Messages or count_tokens request. */
  model: string | undefined;
  /** The browser's headers, with `x-api-key`, `authorization` and cookies masked. */
  headers: Record<string, string>;
}

/** What `onResponse` learns: the request, plus the outcome. */
export interface ProxyResponseInfo extends ProxyRequestInfo {
  status: number;
  /** Upstream's `request-id`, `null` when the proxy answered by itself. */
  requestId: string | null;
  /** Milliseconds from the request to the response's headers (a stream's body may still be flowing). */
  durationMs: number;
  /** Why the proxy failed, when it threw (in `authorize`, a hook or the upstream call); redacted. */
  error?: string;
}

/** Options of {@link createAnthropicProxy}. */
export interface AnthropicProxyOptions {
  /**
   * The API key, held by the server. A function is called per request (rotate keys without a restart).
   * @default process.env.ANTHROPIC_API_KEY, read per request
   */
  apiKey?: string | (() => string | undefined | Promise<string | undefined>);
  /**
   * Where requests go.
   * @default "https://api.anthropic.com"
   */
  baseURL?: string;
  /**
   * The path the proxy is mounted at: the browser client's `baseURL` is your origin plus this prefix.
   * @default ""
   * @example "/api/anthropic"
   */
  prefix?: string;
  /**
   * Your app's own session check. Return `{ userId }` to let the request through, `null` to refuse it
   * with 401, or a Response (for instance `errorResponse(403, "permission_error", "…")`) to answer with.
   * Required unless `allowAnonymous: true`.
   */
  authorize?: (
    request: Request,
  ) => ProxyUser | Response | null | undefined | Promise<ProxyUser | Response | null | undefined>;
  /**
   * Let anyone who can reach the proxy spend your key (a local demo, an intranet tool). Every anonymous
   * request shares the user id `"anonymous"` and so one rate-limit bucket.
   * @default false
   */
  allowAnonymous?: boolean;
  /**
   * The route groups the browser may call. Nothing outside `messages`, `count_tokens`, `models` and
   * `batches` is ever forwarded.
   * @default ["messages", "count_tokens", "models", "batches"]
   */
  routes?: readonly ProxyRoute[];
  /**
   * The models the browser may use (exact ids), or a predicate. `models.list` shows only these.
   * @default every model
   */
  models?: readonly string[] | ((model: string) => boolean);
  /**
   * Highest `max_tokens` accepted in a Messages request or a batch; above it the request is refused
   * with 400 `invalid_request_error`.
   * @default no cap
   */
  maxTokens?: number;
  /**
   * Largest request body accepted, in bytes; above it, 413 `request_too_large`.
   * @default 4 MiB
   */
  maxBodyBytes?: number;
  /**
   * The per-user rate limit, e.g. `{ capacity: 20, refillPerSecond: 1 }`: bursts of 20 requests, then
   * one per second. Refused requests get 429 `rate_limit_error` with `retry-after`.
   * @default no limit
   */
  rateLimit?: RateLimitOptions;
  /**
   * Cross-origin access. By default the proxy serves its own origin only: a request whose `Origin`
   * is another site gets 403 `permission_error`.
   */
  cors?: CorsOptions;
  /**
   * Extra request headers to forward (lower case), beyond `anthropic-version`, `anthropic-beta`,
   * `content-type`, `accept`, `idempotency-key`, `user-agent` and `x-stainless-*`. Credential headers
   * cannot be listed.
   * @default []
   */
  forwardHeaders?: readonly string[];
  /**
   * The proxy's address as browsers see it, for rewriting a batch's `results_url`; set it when
   * `request.url` shows an internal host (behind a load balancer).
   * @default the request's origin plus `prefix`
   */
  publicBaseURL?: string;
  /** Called before a request is forwarded upstream (after authorization and every check). Awaited; if it throws, the request is refused with 500. */
  onRequest?: (info: ProxyRequestInfo) => void | Promise<void>;
  /** Called with every answer, the proxy's own refusals included. Awaited; what it throws is ignored. */
  onResponse?: (info: ProxyResponseInfo) => void | Promise<void>;
  /**
   * The `fetch` used to call upstream.
   * @default globalThis.fetch
   */
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * The clock of the rate limit, in ms since the epoch.
   * @default Date.now
   */
  now?: () => number;
}

const DEFAULT_BASE_URL = "https://api.anthropic.com";
const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
const ANONYMOUS_USER = "anonymous";

/** A request's record while it is handled; `error` is set when something threw. */
type Progress = ProxyRequestInfo & { error?: string };

/** The options, checked once when the proxy is created. */
interface Settings {
  prefix: string;
  upstreamBase: URL;
  upstreamBaseText: string;
  routes: readonly ProxyRoute[];
  policy: RequestPolicy;
  maxBodyBytes: number;
  forwardHeaders: ReadonlySet<string>;
  rateLimit: { bucket: TokenBucketOptions; store: RateLimitStore } | undefined;
}

function settingsOf(options: AnthropicProxyOptions): Settings {
  if (!options.authorize && options.allowAnonymous !== true) {
    throw new TypeError(
      "createAnthropicProxy: pass `authorize` (your session check) or set `allowAnonymous: true` explicitly.",
    );
  }
  const prefix = (options.prefix ?? "").replace(/\/+$/, "");
  if (prefix !== "" && !/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix))
    throw new TypeError(
      `createAnthropicProxy: prefix must look like "/api/anthropic", got ${JSON.stringify(options.prefix)}.`,
    );

  const baseText = options.baseURL ?? DEFAULT_BASE_URL;
  let upstreamBase: URL;
  try {
    upstreamBase = new URL(baseText);
  } catch {
    throw new TypeError(`createAnthropicProxy: baseURL is not a URL: ${JSON.stringify(baseText)}.`);
  }
  if (!/^https?:$/.test(upstreamBase.protocol) || upstreamBase.search || upstreamBase.hash)
    throw new TypeError("createAnthropicProxy: baseURL must be an http(s) URL without query or fragment.");

  const routes = options.routes ?? ALL_ROUTES;
  for (const route of routes) {
    if (!ALL_ROUTES.includes(route))
      throw new TypeError(
        `createAnthropicProxy: unknown route ${JSON.stringify(route)}; use ${ALL_ROUTES.join(", ")}.`,
      );
  }
  for (const name of options.forwardHeaders ?? []) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase()))
      throw new TypeError(`createAnthropicProxy: ${name} carries credentials and is never forwarded.`);
  }
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0))
      throw new TypeError(`createAnthropicProxy: ${name} must be a positive number, got ${value}.`);
  };
  positive("maxTokens", options.maxTokens);
  positive("maxBodyBytes", options.maxBodyBytes);
  positive("rateLimit.capacity", options.rateLimit?.capacity);
  positive("rateLimit.refillPerSecond", options.rateLimit?.refillPerSecond);

  const models = options.models;
  let allowsModel: ((model: string) => boolean) | undefined;
  if (typeof models === "function") allowsModel = models;
  else if (models) allowsModel = (model) => models.includes(model);

  return {
    prefix,
    upstreamBase,
    upstreamBaseText: upstreamBase.href.replace(/\/+$/, ""),
    routes,
    policy: { allowsModel, maxTokens: options.maxTokens },
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    forwardHeaders: new Set((options.forwardHeaders ?? []).map((name) => name.toLowerCase())),
    rateLimit: options.rateLimit && {
      bucket: { capacity: options.rateLimit.capacity, refillPerSecond: options.rateLimit.refillPerSecond },
      store: options.rateLimit.store ?? createMemoryRateLimitStore(),
    },
  };
}

/** The 429 for a refused request, with the wait in both retry headers (the clients prefer `retry-after-ms`). */
function rateLimited(decision: RateLimitDecision): Response {
  return errorResponse(429, "rate_limit_error", "Too many requests through this proxy; retry later.", {
    "retry-after": String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000))),
    "retry-after-ms": String(decision.retryAfterMs),
  });
}

/**
 * Creates the proxy: a Web fetch handler for a server route (Next.js, Hono, Bun.serve, Deno.serve,
 * Workers). It holds the key, authorizes each request with your check, forwards only the API routes a
 * browser app needs, enforces the model and `max_tokens` limits and the rate limit, streams responses
 * through unbuffered, and answers in the API's error envelope.
 *
 * @example
 * // app/api/anthropic/[...path]/route.ts (Next.js)
 * const proxy = createAnthropicProxy({ prefix: "/api/anthropic", authorize: async () => ({ userId: await currentUserId() }) });
 * export { proxy as GET, proxy as POST, proxy as DELETE };
 */
export function createAnthropicProxy(options: AnthropicProxyOptions): ProxyHandler {
  const settings = settingsOf(options);
  const fetchUpstream = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const readKey = async () => {
    const key = typeof options.apiKey === "function" ? await options.apiKey() : options.apiKey;
    return key || readEnv("ANTHROPIC_API_KEY");
  };

  /** Everything between the route check and the answer; `info` is filled in as the request goes. */
  async function answer(
    request: Request,
    info: Progress,
    matched: MatchedRoute,
    secrets: string[],
  ): Promise<Response> {
    const user = options.authorize ? await options.authorize(request) : { userId: ANONYMOUS_USER };
    if (user instanceof Response) return user;
    if (!user || typeof user.userId !== "string" || user.userId === "")
      return errorResponse(401, "authentication_error", "Sign in to use this proxy.");
    info.userId = user.userId;

    if (settings.rateLimit) {
      const { bucket, store } = settings.rateLimit;
      const decision = await store.take(user.userId, bucket, now());
      if (!decision.allowed) return rateLimited(decision);
    }

    if (
      matched.operation === "models.retrieve" &&
      matched.id &&
      settings.policy.allowsModel?.(matched.id) === false
    )
      return errorResponse(
        404,
        "not_found_error",
        `model: ${matched.id} is not available through this proxy.`,
      );

    let body: Uint8Array | undefined;
    if (request.method === "POST") {
      body = await readLimitedBody(request, settings.maxBodyBytes);
      if (!body)
        return errorResponse(
          413,
          "request_too_large",
          `The request body is over this proxy's limit of ${settings.maxBodyBytes} bytes.`,
        );
      const checked = checkRequestBody(matched, body, settings.policy);
      if (checked.refusal) return checked.refusal;
      info.model = checked.model;
    }

    const apiKey = await readKey();
    if (!apiKey)
      return errorResponse(
        401,
        "authentication_error",
        "The proxy has no API key: set ANTHROPIC_API_KEY on the server.",
      );
    secrets.push(apiKey);

    await options.onRequest?.(redactDeep(info, secrets) as ProxyRequestInfo);

    const search = new URL(request.url).search;
    let upstream: Response;
    try {
      upstream = await fetchUpstream(`${settings.upstreamBaseText}${matched.path}${search}`, {
        method: request.method,
        headers: upstreamRequestHeaders(request.headers, apiKey, settings.forwardHeaders),
        body: body as BodyInit | undefined,
        signal: request.signal,
        redirect: "manual",
      });
    } catch (error) {
      info.error = redactDeep(String(error), secrets) as string;
      return errorResponse(502, "api_error", "The proxy could not reach the API.");
    }
    return relay(request, upstream, matched, apiKey);
  }

  /** Upstream's answer for the browser: allowed headers only; batch and model lists rewritten, the rest streamed. */
  async function relay(
    request: Request,
    upstream: Response,
    matched: MatchedRoute,
    apiKey: string,
  ): Promise<Response> {
    const headers = returnedResponseHeaders(upstream.headers);
    const init = { status: upstream.status, statusText: upstream.statusText, headers };
    const isJSON = headers.get("content-type")?.includes("application/json") ?? false;
    if (!upstream.ok && isJSON) {
      // An error body is small; mask the key in case an upstream (a misconfigured gateway) echoes it.
      const text = await upstream.text();
      return new Response(text.replaceAll(apiKey, "***"), init);
    }
    const rewritesBatch = matched.route === "batches" && matched.operation !== "batches.results";
    const filtersModels = matched.operation === "models.list" && settings.policy.allowsModel !== undefined;
    if (!upstream.ok || !isJSON || !(rewritesBatch || filtersModels))
      return new Response(upstream.body, init);

    let body: unknown = await upstream.json();
    if (rewritesBatch) {
      const publicBase =
        options.publicBaseURL?.replace(/\/+$/, "") ?? `${new URL(request.url).origin}${settings.prefix}`;
      body = rewriteBatchBody(body, matched.operation, settings.upstreamBase, publicBase);
    }
    if (filtersModels && settings.policy.allowsModel)
      body = filterModelsBody(body, settings.policy.allowsModel);
    return new Response(JSON.stringify(body), init);
  }

  return async function anthropicProxy(request: Request): Promise<Response> {
    const started = now();
    const url = new URL(request.url);
    const info: Progress = {
      id: crypto.randomUUID(),
      userId: undefined,
      method: request.method,
      url: `${url.pathname}${url.search}`,
      operation: undefined,
      model: undefined,
      headers: redactHeaders(request.headers),
    };
    const secrets: string[] = [];

    const origin = checkOrigin(request, url.origin, options.cors);
    let response: Response;
    try {
      response = await route(request, url, origin, info, secrets);
    } catch (error) {
      info.error = redactDeep(String(error), secrets) as string;
      response = errorResponse(500, "api_error", "The proxy failed to handle this request.");
    }
    response = withCorsHeaders(response, origin, options.cors);

    if (options.onResponse) {
      const outcome: ProxyResponseInfo = {
        ...info,
        status: response.status,
        requestId: response.headers.get("request-id"),
        durationMs: now() - started,
      };
      try {
        await options.onResponse(redactDeep(outcome, secrets) as ProxyResponseInfo);
      } catch {
        // An audit hook's failure must not turn a good answer into an error.
      }
    }
    return response;
  };

  async function route(
    request: Request,
    url: URL,
    origin: OriginCheck,
    info: Progress,
    secrets: string[],
  ): Promise<Response> {
    if (origin.kind === "refused")
      return errorResponse(403, "permission_error", `The origin ${origin.origin} may not use this proxy.`);
    if (request.method === "OPTIONS") return preflightResponse(request, origin, options.cors);

    const { prefix } = settings;
    const inPrefix = prefix === "" || url.pathname.startsWith(`${prefix}/`);
    const matched = inPrefix
      ? matchRoute(request.method, url.pathname.slice(prefix.length), settings.routes)
      : undefined;
    if (!matched)
      return errorResponse(
        404,
        "not_found_error",
        `${request.method} ${url.pathname} is not served by this proxy.`,
      );
    info.operation = matched.operation;
    return answer(request, info, matched, secrets);
  }
}
