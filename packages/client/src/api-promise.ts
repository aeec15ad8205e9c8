import type { BaseAnthropic } from "./client.js";
import type { Page } from "./pagination.js";
import type { FinalRequestOptions } from "./request-options.js";

/**
 * What awaiting an `APIPromise<T>` gives: an object result carries the `request-id` and
 * `anthropic-workspace-id` response headers as `_request_id` and `_workspace_id` (not enumerable);
 * arrays, raw responses and pages do not, as in the official SDK.
 */
export type WithRequestID<T> = T extends Array<unknown> | Response | Page<unknown>
  ? T
  : // `any`, not `unknown`: interfaces such as `Message` match only a record of `any`.
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    T extends Record<string, any>
    ? T & { _request_id?: string | null; _workspace_id?: string | null }
    : T;

/** What the client resolves for one call: the response, and what is needed to turn it into data. */
export interface APIResponseProps {
  response: Response;
  /** The options of the call (whether it streams, its idle timeout). */
  options: FinalRequestOptions;
  /** Aborts the request, the reading of its body included. */
  controller: AbortController;
  /** Clears the attempt's timer and detaches the caller's signal, once the body has been read. */
  release?: () => void;
}

/** Turns a response into the call's data; the default is the client's own parsing. */
export type ParseResponse<T> = (client: BaseAnthropic, props: APIResponseProps) => T | Promise<T>;

const defaultParseResponse = <T>(client: BaseAnthropic, props: APIResponseProps) =>
  client._parseResponse<T>(props);

/**
 * The promise every API method returns: await it for the parsed data, or call `asResponse()` for the
 * raw `Response` (its body unread) or `withResponse()` for both. Parsing happens once, lazily.
 */
export class APIPromise<T> extends Promise<WithRequestID<T>> {
  readonly #client: BaseAnthropic;
  readonly #responsePromise: Promise<APIResponseProps>;
  readonly #parse: ParseResponse<T>;
  #parsed: Promise<T> | undefined;

  /** The official SDK's shape: the client, the response on its way, and how to parse it. */
  constructor(
    client: BaseAnthropic,
    responsePromise: Promise<APIResponseProps>,
    parseResponse: ParseResponse<T> = defaultParseResponse,
  ) {
    // The executor is unused: `then` is overridden to parse on demand.
    super((resolve) => resolve(null as WithRequestID<T>));
    this.#client = client;
    this.#responsePromise = responsePromise;
    this.#parse = parseResponse;
  }

  /**
   * Returns a new promise whose data is `transform(data)`, sharing this one's response; an object it
   * returns gets `_request_id` and `_workspace_id` too.
   */
  _thenUnwrap<U>(transform: (data: T, props: APIResponseProps) => U | Promise<U>): APIPromise<U> {
    return new APIPromise<U>(this.#client, this.#responsePromise, async (client, props) =>
      addResponseIDs(await transform(await this.#parse(client, props), props), props.response),
    );
  }

  /** The raw `Response`, without reading or parsing its body. */
  asResponse(): Promise<Response> {
    return this.#responsePromise.then((props) => {
      // The caller reads the body: the attempt's timer no longer applies.
      props.release?.();
      return props.response;
    });
  }

  /** The parsed data together with the raw `Response`, its `request-id` and its `anthropic-workspace-id`. */
  async withResponse(): Promise<{
    data: WithRequestID<T>;
    response: Response;
    request_id: string | null;
    workspace_id: string | null;
  }> {
    const data = await this.#parseOnce();
    const { response } = await this.#responsePromise;
    const { headers } = response;
    return {
      data,
      response,
      request_id: headers.get("request-id"),
      workspace_id: headers.get("anthropic-workspace-id"),
    };
  }

  /**
   * Parses once, on the first `then`; `catch` and `finally` go through `then` (the species below
   * makes them return plain promises).
   */
  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a real promise.
  override then<TResult1 = WithRequestID<T>, TResult2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.#parseOnce().then(onfulfilled, onrejected);
  }

  #parseOnce(): Promise<WithRequestID<T>> {
    this.#parsed ??= this.#responsePromise.then((props) => this.#parse(this.#client, props));
    return this.#parsed as Promise<WithRequestID<T>>;
  }

  static override get [Symbol.species]() {
    return Promise;
  }
}

/**
 * Adds the `request-id` and `anthropic-workspace-id` headers to an object result as `_request_id` and
 * `_workspace_id`, not enumerable (as in the official SDK), so they stay out of `JSON.stringify`.
 */
export function addResponseIDs<T>(data: T, response: Response): T {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return data;
  return Object.defineProperties(data, {
    _request_id: { value: response.headers.get("request-id"), configurable: true },
    _workspace_id: { value: response.headers.get("anthropic-workspace-id"), configurable: true },
  });
}
