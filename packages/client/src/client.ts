import { APIPromise, type APIResponseProps } from "./api-promise.js";
import * as Errors from "./errors.js";
import { isBrowserLike, readEnv } from "./internal/env.js";
import { headerRecord } from "./internal/header-record.js";
import { type Logger, type LogLevel, makeLogger, resolveLogLevel } from "./internal/logger.js";
import { parseJSON } from "./internal/parse-json.js";
import { redactDeep } from "./internal/redact.js";
import { sleep } from "./internal/sleep.js";
import { Page, type PageBody, PagePromise } from "./pagination.js";
import type { FinalRequestOptions, HeadersInit, RequestOptions } from "./request-options.js";
import { retryDelayMs, shouldRetryResponse } from "./retry-policy.js";
import { JSONLDecoder } from "./streaming/jsonl.js";
import { releaseWhenDone, Stream } from "./streaming/stream.js";

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ClientOptions {
  /**
   * Sent as `x-api-key`.
   * @default process.env.ANTHROPIC_API_KEY
   */
  apiKey?: string | null | undefined;
  /**
   * Sent as `Authorization: Bearer <token>`.
   * @default process.env.ANTHROPIC_AUTH_TOKEN
   */
  authToken?: string | null | undefined;
  /**
   * @default process.env.ANTHROPIC_BASE_URL ?? "https://api.anthropic.com"
   */
  baseURL?: string | null | undefined;
  /**
   * Milliseconds before one attempt is abandoned (it is then retried). For non-streaming calls it covers
   * reading the whole body, not just the headers.
   * @default 600000 (10 minutes)
   */
  timeout?: number | undefined;
  /**
   * Milliseconds a started stream may go without receiving a byte before it fails with
   * `APIConnectionTimeoutError`, instead of hanging forever on a stalled connection. `0` turns it off.
   * @default 120000 (2 minutes; the API sends `ping` events far more often)
   */
  idleTimeout?: number | undefined;
  /**
   * How many times a retryable failure (408, 409, 429, >=500, connection errors) is tried again.
   * @default 2
   */
  maxRetries?: number | undefined;
  /** Headers sent with every request; `null` removes one the client would send. */
  defaultHeaders?: HeadersInit | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /**
   * The `fetch` to use: inject one to inspect, proxy or mock requests.
   * @default globalThis.fetch
   */
  fetch?: Fetch | undefined;
  /** Merged into every `fetch` init (e.g. `{ credentials: "omit" }`). */
  fetchOptions?: RequestInit | undefined;
  /**
   * @default process.env.ANTHROPIC_LOG, or "debug" when DEBUG=true, else "warn"
   */
  logLevel?: LogLevel | undefined;
  /** Receives log lines; secrets are redacted before it sees them. @default console */
  logger?: Logger | undefined;
  /**
   * Allows construction in a browser, where the key is visible to anyone who loads the page; sends
   * `anthropic-dangerous-direct-browser-access: true`.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Accepted for compatibility with the official SDK's Node agent option; `fetch` manages connections. */
  httpAgent?: unknown;
}

/** The transport: builds requests, retries them, times them out, turns failures into typed errors. */
export class BaseAnthropic {
  // The error classes, as statics of the client class (`Anthropic.APIError`): assigned below the class.
  declare static AnthropicError: typeof Errors.AnthropicError;
  declare static APIError: typeof Errors.APIError;
  declare static APIConnectionError: typeof Errors.APIConnectionError;
  declare static APIConnectionTimeoutError: typeof Errors.APIConnectionTimeoutError;
  declare static APIUserAbortError: typeof Errors.APIUserAbortError;
  declare static StreamTruncatedError: typeof Errors.StreamTruncatedError;
  declare static BadRequestError: typeof Errors.BadRequestError;
  declare static AuthenticationError: typeof Errors.AuthenticationError;
  declare static BillingError: typeof Errors.BillingError;
  declare static PermissionDeniedError: typeof Errors.PermissionDeniedError;
  declare static NotFoundError: typeof Errors.NotFoundError;
  declare static ConflictError: typeof Errors.ConflictError;
  declare static RequestTooLargeError: typeof Errors.RequestTooLargeError;
  declare static UnprocessableEntityError: typeof Errors.UnprocessableEntityError;
  declare static RateLimitError: typeof Errors.RateLimitError;
  declare static InternalServerError: typeof Errors.InternalServerError;
  declare static GatewayTimeoutError: typeof Errors.GatewayTimeoutError;
  declare static OverloadedError: typeof Errors.OverloadedError;

  // Assigned in the constructor; `declare` spares the bundle an empty field declaration for each.
  declare apiKey: string | null;
  declare authToken: string | null;
  declare baseURL: string;
  declare maxRetries: number;
  declare timeout: number;
  declare idleTimeout: number;
  declare logger: Logger;
  declare logLevel: LogLevel;
  /** The options this client was made with (for `withOptions`). */
  declare readonly _options: ClientOptions;
  readonly #fetch: Fetch;
  #requestCount = 0;

  constructor({
    baseURL = readEnv("ANTHROPIC_BASE_URL"),
    apiKey = readEnv("ANTHROPIC_API_KEY") ?? null,
    authToken = readEnv("ANTHROPIC_AUTH_TOKEN") ?? null,
    ...rest
  }: ClientOptions = {}) {
    if (!rest.dangerouslyAllowBrowser && isBrowserLike()) {
      throw new Errors.AnthropicError(
        "A browser exposes the API key: set `dangerouslyAllowBrowser: true` to accept the risk.",
      );
    }
    this._options = { ...rest, apiKey, authToken, baseURL: baseURL || "https://api.anthropic.com" };
    this.apiKey = apiKey;
    this.authToken = authToken;
    this.baseURL = this._options.baseURL!.replace(/\/+$/, "");
    // The defaults are written out where they are used (documented on `ClientOptions`): a bundler
    // does not inline an exported constant.
    this.timeout = rest.timeout ?? 600_000;
    this.idleTimeout = rest.idleTimeout ?? 120_000;
    this.maxRetries = rest.maxRetries ?? 2;
    this.logLevel = resolveLogLevel(rest.logLevel);
    this.logger = makeLogger(rest.logger ?? console, this.logLevel, () => this.secrets());
    // Bound lazily so a later replacement of globalThis.fetch (msw, tests) is honoured.
    this.#fetch = rest.fetch ?? ((input, init) => fetch(input, init));
  }

  /** A copy of this client with some options replaced. */
  withOptions(options: Partial<ClientOptions>): this {
    const Class = this.constructor as new (options: ClientOptions) => this;
    return new Class({ ...this._options, apiKey: this.apiKey, authToken: this.authToken, ...options });
  }

  get<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ ...options, method: "get", path });
  }
  post<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ ...options, method: "post", path });
  }
  put<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ ...options, method: "put", path });
  }
  patch<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ ...options, method: "patch", path });
  }
  delete<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ ...options, method: "delete", path });
  }

  /** One API call with retries; the data is parsed when the promise is awaited. */
  request<R>(options: FinalRequestOptions): APIPromise<R> {
    return new APIPromise<R>(this.#makeRequest(options), (props) => this.#parseResponse<R>(props, options));
  }

  /** A list call whose pages can be walked with `for await`. */
  getAPIList<Item>(path: string, options: RequestOptions = {}): PagePromise<Item> {
    const finalOptions: FinalRequestOptions = { method: "get", ...options, path };
    return this.request<PageBody<Item>>(finalOptions)._thenUnwrap(
      (body, { response }) => new Page<Item>(this, response, body, finalOptions),
      PagePromise<Item>,
    );
  }

  buildURL(path: string, query: Record<string, unknown> | undefined): string {
    // Relative to the base URL and its path (`/v1/x` too); an absolute URL (a batch results_url) as it is.
    const url = new URL(path.replace(/^\/+/, ""), `${this.baseURL}/`);
    appendQuery(url.searchParams, "", { ...this._options.defaultQuery, ...query });
    return url.toString();
  }

  buildHeaders(options: FinalRequestOptions, retryCount: number): Headers {
    const headers = new Headers();
    const removed = new Set<string>();
    // The client's own headers first, then the defaults, then this call's; `undefined` skips a header.
    const own: HeadersInit = {
      accept: "application/json",
      "content-type": options.body === undefined ? undefined : "application/json",
      "anthropic-version": "2023-06-01",
      "x-api-key": this.apiKey || undefined,
      authorization: this.authToken ? `Bearer ${this.authToken}` : undefined,
      "anthropic-dangerous-direct-browser-access": this._options.dangerouslyAllowBrowser ? "true" : undefined,
      "x-stainless-retry-count": String(retryCount),
      "idempotency-key": options.idempotencyKey || undefined,
    };
    for (const source of [own, this._options.defaultHeaders, options.headers]) {
      for (const [name, value] of Object.entries(headerRecord(source))) {
        // A name removed and then set again is sent: `removed` only matters for the absent ones.
        if (value === null) {
          headers.delete(name);
          removed.add(name.toLowerCase());
        } else if (value !== undefined) headers.set(name, value);
      }
    }
    this.validateHeaders(headers, removed);
    return headers;
  }

  /** This client's credentials, masked wherever they would appear in a log line or an error. */
  protected secrets(): string[] {
    return [this.apiKey, this.authToken].filter(Boolean) as string[];
  }

  /** Throws when no credential would be sent. Cloud clients that sign requests override it. */
  protected validateHeaders(headers: Headers, removed: ReadonlySet<string>): void {
    if (headers.has("x-api-key") || headers.has("authorization")) return;
    if (removed.has("x-api-key") || removed.has("authorization")) return;
    throw new Errors.AnthropicError("Could not resolve authentication method: set apiKey or authToken.");
  }

  /**
   * The last step before each attempt is sent: cloud clients override it to move the model into the
   * path, rewrite the body, or sign the request with fresh credentials.
   */
  protected async prepareRequest(
    url: string,
    init: RequestInit & { headers: Headers },
    _options: FinalRequestOptions,
  ): Promise<{ url: string; init: RequestInit }> {
    return { url, init };
  }

  /** Turns a streaming response into a `Stream`; cloud clients with another framing override it. */
  protected makeStream<Item>(
    response: Response,
    controller: AbortController,
    idleTimeoutMs: number,
  ): Stream<Item> {
    return Stream.fromSSEResponse<Item>(response, controller, { idleTimeoutMs });
  }

  async #makeRequest(options: FinalRequestOptions): Promise<APIResponseProps> {
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const logID = `[log_${++this.#requestCount}]`;
    const userSignal = options.signal;

    for (let retriesDone = 0; ; retriesDone++) {
      if (userSignal?.aborted) throw new Errors.APIUserAbortError();
      const url = this.buildURL(options.path, options.query);
      const controller = new AbortController();
      const baseInit: RequestInit & { headers: Headers } = {
        ...this._options.fetchOptions,
        ...options.fetchOptions,
        method: options.method.toUpperCase(),
        headers: this.buildHeaders(options, retriesDone),
        // `undefined` (no body) when there is none.
        body: JSON.stringify(options.body),
        signal: controller.signal,
      };
      const onUserAbort = () => controller.abort();
      userSignal?.addEventListener("abort", onUserAbort, { once: true });
      // Aborted with the error it causes, told apart from a user's abort (see `requestError`).
      const timer = setTimeout(
        () => controller.abort(new Errors.APIConnectionTimeoutError()),
        options.timeout ?? this.timeout,
      );
      // A pending attempt keeps its socket open; its timer alone must not keep a process alive.
      (timer as { unref?: () => void }).unref?.();
      const release = () => {
        clearTimeout(timer);
        userSignal?.removeEventListener("abort", onUserAbort);
      };

      let prepared: { url: string; init: RequestInit } | undefined;
      let response: Response | undefined;
      let failure: Errors.APIError | undefined;
      try {
        prepared = await this.prepareRequest(url, baseInit, options);
        const { method } = prepared.init;
        // The retry count is in the headers (x-stainless-retry-count).
        this.logger.debug(`${logID} ${method} ${prepared.url}`, {
          // The logger masks secret headers and values itself.
          headers: new Headers(prepared.init.headers),
        });
        response = await this.#fetch(prepared.url, prepared.init);
        this.logger.debug(`${logID} ${response.status} ${method} ${prepared.url}`, {
          headers: response.headers,
        });
      } catch (cause) {
        release();
        // Our own errors (bad input) are final; a failing credentials or token provider is retried
        // like a connection failure, as in the official SDK. An aborted fetch rejects with the abort's
        // reason, which may be our timeout error: an abort is reported (and retried) as such.
        if (cause instanceof Errors.AnthropicError && !controller.signal.aborted) throw cause;
        failure = Errors.requestError(
          controller.signal,
          cause,
          prepared ? undefined : "Could not prepare the request.",
        );
        if (failure instanceof Errors.APIUserAbortError) throw failure;
      }

      if (response?.ok) {
        if (options.stream || options.jsonl) {
          // The request timeout covers waiting for headers; a stream's idle timeout takes over from here,
          // and the caller's signal stays linked so it can still abort the body, until the stream ends.
          clearTimeout(timer);
          return { response, controller, release };
        }
        return { response, controller, release };
      }

      // One retry path for a failed preparation, a failed connection and a retryable status.
      if ((!response || shouldRetryResponse(response.status, response.headers)) && retriesDone < maxRetries) {
        // Free the connection of the failed attempt; not awaited, as some fetch shims never settle it.
        response?.body?.cancel().catch(() => {});
        release();
        const delay = retryDelayMs(retriesDone, response?.headers);
        this.logger.info(
          `${logID} ${response?.status ?? failure?.message} Retrying in ${delay | 0} ms (${maxRetries - retriesDone} left)`,
        );
        await sleep(delay, userSignal);
        continue;
      }
      if (!response) throw failure;

      // A server or proxy may echo the key back in any format: mask this client's own secrets.
      let text = await readText(response, controller.signal).finally(release);
      text = redactDeep(text, this.secrets()) as string;
      const body = parseJSON(text);
      throw Errors.APIError.generate(
        response.status,
        body,
        body === undefined ? truncate(text) : undefined,
        response.headers,
      );
    }
  }

  async #parseResponse<R>(props: APIResponseProps, options: FinalRequestOptions): Promise<R> {
    const { response, controller, release } = props;
    // A stream unlinks the caller's signal once it ends in any way, or is garbage-collected unfinished.
    const releaseStream = () => release?.();
    if (options.stream) {
      const stream = this.makeStream(response, controller, options.idleTimeout ?? this.idleTimeout);
      return releaseWhenDone(stream, releaseStream) as R;
    }
    if (options.jsonl) {
      return releaseWhenDone(JSONLDecoder.fromResponse(response, controller), releaseStream) as R;
    }
    try {
      if (response.status === 204) return null as R;
      const text = await readText(response, controller.signal);
      const data = parseJSON(text);
      if (data === undefined) {
        throw new Errors.AnthropicError(
          `Expected a JSON body, got ${response.headers.get("content-type")}: ${truncate(text)}`,
        );
      }
      if (data instanceof Object) {
        Object.defineProperty(data, "_request_id", {
          value: response.headers.get("request-id"),
          configurable: true, // and, by default, not enumerable
        });
      }
      return data as R;
    } finally {
      release?.();
    }
  }
}

// The error classes, reachable from the client class as in the official SDK (`Anthropic.APIError`).
Object.assign(BaseAnthropic, Errors.errorClasses);

/** Reads a body, mapping an abort or a broken connection to the right typed error. */
async function readText(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    throw Errors.requestError(signal, cause, "The connection failed while reading the body.");
  }
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Serialises nested query values the way the API expects: `a[]=1&a[]=2`, `o[k]=v`. The top level is
 * the object of all parameters, under the empty `key`.
 */
function appendQuery(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (typeof value !== "object") {
    params.append(key, String(value));
    return;
  }
  for (const [subKey, item] of Object.entries(value)) {
    appendQuery(params, !key ? subKey : Array.isArray(value) ? `${key}[]` : `${key}[${subKey}]`, item);
  }
}
