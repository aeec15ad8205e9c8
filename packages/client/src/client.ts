import { APIPromise, type APIResponseProps } from "./api-promise.js";
import * as Errors from "./errors.js";
import { isBrowserLike, readEnv } from "./internal/env.js";
import { headerRecord } from "./internal/header-record.js";
import { type Logger, type LogLevel, makeLogger, resolveLogLevel } from "./internal/logger.js";
import { parseJSON } from "./internal/parse-json.js";
import { redactHeaders } from "./internal/redact.js";
import { sleep } from "./internal/sleep.js";
import { PagePromise } from "./pagination.js";
import type { FinalRequestOptions, HeadersInit, RequestOptions } from "./request-options.js";
import { retryDelayMs, shouldRetryResponse } from "./retry-policy.js";
import { JSONLDecoder } from "./streaming/jsonl.js";
import { Stream } from "./streaming/stream.js";

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

const defaultBaseURL = "https://api.anthropic.com";
export const DEFAULT_TIMEOUT = 600_000;
export const DEFAULT_IDLE_TIMEOUT = 120_000;
export const DEFAULT_MAX_RETRIES = 2;
export const API_VERSION = "2023-06-01";

/** The abort reason of an attempt that ran out of time, told apart from a user's abort. */
const timeoutReason = Symbol("timeout");

/** The transport: builds requests, retries them, times them out, turns failures into typed errors. */
export class BaseAnthropic {
  // The error classes, also reachable from the client class as in the official SDK (`Anthropic.APIError`).
  static AnthropicError = Errors.AnthropicError;
  static APIError = Errors.APIError;
  static APIConnectionError = Errors.APIConnectionError;
  static APIConnectionTimeoutError = Errors.APIConnectionTimeoutError;
  static APIUserAbortError = Errors.APIUserAbortError;
  static StreamTruncatedError = Errors.StreamTruncatedError;
  static BadRequestError = Errors.BadRequestError;
  static AuthenticationError = Errors.AuthenticationError;
  static BillingError = Errors.BillingError;
  static PermissionDeniedError = Errors.PermissionDeniedError;
  static NotFoundError = Errors.NotFoundError;
  static ConflictError = Errors.ConflictError;
  static RequestTooLargeError = Errors.RequestTooLargeError;
  static UnprocessableEntityError = Errors.UnprocessableEntityError;
  static RateLimitError = Errors.RateLimitError;
  static InternalServerError = Errors.InternalServerError;
  static GatewayTimeoutError = Errors.GatewayTimeoutError;
  static OverloadedError = Errors.OverloadedError;

  apiKey: string | null;
  authToken: string | null;
  baseURL: string;
  maxRetries: number;
  timeout: number;
  idleTimeout: number;
  logger: Logger;
  logLevel: LogLevel;
  /** The options this client was made with (for `withOptions`). */
  readonly _options: ClientOptions;
  private readonly fetchImpl: Fetch;
  private requestCounter = 0;

  constructor({
    baseURL = readEnv("ANTHROPIC_BASE_URL"),
    apiKey = readEnv("ANTHROPIC_API_KEY") ?? null,
    authToken = readEnv("ANTHROPIC_AUTH_TOKEN") ?? null,
    ...rest
  }: ClientOptions = {}) {
    if (!rest.dangerouslyAllowBrowser && isBrowserLike()) {
      throw new Errors.AnthropicError(
        "Refusing to run in a browser, where the API key is visible to anyone: pass `dangerouslyAllowBrowser: true` to accept the risk.",
      );
    }
    this._options = { ...rest, apiKey, authToken, baseURL: baseURL || defaultBaseURL };
    this.apiKey = apiKey;
    this.authToken = authToken;
    this.baseURL = (baseURL || defaultBaseURL).replace(/\/+$/, "");
    this.timeout = rest.timeout ?? DEFAULT_TIMEOUT;
    this.idleTimeout = rest.idleTimeout ?? DEFAULT_IDLE_TIMEOUT;
    this.maxRetries = rest.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.logLevel = resolveLogLevel(rest.logLevel);
    this.logger = makeLogger(rest.logger ?? console, this.logLevel, () => this.secrets());
    // Bound lazily so a later replacement of globalThis.fetch (msw, tests) is honoured.
    this.fetchImpl = rest.fetch ?? ((input, init) => globalThis.fetch(input, init));
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
    return new APIPromise<R>(this.makeRequest(options), (props) => this.parseResponse<R>(props, options));
  }

  /** A list call whose pages can be walked with `for await`. */
  getAPIList<Item>(path: string, options: RequestOptions = {}): PagePromise<Item> {
    const finalOptions: FinalRequestOptions = { method: "get", ...options, path };
    return new PagePromise<Item>(this, this.makeRequest(finalOptions), finalOptions);
  }

  buildURL(path: string, query: Record<string, unknown> | undefined): string {
    const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(path)
      ? new URL(path)
      : new URL(this.baseURL + (path.startsWith("/") ? path : `/${path}`));
    const params = { ...this._options.defaultQuery, ...query };
    for (const [key, value] of Object.entries(params)) appendQuery(url.searchParams, key, value);
    return url.toString();
  }

  buildHeaders(options: FinalRequestOptions, retryCount: number): Headers {
    const headers = new Headers();
    headers.set("accept", "application/json");
    if (options.body !== undefined) headers.set("content-type", "application/json");
    headers.set("anthropic-version", API_VERSION);
    if (this.apiKey) headers.set("x-api-key", this.apiKey);
    if (this.authToken) headers.set("authorization", `Bearer ${this.authToken}`);
    if (this._options.dangerouslyAllowBrowser)
      headers.set("anthropic-dangerous-direct-browser-access", "true");
    headers.set("x-stainless-retry-count", String(retryCount));
    if (options.idempotencyKey) headers.set("idempotency-key", options.idempotencyKey);
    const removed = new Set<string>();
    for (const source of [this._options.defaultHeaders, options.headers]) {
      for (const [name, value] of Object.entries(headerRecord(source))) {
        if (value === null) {
          headers.delete(name);
          removed.add(name.toLowerCase());
        } else if (value !== undefined) {
          headers.set(name, value);
          removed.delete(name.toLowerCase());
        }
      }
    }
    this.validateHeaders(headers, removed);
    return headers;
  }

  /** This client's credentials, masked wherever they would appear in a log line or an error. */
  protected secrets(): string[] {
    return [this.apiKey, this.authToken].filter((secret): secret is string => !!secret);
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

  private async makeRequest(options: FinalRequestOptions): Promise<APIResponseProps> {
    const maxRetries = options.maxRetries ?? this.maxRetries;
    const timeoutMs = options.timeout ?? this.timeout;
    const requestLogID = `log_${++this.requestCounter}`;
    const userSignal = options.signal ?? undefined;

    for (let retriesDone = 0; ; retriesDone++) {
      if (userSignal?.aborted) throw new Errors.APIUserAbortError();
      const url = this.buildURL(options.path, options.query);
      const headers = this.buildHeaders(options, retriesDone);
      const controller = new AbortController();
      const onUserAbort = () => controller.abort(userSignal?.reason);
      userSignal?.addEventListener("abort", onUserAbort, { once: true });
      const timer = setTimeout(() => controller.abort(timeoutReason), timeoutMs);
      // A pending attempt keeps its socket open; its timer alone must not keep a process alive.
      (timer as { unref?: () => void }).unref?.();
      const release = () => {
        clearTimeout(timer);
        userSignal?.removeEventListener("abort", onUserAbort);
      };

      const baseInit: RequestInit & { headers: Headers } = {
        ...this._options.fetchOptions,
        ...options.fetchOptions,
        method: options.method.toUpperCase(),
        headers,
        signal: controller.signal,
      };
      if (options.body !== undefined) baseInit.body = JSON.stringify(options.body);
      let prepared: { url: string; init: RequestInit };
      try {
        prepared = await this.prepareRequest(url, baseInit, options);
      } catch (cause) {
        release();
        // Our own errors (bad input) are final; a failing credentials or token provider is retried
        // like a connection failure, as in the official SDK.
        if (cause instanceof Errors.AnthropicError || userSignal?.aborted) throw cause;
        if (retriesDone < maxRetries) {
          await sleep(retryDelayMs(retriesDone, undefined), userSignal);
          continue;
        }
        throw new Errors.APIConnectionError({ message: "Could not prepare the request.", cause });
      }
      const { init } = prepared;

      this.logger.debug(`[${requestLogID}] ${init.method} ${prepared.url}`, {
        retryOf: retriesDone || undefined,
        headers: redactHeaders(new Headers(init.headers)),
      });

      let response: Response;
      try {
        response = await this.fetchImpl(prepared.url, init);
      } catch (cause) {
        release();
        if (userSignal?.aborted) throw new Errors.APIUserAbortError();
        const timedOut = controller.signal.reason === timeoutReason;
        const error = timedOut
          ? new Errors.APIConnectionTimeoutError()
          : new Errors.APIConnectionError({ cause });
        if (retriesDone < maxRetries) {
          this.logger.info(`[${requestLogID}] ${error.message} Retrying (${maxRetries - retriesDone} left)`);
          await sleep(retryDelayMs(retriesDone, undefined), userSignal);
          continue;
        }
        this.logger.debug(`[${requestLogID}] ${error.message} No retries left`);
        throw error;
      }

      this.logger.debug(`[${requestLogID}] ${response.status} ${init.method} ${prepared.url}`, {
        headers: redactHeaders(response.headers),
      });

      if (!response.ok) {
        const retryable = shouldRetryResponse(response.status, response.headers);
        if (retryable && retriesDone < maxRetries) {
          // Free the connection of the failed attempt; not awaited, as some fetch shims never settle it.
          response.body?.cancel().catch(() => {});
          release();
          const delay = retryDelayMs(retriesDone, response.headers);
          this.logger.info(
            `[${requestLogID}] ${response.status} Retrying in ${Math.round(delay)} ms (${maxRetries - retriesDone} left)`,
          );
          await sleep(delay, userSignal);
          continue;
        }
        // A server or proxy may echo the key back in any format: mask this client's own secrets.
        let text = await readText(response, controller, userSignal).finally(release);
        for (const secret of this.secrets()) text = text.split(secret).join("***");
        const body = parseJSON(text);
        throw Errors.APIError.generate(
          response.status,
          body,
          body === undefined ? truncate(text) : undefined,
          response.headers,
        );
      }

      if (options.stream || options.jsonl) {
        // The request timeout covers waiting for headers; a stream's idle timeout takes over from here,
        // and the caller's signal stays linked so it can still abort the body.
        clearTimeout(timer);
        return { response, controller };
      }
      return { response, controller, release, userSignal };
    }
  }

  private async parseResponse<R>(props: APIResponseProps, options: FinalRequestOptions): Promise<R> {
    const { response, controller, release, userSignal } = props;
    if (options.stream) {
      return this.makeStream(response, controller, options.idleTimeout ?? this.idleTimeout) as R;
    }
    if (options.jsonl) return JSONLDecoder.fromResponse(response, controller) as R;
    try {
      if (response.status === 204) return null as R;
      const text = await readText(response, controller, userSignal);
      const data = parseJSON(text);
      if (data === undefined) {
        throw new Errors.AnthropicError(
          `Expected a JSON body, got ${response.headers.get("content-type")}: ${truncate(text)}`,
        );
      }
      if (data !== null && typeof data === "object") {
        Object.defineProperty(data, "_request_id", {
          value: response.headers.get("request-id"),
          enumerable: false,
          configurable: true,
        });
      }
      return data as R;
    } finally {
      release?.();
    }
  }
}

/** Reads a body, mapping an abort or a broken connection to the right typed error. */
async function readText(
  response: Response,
  controller: AbortController,
  userSignal: AbortSignal | undefined,
): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    if (userSignal?.aborted) throw new Errors.APIUserAbortError();
    if (controller.signal.reason === timeoutReason) throw new Errors.APIConnectionTimeoutError();
    throw new Errors.APIConnectionError({ message: "The connection failed while reading the body.", cause });
  }
}

function truncate(text: string, max = 500): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Serialises nested query values the way the API expects: `a[]=1&a[]=2`, `o[k]=v`. */
function appendQuery(params: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) appendQuery(params, `${key}[]`, item);
  } else if (typeof value === "object") {
    for (const [subKey, subValue] of Object.entries(value))
      appendQuery(params, `${key}[${subKey}]`, subValue);
  } else {
    params.append(key, String(value));
  }
}
