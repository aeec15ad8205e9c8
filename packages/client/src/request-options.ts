/** Header values: `null` removes a header the client would otherwise send. */
export type HeadersInit = Record<string, string | null | undefined> | Headers | [string, string][];

/** Options of one call, the second argument of every method. */
export interface RequestOptions {
  /** Milliseconds before an attempt is abandoned with `APIConnectionTimeoutError` (it is then retried). */
  timeout?: number;
  /** How many times a retryable failure is tried again. */
  maxRetries?: number;
  /** Milliseconds a started stream may go without a byte before it fails with `APIConnectionTimeoutError`; `0` turns it off. */
  idleTimeout?: number;
  /** Extra or overriding headers; `null` removes one. */
  headers?: HeadersInit;
  /** Extra query parameters. */
  query?: Record<string, unknown>;
  /** Replaces the JSON body (for undocumented params). */
  body?: unknown;
  /** Aborts the call: rejects with `APIUserAbortError`, never retried. */
  signal?: AbortSignal | null;
  /** Sent as `Idempotency-Key`, the same on every retry. */
  idempotencyKey?: string;
  /** Merged into the `fetch` init of this call. */
  fetchOptions?: RequestInit;
  /** Accepted for compatibility with the official SDK's Node agent option; `fetch` manages connections. */
  httpAgent?: unknown;
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
