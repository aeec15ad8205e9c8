/** Header values: `null` removes a header the client would otherwise send. */
export type HeadersInit = Record<string, string | null | undefined> | Headers | [string, string][];

/**
 * `fetch` init options. `dispatcher` is how Node's `fetch` (undici) routes a request, e.g. through a
 * proxy: `{ dispatcher: new ProxyAgent(proxyURL) }` with ProxyAgent from `undici`.
 */
export type FetchOptions = RequestInit & { dispatcher?: unknown };

/** Options of one call, the second argument of every method. */
export interface RequestOptions {
  /**
   * Milliseconds before an attempt is abandoned with `APIConnectionTimeoutError` (it is then retried).
   * Sent, in whole seconds, as `x-stainless-timeout`.
   */
  timeout?: number;
  /** How many times a retryable failure is tried again. */
  maxRetries?: number;
  /** Milliseconds a started stream may go without a byte before it fails with `APIConnectionTimeoutError`; `0` turns it off. */
  idleTimeout?: number;
  /** Extra or overriding headers; `null` removes one. */
  headers?: HeadersInit;
  /** Extra query parameters. */
  query?: Record<string, unknown>;
  /**
   * Replaces the body (for undocumented params): sent as JSON, or as it is for binary data, a `Blob`,
   * `FormData`, `URLSearchParams`, a `ReadableStream` (never retried) or a string with a `content-type`.
   */
  body?: unknown;
  /** Replaces the method's path, e.g. to reach a new endpoint with a typed method. */
  path?: string;
  /** Aborts the call: rejects with `APIUserAbortError`, never retried. */
  signal?: AbortSignal | null;
  /** Sent as `Idempotency-Key`, the same on every retry. */
  idempotencyKey?: string;
  /** Merged into the `fetch` init of this call. */
  fetchOptions?: FetchOptions;
  /**
   * A Node agent this call goes through, once `import "@colloquy/client/shims/node"` has run; without
   * that import the call rejects with an `AnthropicError` rather than ignore it.
   */
  httpAgent?: unknown;
  /** @internal The host of an endpoint that has its own, used while the client has the default base URL. */
  defaultBaseURL?: string;
  /** @internal the method and path, set by resource methods. */
  method?: "get" | "post" | "put" | "patch" | "delete";
  /** @internal return an SSE `Stream` instead of JSON. */
  stream?: boolean;
  /** @internal decode the body as JSONL into a `JSONLDecoder`. */
  jsonl?: boolean;
}

export type FinalRequestOptions = RequestOptions & {
  method: NonNullable<RequestOptions["method"]>;
  path: string;
};
