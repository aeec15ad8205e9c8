/** A request body ready for `fetch`, and the `content-type` header that goes with it (`undefined`: none of ours). */
export interface EncodedBody {
  body: BodyInit | undefined;
  contentType: string | undefined;
}

/**
 * Encodes the `body` request option as the official SDK does: nothing for `undefined` or `null`; binary
 * data, `Blob`/`File`, `FormData`, `URLSearchParams` and `ReadableStream` as they are (`fetch` gives them
 * their own content type); an async iterable or an iterator of chunks as a `ReadableStream`; a string as
 * it is when the caller set a `content-type`; anything else as JSON.
 */
export function encodeBody(body: unknown, callerSetsContentType: boolean): EncodedBody {
  if (body === undefined || body === null) return { body: undefined, contentType: undefined };
  if (isRawBody(body) || (typeof body === "string" && callerSetsContentType)) {
    return { body: body as BodyInit, contentType: undefined };
  }
  if (isChunkSource(body)) return { body: streamOf(body), contentType: undefined };
  return { body: JSON.stringify(body), contentType: "application/json" };
}

/**
 * Whether `body` can be read only once (a `ReadableStream`, an async iterable or an iterator), so that
 * a request sending it is never retried.
 */
export function isOneShotBody(body: unknown): boolean {
  return body instanceof ReadableStream || isChunkSource(body);
}

// Every runtime the client supports (Node >= 20, Bun, Deno, workers, browsers) has these classes.
function isRawBody(body: unknown): boolean {
  return (
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof Blob ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof ReadableStream
  );
}

type ChunkSource = AsyncIterable<Uint8Array> | Iterator<Uint8Array>;

/** An async iterable (e.g. an async generator or a Node stream), or an iterator: not an array or a plain object. */
function isChunkSource(body: unknown): body is ChunkSource {
  if (typeof body !== "object" || body === null) return false;
  if (Symbol.asyncIterator in body) return true;
  return Symbol.iterator in body && typeof (body as { next?: unknown }).next === "function";
}

/** A `ReadableStream` that pulls the chunks of `source` one at a time. */
function streamOf(source: ChunkSource): ReadableStream<Uint8Array> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source;
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
