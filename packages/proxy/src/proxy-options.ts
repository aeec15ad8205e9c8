import type { CorsOptions } from "./cors.js";
import type { RateLimitStore, TokenBucketOptions } from "./rate-limit.js";
import type { ProxyRoute } from "./routes.js";

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

/** Options of `createAnthropicProxy`. */
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
   * Required unless `allowAnonymous: true`. Read headers and cookies only: the proxy reads the body itself.
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
