import { AnthropicError, APIError, APIUserAbortError } from "../errors.js";
import { parseJSON, parseJSONOrThrow } from "../internal/parse-json.js";
import { decodeBody, jsonLineBatches } from "./read-body.js";
import { SSEDecoder } from "./sse-decoder.js";

/** Options of {@link Stream.fromSSEResponse}. */
export interface SSEStreamOptions {
  /**
   * Milliseconds the body may go without a byte, once the headers are in, before the request is
   * aborted with `APIConnectionTimeoutError`. Only time spent waiting for bytes counts, not time the
   * consumer spends between reads. `0` or `undefined` turns it off.
   * @default undefined
   */
  idleTimeoutMs?: number | undefined;
}

/** Yields the items each chunk of the body completed, in order. */
type BatchSource<Item> = () => AsyncGenerator<Item[], void, undefined>;

/** @internal Lets `MessageStream` read whole chunks of events at once; not part of the public API. */
export const readBatches: unique symbol = Symbol("readBatches");

/** @internal Sets what a stream calls once reading has ended (see {@link releaseWhenDone}). */
export const onDone: unique symbol = Symbol("onDone");

const encoder = new TextEncoder();

/**
 * The backstop of {@link releaseWhenDone}: a stream dropped before it ended (never read, or abandoned
 * half-read) runs its release when it is garbage-collected, so it cannot pin the caller's signal.
 */
const releaseOnCollect = new FinalizationRegistry<() => void>((release) => release());

/**
 * @internal Runs `release` (e.g. removing a listener from the caller's signal) once `stream` has ended
 * in any way: read to its end, broken out of, failed or aborted; or, failing that, once the stream is
 * garbage-collected. Runs it at most once. Returns `stream`.
 */
export function releaseWhenDone<S extends Stream<unknown>>(stream: S, release: () => void): S {
  releaseOnCollect.register(stream, release, stream);
  // A stream is read once, so this runs once; the backstop is withdrawn first.
  stream[onDone](() => {
    releaseOnCollect.unregister(stream);
    release();
  });
  return stream;
}

/**
 * An async-iterable stream of typed events from the API.
 *
 * Stricter than a bare SSE reader: an `error` event throws the `APIError` subclass of its type, a
 * message stream that ends before `message_stop` throws `StreamTruncatedError`, malformed data throws
 * an `AnthropicError` naming the event, and an aborted request throws `APIUserAbortError`. Breaking
 * out of `for await` aborts the request and ends quietly.
 *
 * @example
 * const stream = await client.messages.create({ ...params, stream: true });
 * for await (const event of stream) {
 *   if (event.type === "content_block_delta" && event.delta.type === "text_delta") write(event.delta.text);
 * }
 */
export class Stream<Item> implements AsyncIterable<Item> {
  /** Aborts the request that feeds this stream. */
  readonly controller: AbortController;
  readonly #source: BatchSource<Item>;
  #consumed = false;
  /** Called once reading has ended in any way (see {@link releaseWhenDone}). */
  #onDone: (() => void) | undefined;

  constructor(source: BatchSource<Item>, controller: AbortController) {
    this.#source = source;
    this.controller = controller;
  }

  /** Reads the SSE body of a `POST /v1/messages` response with `stream: true`. */
  static fromSSEResponse<Item>(
    response: Response,
    controller: AbortController,
    options: SSEStreamOptions = {},
  ): Stream<Item> {
    const items: Item[] = [];
    // Called by the decoder for each complete event; a throw stops the chunk (see `decodeBody`).
    const decoder = new SSEDecoder(({ event: name, data }) => {
      // As the official SDK: events without a name and pings are not items, an `error` event throws,
      // and every other event with data is yielded, also of a type this version does not know.
      if (name === undefined || name === "ping") return;
      if (name === "error") {
        const body = parseJSON(data);
        throw APIError.generate(undefined, body === undefined ? data : body, undefined, response.headers);
      }
      if (data === "") return;
      // Stored at an index rather than pushed: the engine's compiled `push` expects the array kind it
      // saw, and the first event into the next stream's new, empty array would discard that code.
      items[items.length] = parseJSONOrThrow(data, name) as Item;
    });
    // A 200 that is not an event stream (a proxy's JSON or HTML page) must not pass for an empty stream.
    const contentType = response.headers.get("content-type");
    const unexpectedType = contentType?.includes("text/event-stream") === false ? contentType : undefined;
    return new Stream(
      () => decodeBody(response.body, controller, options.idleTimeoutMs, decoder, items, unexpectedType),
      controller,
    );
  }

  /**
   * Reads the newline-delimited JSON that {@link Stream.toReadableStream} writes, e.g. a stream a
   * server passed on to a browser. Like the SSE path, a message that ends before `message_stop`
   * (also one cut inside its last line) throws `StreamTruncatedError`.
   */
  static fromReadableStream<Item>(
    readableStream: ReadableStream,
    controller: AbortController = new AbortController(),
  ): Stream<Item> {
    return new Stream(() => jsonLineBatches<Item>(readableStream, controller), controller);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.#items(this[readBatches]());
  }

  async *#items(batches: AsyncGenerator<Item[], void, undefined>): AsyncGenerator<Item, void, undefined> {
    const signal = this.controller.signal;
    for await (const batch of batches) {
      for (const item of batch) {
        yield item;
        // An abort while the consumer handled the item stops the rest of the chunk too.
        if (signal.aborted) throw new APIUserAbortError();
      }
    }
  }

  /** @internal The items chunk by chunk; `break` (`return()`) aborts the request. */
  [readBatches](): AsyncGenerator<Item[], void, undefined> {
    if (this.#consumed) {
      throw new AnthropicError("Cannot iterate over a consumed stream: use `.tee()` to read it twice.");
    }
    this.#consumed = true;
    const done = this.#onDone;
    return done ? endingWith(this.#source(), done) : this.#source();
  }

  /** @internal See {@link releaseWhenDone}. */
  [onDone](callback: () => void): void {
    this.#onDone = callback;
  }

  /** Splits the stream into two that can be read independently, at different speeds. */
  tee(): [Stream<Item>, Stream<Item>] {
    const source = this[readBatches]();
    // What each branch has yet to read: a result is queued for both when the one ahead asks for it.
    const queues: Promise<IteratorResult<Item[], void>>[][] = [[], []];
    return queues.map(
      (own) =>
        new Stream(async function* teeBranch() {
          for (;;) {
            if (own.length === 0) {
              const next = source.next();
              // Both branches see every result, so a failure is reported to each; mark it handled here.
              next.catch(() => {});
              for (const queue of queues) queue.push(next);
            }
            // Never empty here: a result was queued just above if there was none.
            const result = await own.shift();
            if (!result || result.done) return;
            yield result.value;
          }
        }, this.controller),
    ) as [Stream<Item>, Stream<Item>];
  }

  /**
   * A `ReadableStream` of newline-delimited JSON, one event per line, for passing the stream on (for
   * example from a server to a browser); read it back with {@link Stream.fromReadableStream}.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const batches = this[readBatches]();
    return new ReadableStream<Uint8Array>({
      // A rejection of `pull` (the stream failed) errors the `ReadableStream` with the same error.
      async pull(streamController) {
        const result = await batches.next();
        if (result.done) return streamController.close();
        streamController.enqueue(
          encoder.encode(result.value.map((item) => `${JSON.stringify(item)}\n`).join("")),
        );
      },
      async cancel() {
        await batches.return();
      },
    });
  }
}

/** Passes on the batches of `source`, then calls `onDone` however reading ends (also on `return()`). */
async function* endingWith<Item>(
  source: AsyncGenerator<Item[], void, undefined>,
  onDone: () => void,
): AsyncGenerator<Item[], void, undefined> {
  try {
    yield* source;
  } finally {
    onDone();
  }
}
