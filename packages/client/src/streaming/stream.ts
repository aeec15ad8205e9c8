import { AnthropicError, APIError, APIUserAbortError, StreamTruncatedError } from "../errors.js";
import { parseJSON } from "../internal/parse-json.js";
import { jsonLineBatches } from "./jsonl.js";
import { readBody } from "./read-body.js";
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

const encoder = new TextEncoder();

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
    const idleTimeoutMs = options.idleTimeoutMs;
    async function* batches(): AsyncGenerator<Item[], void, undefined> {
      let firstEvent: string | undefined;
      let stopped = false;
      let atEnd = false;
      let items: Item[] = [];
      // Called by the decoder for each complete event; a throw stops the chunk (see below).
      const onEvent = (name: string, data: string): void => {
        // Names are compared only with short literals here: comparing the decoder's sliced strings
        // costs more than the JSON parse; the known event types are then matched on the parsed `type`.
        if (name === "ping") return;
        if (name === "error") {
          const body = parseJSON(data);
          throw APIError.generate(undefined, body === undefined ? data : body, undefined, response.headers);
        }
        if (data === "") return;
        let item: Item;
        try {
          item = JSON.parse(data) as Item;
        } catch (cause) {
          // An unparsable last event without its blank line is a connection cut mid-event.
          if (atEnd && firstEvent === "message_start" && !stopped) throw new StreamTruncatedError();
          throw new AnthropicError(`Invalid JSON in a "${name}" event: ${(cause as Error).message}`, {
            cause,
          });
        }
        const type = (item as { type?: unknown } | null)?.type;
        // A switch on literals: faster than a set lookup, on the path of every event.
        switch (type) {
          case "content_block_delta":
          case "content_block_start":
          case "content_block_stop":
          case "message_start":
          case "message_delta":
            break;
          case "message_stop":
            stopped = true;
            break;
          default:
            // An event type this version does not know.
            return;
        }
        firstEvent ??= type;
        items.push(item);
      };
      const decoder = new SSEDecoder(onEvent);

      if (!response.body) {
        controller.abort();
        throw new AnthropicError("Attempted to iterate over a response with no body");
      }
      // A 200 that is not an event stream (a proxy's JSON or HTML page) must not pass for an empty stream.
      const contentType = response.headers.get("content-type");
      if (contentType && !contentType.includes("text/event-stream")) {
        controller.abort();
        throw new AnthropicError(`Expected an event stream but got ${contentType}`);
      }
      const take = () => {
        const batch = items;
        items = [];
        return batch;
      };
      // The events before a failure in the same chunk are still delivered, in order, before it.
      for await (const chunk of readBody(response.body, controller, idleTimeoutMs)) {
        try {
          decoder.decode(chunk);
        } finally {
          if (items.length > 0) yield take();
        }
      }
      atEnd = true;
      try {
        decoder.flush();
      } finally {
        if (items.length > 0) yield take();
      }
      if (firstEvent === "message_start" && !stopped) throw new StreamTruncatedError();
    }
    return new Stream(batches, controller);
  }

  /**
   * Reads the newline-delimited JSON that {@link Stream.toReadableStream} writes, e.g. a stream a
   * server passed on to a browser.
   */
  static fromReadableStream<Item>(
    readableStream: ReadableStream,
    controller: AbortController = new AbortController(),
  ): Stream<Item> {
    async function* batches(): AsyncGenerator<Item[], void, undefined> {
      let firstType: unknown;
      let stopped = false;
      for await (const items of jsonLineBatches<Item>(readableStream, controller)) {
        for (const item of items) {
          const type = (item as { type?: unknown } | null)?.type;
          firstType ??= type;
          if (type === "message_stop") stopped = true;
        }
        yield items;
      }
      if (firstType === "message_start" && !stopped) throw new StreamTruncatedError();
    }
    return new Stream(batches, controller);
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.#items(this[readBatches]());
  }

  async *#items(batches: AsyncGenerator<Item[], void, undefined>): AsyncGenerator<Item, void, undefined> {
    const signal = this.controller.signal;
    for await (const batch of batches) {
      for (let index = 0; index < batch.length; index++) {
        // An abort while the consumer handled the previous item stops the rest of the chunk too.
        if (index > 0 && signal.aborted) throw new APIUserAbortError();
        yield batch[index]!;
      }
    }
  }

  /** @internal The items chunk by chunk; `break` (`return()`) aborts the request. */
  [readBatches](): AsyncGenerator<Item[], void, undefined> {
    if (this.#consumed) {
      throw new AnthropicError("Cannot iterate over a consumed stream: use `.tee()` to read it twice.");
    }
    this.#consumed = true;
    return this.#source();
  }

  /** Splits the stream into two that can be read independently, at different speeds. */
  tee(): [Stream<Item>, Stream<Item>] {
    const source = this[readBatches]();
    const queues: Promise<IteratorResult<Item[], void>>[][] = [[], []];
    const branch = (own: Promise<IteratorResult<Item[], void>>[]): BatchSource<Item> =>
      async function* teeBranch() {
        for (;;) {
          if (own.length === 0) {
            const next = source.next();
            // Both branches see every result, so a failure is reported to each; mark it handled here.
            next.catch(() => {});
            for (const queue of queues) queue.push(next);
          }
          const result = await own.shift()!;
          if (result.done) return;
          yield result.value;
        }
      };
    return [new Stream(branch(queues[0]!), this.controller), new Stream(branch(queues[1]!), this.controller)];
  }

  /**
   * A `ReadableStream` of newline-delimited JSON, one event per line, for passing the stream on (for
   * example from a server to a browser); read it back with {@link Stream.fromReadableStream}.
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    let batches: AsyncGenerator<Item[], void, undefined> | undefined;
    return new ReadableStream<Uint8Array>({
      start: () => {
        batches = this[readBatches]();
      },
      pull: async (streamController) => {
        try {
          const result = await batches!.next();
          if (result.done) {
            streamController.close();
            return;
          }
          let text = "";
          for (const item of result.value) text += `${JSON.stringify(item)}\n`;
          if (text) streamController.enqueue(encoder.encode(text));
        } catch (error) {
          streamController.error(error);
        }
      },
      cancel: async () => {
        await batches?.return();
      },
    });
  }
}
