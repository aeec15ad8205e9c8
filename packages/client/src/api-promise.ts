/** What the client resolves for one call: the response and how to turn it into data. */
export interface APIResponseProps {
  response: Response;
  controller: AbortController;
  /** Clears the attempt's timer and abort listener once the body has been read. */
  release?: () => void;
  /** The caller's signal, to tell a user's abort from a broken connection while reading. */
  userSignal?: AbortSignal | undefined;
}

type Parse<T> = (props: APIResponseProps) => Promise<T>;

/**
 * The promise every API method returns: await it for the parsed data, or call `asResponse()` for the
 * raw `Response` (its body unread) or `withResponse()` for both. Parsing happens once, lazily.
 */
export class APIPromise<T> extends Promise<T> {
  private parsed: Promise<T> | undefined;

  constructor(
    private readonly responsePromise: Promise<APIResponseProps>,
    private readonly parse: Parse<T>,
  ) {
    // The executor is unused: `then` is overridden to parse on demand.
    super((resolve) => resolve(null as T));
  }

  /** Returns a new promise whose data is `transform(data)`, sharing this one's response. */
  _thenUnwrap<U>(transform: (data: T, props: APIResponseProps) => U | Promise<U>): APIPromise<U> {
    return new APIPromise(this.responsePromise, async (props) => transform(await this.parse(props), props));
  }

  /** The raw `Response`, without reading or parsing its body. */
  asResponse(): Promise<Response> {
    return this.responsePromise.then((props) => {
      // The caller reads the body: the attempt's timer no longer applies.
      props.release?.();
      return props.response;
    });
  }

  /** The parsed data together with the raw `Response` and its `request-id`. */
  async withResponse(): Promise<{ data: T; response: Response; request_id: string | null }> {
    const [data, response] = await Promise.all([
      this.data(),
      this.responsePromise.then((props) => props.response),
    ]);
    return { data, response, request_id: response.headers.get("request-id") };
  }

  private data(): Promise<T> {
    this.parsed ??= this.responsePromise.then(this.parse);
    return this.parsed;
  }

  // biome-ignore lint/suspicious/noThenProperty: an APIPromise is a real promise.
  override then<TResult1 = T, TResult2 = never>(
    onfulfilled?: ((value: T) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    return this.data().then(onfulfilled, onrejected);
  }

  override catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<T | TResult> {
    return this.data().catch(onrejected);
  }

  override finally(onfinally?: (() => void) | null): Promise<T> {
    return this.data().finally(onfinally);
  }

  static override get [Symbol.species]() {
    return Promise;
  }
}
