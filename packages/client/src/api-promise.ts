/** What the client resolves for one call: the response and how to turn it into data. */
export interface APIResponseProps {
  response: Response;
  controller: AbortController;
  /** Clears the attempt's timer and abort listener once the body has been read. */
  release?: () => void;
}

type Parse<T> = (props: APIResponseProps) => Promise<T>;

/**
 * The promise every API method returns: await it for the parsed data, or call `asResponse()` for the
 * raw `Response` (its body unread) or `withResponse()` for both. Parsing happens once, lazily.
 */
export class APIPromise<T> extends Promise<T> {
  readonly #responsePromise: Promise<APIResponseProps>;
  readonly #parse: Parse<T>;
  #parsed: Promise<T> | undefined;

  constructor(responsePromise: Promise<APIResponseProps>, parse: Parse<T>) {
    // The executor is unused: `then` is overridden to parse on demand.
    super((resolve) => resolve(null as T));
    this.#responsePromise = responsePromise;
    this.#parse = parse;
  }

  /**
   * Returns a new promise whose data is `transform(data)`, sharing this one's response.
   * @param Class - the class of the new promise (a `PagePromise` for a list call).
   * @default APIPromise
   */
  _thenUnwrap<U, P extends APIPromise<U> = APIPromise<U>>(
    transform: (data: T, props: APIResponseProps) => U | Promise<U>,
    Class: new (responsePromise: Promise<APIResponseProps>, parse: Parse<U>) => P = APIPromise as never,
  ): P {
    return new Class(this.#responsePromise, async (props) => transform(await this.#parse(props), props));
  }

  /** The raw `Response`, without reading or parsing its body. */
  asResponse(): Promise<Response> {
    return this.#responsePromise.then((props) => {
      // The caller reads the body: the attempt's timer no longer applies.
      props.release?.();
      return props.response;
    });
  }

  /** The parsed data together with the raw `Response` and its `request-id`. */
  async withResponse(): Promise<{ data: T; response: Response; request_id: string | null }> {
    const data = await this;
    const { response } = await this.#responsePromise;
    return { data, response, request_id: response.headers.get("request-id") };
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
    this.#parsed ??= this.#responsePromise.then(this.#parse);
    return this.#parsed.then(onfulfilled, onrejected);
  }

  static override get [Symbol.species]() {
    return Promise;
  }
}
