import type { BaseAnthropic } from "./client.js";
import type { FinalRequestOptions } from "./request-options.js";

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
export class APIPromise<T> extends Promise<T> {
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
    super((resolve) => resolve(null as T));
    this.#client = client;
    this.#responsePromise = responsePromise;
    this.#parse = parseResponse;
  }

  /**
   * Returns a new promise whose data is `transform(data)`, sharing this one's response.
   * @param Class - the class of the new promise (a `PagePromise` for a list call).
   * @default APIPromise
   */
  _thenUnwrap<U, P extends APIPromise<U> = APIPromise<U>>(
    transform: (data: T, props: APIResponseProps) => U | Promise<U>,
    Class: new (
      client: BaseAnthropic,
      responsePromise: Promise<APIResponseProps>,
      parseResponse: ParseResponse<U>,
    ) => P = APIPromise as never,
  ): P {
    return new Class(this.#client, this.#responsePromise, async (client, props) =>
      transform(await this.#parse(client, props), props),
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
    data: T;
    response: Response;
    request_id: string | null;
    workspace_id: string | null;
  }> {
    const data = await this;
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
  override then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    this.#parsed ??= this.#responsePromise.then((props) => this.#parse(this.#client, props));
    return this.#parsed.then(onfulfilled, onrejected);
  }

  static override get [Symbol.species]() {
    return Promise;
  }
}
