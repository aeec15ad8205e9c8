import { APIPromise, type APIResponseProps, addResponseIDs } from "./api-promise.js";
import * as Errors from "./errors.js";
import { registeredAgentFetch } from "./internal/agent-fetch.js";
import { isBrowserLike, readEnv } from "./internal/env.js";
import { headerRecord, setsHeader } from "./internal/header-record.js";
import { type Logger, type LogLevel, makeLogger, resolveLogLevel } from "./internal/logger.js";
import { parseJSON } from "./internal/parse-json.js";
import { redactDeep } from "./internal/redact.js";
import { encodeBody, isOneShotBody } from "./internal/request-body.js";
import { sleep } from "./internal/sleep.js";
import { linkSignals } from "./link-signals.js";
import { Page, type PageBody, PagePromise } from "./pagination.js";
import type { FetchOptions, FinalRequestOptions, HeadersInit, RequestOptions } from "./request-options.js";
import { retryDelayMs, shouldRetryResponse } from "./retry-policy.js";
import { JSONLDecoder } from "./streaming/jsonl.js";
import { releaseWhenDone, Stream } from "./streaming/stream.js";

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const DEFAULT_BASE_URL = "https://api.anthropic.com";
const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const DEFAULT_IDLE_TIMEOUT_MS = 2 * 60 * 1000;
const DEFAULT_MAX_RETRIES = 2;
/** The `anthropic-version` header this client speaks. */
const API_VERSION = "2023-06-01";

const HTTP_AGENT_NEEDS_SHIM =
  '`httpAgent` needs `import "@colloquy/client/shims/node"` (Node only; fetch takes no agent). Or, ' +
  "for a proxy, pass `fetchOptions: { dispatcher: new ProxyAgent(url) }` (undici).";

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
   * Kept as given; request paths are joined to it, its own path included.
   * @default process.env.ANTHROPIC_BASE_URL ?? "https://api.anthropic.com"
   */
  baseURL?: string | null | undefined;
  /**
   * Milliseconds before one attempt is abandoned (it is then retried). For non-streaming calls it covers
   * reading the whole body, not just the headers. Sent, in whole seconds, as `x-stainless-timeout`.
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
  /** Headers sent with every request; `undefined` is skipped and `null` removes one the client would send. */
  defaultHeaders?: HeadersInit | undefined;
  /** Query parameters sent with every request. */
  defaultQuery?: Record<string, string | undefined> | undefined;
  /**
   * The `fetch` to use: inject one to inspect, proxy or mock requests.
   * @default globalThis.fetch
   */
  fetch?: Fetch | undefined;
  /**
   * Merged into every `fetch` init, e.g. `{ credentials: "omit" }`, or in Node a proxy:
   * `{ dispatcher: new ProxyAgent(proxyURL) }` (ProxyAgent from `undici`).
   */
  fetchOptions?: FetchOptions | undefined;
  /**
   * A value that is not a level is ignored with a warning.
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
  /**
   * A Node agent (`http.Agent`, a proxy agent) that every request goes through, in Node, once
   * `import "@colloquy/client/shims/node"` has run; without that import the constructor throws rather
   * than ignore it. Another way to a proxy: `fetchOptions: { dispatcher: new ProxyAgent(proxyURL) }` (undici).
   */
  httpAgent?: unknown;
}

/** What `buildRequest` returns: the `fetch` init with its final headers and encoded body, the URL and the timeout. */
export interface BuiltRequest {
  req: RequestInit & { headers: Headers };
  url: string;
  /** Milliseconds. */
  timeout: number;
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

  /** The default `timeout`, in milliseconds (10 minutes). */
  static DEFAULT_TIMEOUT = DEFAULT_TIMEOUT_MS;

  // Assigned in the constructor; `declare` spares the bundle an empty field declaration for each.
  declare apiKey: string | null;
  declare authToken: string | null;
  declare baseURL: string;
  declare maxRetries: number;
  declare timeout: number;
  declare idleTimeout: number;
  /** The logger given (else `console`), behind the level filter and the redaction: no secret gets through. */
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
    const resolvedBaseURL = baseURL || DEFAULT_BASE_URL;
    this._options = { ...rest, apiKey, authToken, baseURL: resolvedBaseURL };
    this.apiKey = apiKey;
    this.authToken = authToken;
    this.baseURL = resolvedBaseURL;
    this.timeout = rest.timeout ?? DEFAULT_TIMEOUT_MS;
    this.idleTimeout = rest.idleTimeout ?? DEFAULT_IDLE_TIMEOUT_MS;
    this.maxRetries = rest.maxRetries ?? DEFAULT_MAX_RETRIES;
    const baseLogger = rest.logger ?? console;
    const secrets = () => this.secrets();
    // A level that is not one is reported at the default level, before the level is known.
    this.logLevel = resolveLogLevel(rest.logLevel, makeLogger(baseLogger, () => "warn", secrets).warn);
    // The level is read at each line: `client.logLevel = "debug"` takes effect at once.
    this.logger = makeLogger(baseLogger, () => this.logLevel, secrets);
    this.#fetch = fetchFor(rest.httpAgent, rest.fetch);
  }

  /**
   * A copy of this client with some options replaced. It starts from this client's current properties
   * (`client.baseURL = ...` then `withOptions({})` keeps the new base URL), then its other options.
   */
  withOptions(options: Partial<ClientOptions>): this {
    const Class = this.constructor as new (options: ClientOptions) => this;
    // A timeout left at its default stays unset, so the copy still refuses non-streaming calls that could outlast it.
    const timeout = this.timeout === DEFAULT_TIMEOUT_MS ? this._options.timeout : this.timeout;
    return new Class({
      ...this._options,
      apiKey: this.apiKey,
      authToken: this.authToken,
      baseURL: this.baseURL,
      maxRetries: this.maxRetries,
      timeout,
      idleTimeout: this.idleTimeout,
      logLevel: this.logLevel,
      ...options,
    });
  }

  get<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ method: "get", path, ...options });
  }
  post<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ method: "post", path, ...options });
  }
  put<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ method: "put", path, ...options });
  }
  patch<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ method: "patch", path, ...options });
  }
  delete<R = unknown>(path: string, options?: RequestOptions): APIPromise<R> {
    return this.request<R>({ method: "delete", path, ...options });
  }

  /** One API call with retries; the data is parsed when the promise is awaited. */
  request<R>(options: FinalRequestOptions): APIPromise<R> {
    return new APIPromise<R>(this, this.#makeRequest(options));
  }

  /** A list call whose pages can be walked with `for await`. */
  getAPIList<Item>(path: string, options: RequestOptions = {}): PagePromise<Item> {
    const finalOptions: FinalRequestOptions = { method: "get", path, ...options };
    return new PagePromise<Item>(this, this.#makeRequest(finalOptions), async (client, props) => {
      const body = await client._parseResponse<PageBody<Item>>(props);
      return new Page<Item>(this, props.response, body, finalOptions);
    });
  }

  /**
   * The URL of a request: `path` joined to the base URL, its path included (`/v1/x` too), or `path` as
   * it is when absolute (a batch's `results_url`); then the default query and `query`, with nested
   * values as `a[]=1&a[]=2` and `o[k]=v`. `defaultBaseURL` (a per-endpoint host, as in the official SDK)
   * replaces the base URL when this client uses the default one.
   */
  buildURL(
    path: string,
    query: Record<string, unknown> | null | undefined,
    defaultBaseURL?: string | undefined,
  ): string {
    let base = this.baseURL;
    if (defaultBaseURL && base === DEFAULT_BASE_URL) base = defaultBaseURL;
    const url = new URL(path.replace(/^\/+/, ""), base.endsWith("/") ? base : `${base}/`);
    appendQuery(url.searchParams, "", { ...this._options.defaultQuery, ...query });
    return url.toString();
  }

  /**
   * The request one attempt sends, before the `prepareRequest` hook: the `fetch` init with its final
   * headers (retry count and timeout included) and encoded body, the URL, and the timeout in ms.
   */
  async buildRequest(
    options: FinalRequestOptions,
    { retryCount = 0 }: { retryCount?: number } = {},
  ): Promise<BuiltRequest> {
    const timeout = validCount("timeout", options.timeout ?? this.timeout);
    const url = this.buildURL(options.path, options.query, options.defaultBaseURL);
    const { body, contentType } = encodeBody(options.body, setsHeader(options.headers, "content-type"));
    const req: RequestInit & { headers: Headers; duplex?: "half" } = {
      ...this._options.fetchOptions,
      ...options.fetchOptions,
      method: options.method.toUpperCase(),
      headers: this.#buildHeaders(options, { retryCount, timeout, contentType }),
      body,
    };
    // Node's fetch sends a stream body only when told that the response may start before it ends.
    if (body instanceof ReadableStream) req.duplex = "half";
    if (options.signal) req.signal = options.signal;
    return { req, url, timeout };
  }

  /** The client's own headers, then the default headers, the body's type and the call's; `null` removes one. */
  #buildHeaders(
    options: FinalRequestOptions,
    {
      retryCount,
      timeout,
      contentType,
    }: { retryCount: number; timeout: number; contentType: string | undefined },
  ): Headers {
    const own: HeadersInit = {
      accept: "application/json",
      "anthropic-version": API_VERSION,
      "x-api-key": this.apiKey || undefined,
      authorization: this.authToken ? `Bearer ${this.authToken}` : undefined,
      "anthropic-dangerous-direct-browser-access": this._options.dangerouslyAllowBrowser ? "true" : undefined,
      "x-stainless-retry-count": String(retryCount),
      "x-stainless-timeout": String(Math.trunc(timeout / 1000)),
      "idempotency-key": options.idempotencyKey || undefined,
    };
    const headers = new Headers();
    const removed = new Set<string>();
    for (const source of [
      own,
      this._options.defaultHeaders,
      { "content-type": contentType },
      options.headers,
    ]) {
      for (const [name, value] of Object.entries(headerRecord(source))) {
        // A name removed and then set again is sent: `removed` only matters for the absent ones.
        if (value === null) {
          headers.delete(name);
          removed.add(name.toLowerCase());
        } else if (value !== undefined) {
          headers.set(name, value);
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

  /**
   * The retry loop: sends attempts until one gets a response that is not retryable, or no retries are
   * left. Resolves with a successful response; rejects with the typed error of the last attempt.
   */
  async #makeRequest(options: FinalRequestOptions): Promise<APIResponseProps> {
    const send =
      options.httpAgent === undefined ? this.#fetch : fetchFor(options.httpAgent, this._options.fetch);
    const maxRetries = validCount("maxRetries", options.maxRetries ?? this.maxRetries);
    // A stream body can be read only once.
    const retries = isOneShotBody(options.body) ? 0 : maxRetries;
    const logID = `[log_${++this.#requestCount}]`;
    for (let retriesDone = 0; ; retriesDone++) {
      const retriesLeft = retries - retriesDone;
      let props: APIResponseProps;
      try {
        props = await this.#attempt(options, send, retriesDone, logID);
      } catch (error) {
        // A connection failure or a timeout is tried again; a user abort or bad input never is.
        if (!(error instanceof Errors.APIConnectionError) || retriesLeft <= 0) throw error;
        await this.#waitToRetry(logID, error.message, retriesDone, retriesLeft, undefined, options.signal);
        continue;
      }
      const { response } = props;
      if (response.ok) return props;
      if (retriesLeft > 0 && shouldRetryResponse(response.status, response.headers)) {
        // Free the connection of the failed attempt; not awaited, as some fetch shims never settle it.
        response.body?.cancel().catch(() => {});
        props.release?.();
        const reason = String(response.status);
        await this.#waitToRetry(logID, reason, retriesDone, retriesLeft, response.headers, options.signal);
        continue;
      }
      throw await this.#errorFromResponse(props);
    }
  }

  /**
   * One attempt: sends the request once, under its timeout and the caller's signal, and resolves with
   * the response whatever its status. A failure before the response rejects with its typed error:
   * `APIConnectionTimeoutError`, `APIUserAbortError`, `APIConnectionError` (a failed connection or
   * preparation), or our own `AnthropicError` for bad input.
   */
  async #attempt(
    options: FinalRequestOptions,
    send: Fetch,
    retryCount: number,
    logID: string,
  ): Promise<APIResponseProps> {
    const { req, url, timeout } = await this.buildRequest(options, { retryCount });
    if (options.signal?.aborted) throw new Errors.APIUserAbortError();
    const controller = new AbortController();
    // The caller's abort reaches the request without its reason, which must not pass for one of ours.
    const caller = linkSignals(options.signal);
    caller.signal.addEventListener("abort", () => controller.abort());
    // Aborted with the error it causes, told apart from a user's abort (see `requestError`).
    const timer = setTimeout(() => controller.abort(new Errors.APIConnectionTimeoutError()), timeout);
    // A pending attempt keeps its socket open; its timer alone must not keep a process alive.
    (timer as { unref?: () => void }).unref?.();
    const release = () => {
      clearTimeout(timer);
      caller.unlink();
    };

    let prepared: { url: string; init: RequestInit } | undefined;
    try {
      prepared = await this.prepareRequest(url, { ...req, signal: controller.signal }, options);
      const { method } = prepared.init;
      // The logger masks secret headers and values itself; the retry count is in the headers.
      this.logger.debug(`${logID} ${method} ${prepared.url}`, {
        headers: new Headers(prepared.init.headers),
      });
      // Aborted while it was being prepared: nothing is sent.
      if (controller.signal.aborted) throw controller.signal.reason;
      const response = await send(prepared.url, prepared.init);
      this.logger.debug(`${logID} ${response.status} ${method} ${prepared.url}`, {
        headers: response.headers,
      });
      // The request timeout covers waiting for a stream's headers; its idle timeout takes over from
      // here, and the caller's signal stays linked so it can still abort the body, until the stream ends.
      if (response.ok && (options.stream || options.jsonl)) clearTimeout(timer);
      return { response, controller, options, release };
    } catch (cause) {
      release();
      // Our own errors (bad input) are final; a failing credentials or token provider is retried
      // like a connection failure, as in the official SDK. An aborted fetch rejects with the abort's
      // reason, which may be our timeout error: an abort is reported (and retried) as such.
      if (cause instanceof Errors.AnthropicError && !controller.signal.aborted) throw cause;
      const message = prepared ? undefined : "Could not prepare the request.";
      throw Errors.requestError(controller.signal, cause, message);
    }
  }

  async #waitToRetry(
    logID: string,
    reason: string,
    retriesDone: number,
    retriesLeft: number,
    headers: Headers | undefined,
    signal: AbortSignal | null | undefined,
  ): Promise<void> {
    const delay = retryDelayMs(retriesDone, headers);
    this.logger.info(`${logID} ${reason} Retrying in ${Math.round(delay)} ms (${retriesLeft} left)`);
    await sleep(delay, signal);
  }

  /** The typed error of a response that failed for good, from its body (read under the attempt's timer). */
  async #errorFromResponse({ response, controller, release }: APIResponseProps): Promise<Errors.APIError> {
    const text = await readText(response, controller.signal).finally(() => release?.());
    // A server or proxy may echo the key back in any format: mask this client's own secrets.
    const masked = redactDeep(text, this.secrets()) as string;
    const body = parseJSON(masked);
    const message = body === undefined ? truncate(masked) : undefined;
    return Errors.APIError.generate(response.status, body, message, response.headers);
  }

  /**
   * @internal How `APIPromise` turns a response into data by default: a `Stream` or JSONL results for a
   * streaming call, else the JSON body, with `_request_id` and `_workspace_id` from the headers.
   */
  async _parseResponse<R>(props: APIResponseProps): Promise<R> {
    const { response, controller, release, options } = props;
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
      return addResponseIDs(data, response) as R;
    } finally {
      release?.();
    }
  }
}

// The error classes, reachable from the client class as in the official SDK (`Anthropic.APIError`).
Object.assign(BaseAnthropic, Errors.errorClasses);

/**
 * The `fetch` requests go through: the one given, else the global one (looked up at each call, so that
 * a later replacement, by msw or a test, is honoured); or, given a Node agent, the `fetch` of
 * `@colloquy/client/shims/node` that sends through it. An agent is never dropped silently.
 */
function fetchFor(httpAgent: unknown, customFetch: Fetch | undefined): Fetch {
  if (httpAgent === undefined) return customFetch ?? ((input, init) => fetch(input, init));
  if (customFetch)
    throw new Errors.AnthropicError("Pass `httpAgent` or `fetch`, not both: a `fetch` takes no agent.");
  const makeFetch = registeredAgentFetch();
  if (!makeFetch) throw new Errors.AnthropicError(HTTP_AGENT_NEEDS_SHIM);
  return makeFetch(httpAgent);
}

/** `value`, when it is a whole number of at least 0; else a typed error naming the option. */
function validCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new Errors.AnthropicError(`${name} must be a whole number of at least 0, got ${String(value)}.`);
  }
  return value;
}

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
    appendQuery(params, nestedKey(key, subKey, Array.isArray(value)), item);
  }
}

/** The query name of an entry: its own at the top level, `key[]` in an array, `key[subKey]` in an object. */
function nestedKey(key: string, subKey: string, inArray: boolean): string {
  if (!key) return subKey;
  if (inArray) return `${key}[]`;
  return `${key}[${subKey}]`;
}
