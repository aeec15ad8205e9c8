import {
  AnthropicError,
  APIConnectionTimeoutError,
  APIError,
  requestError,
  StreamTruncatedError,
} from "../errors.js";
import { parseJSONOrThrow } from "../internal/parse-json.js";
import { LineDecoder } from "./line-decoder.js";

/** Turns the chunks of a body into items, pushed through a callback: the SSE and JSON-lines decoders. */
export interface ChunkDecoder {
  /** Feeds one chunk of the body. */
  decode(chunk: Uint8Array | string): void;
  /** Ends the body: passes on what the last chunk left unfinished. */
  flush(): void;
}

/**
 * Reads a body chunk by chunk. Turns an abort into `APIUserAbortError` (or `APIConnectionTimeoutError`
 * when the idle timer fired it) and a read failure into `APIConnectionError`; when the consumer stops
 * early, aborts the request and cancels the body.
 */
export async function* readBody(
  body: ReadableStream,
  controller: AbortController,
  idleTimeoutMs: number | undefined,
): AsyncGenerator<Uint8Array | string, void, undefined> {
  const signal = controller.signal;
  // The idle timer aborts with the error it causes (see `requestError`).
  const throwIfAborted = () => {
    if (signal.aborted) throw requestError(signal);
  };
  const reader = body.getReader() as ReadableStreamDefaultReader<Uint8Array | string>;
  let finished = false;
  // An abort ends the wait for a pending read at once, even when the body is not wired to the signal
  // (a custom fetch, a test body); the body itself is cancelled on the way out.
  let stopWaiting: ((result: undefined) => void) | undefined;
  const onAbort = () => stopWaiting?.(undefined);
  signal.addEventListener("abort", onAbort);
  let timer: ReturnType<typeof setTimeout> | undefined;

  try {
    for (;;) {
      // Before the first read, and after the consumer had the last chunk.
      throwIfAborted();
      let result: ReadableStreamReadResult<Uint8Array | string> | undefined;
      // The idle timer runs only while waiting for bytes, not while the consumer has the last chunk.
      if (idleTimeoutMs !== undefined && idleTimeoutMs > 0) {
        timer = setTimeout(
          () =>
            controller.abort(
              new APIConnectionTimeoutError({ message: `The stream sent no data for ${idleTimeoutMs} ms.` }),
            ),
          idleTimeoutMs,
        );
      }
      const read = reader.read();
      // A read left pending by an abort may still fail later: that is no unhandled rejection.
      read.catch(() => {});
      // A new promise per read: one that never settles is dropped with the reaction on it.
      const aborted = new Promise<undefined>((resolve) => {
        stopWaiting = resolve;
      });
      try {
        result = await Promise.race([read, aborted]);
      } catch (cause) {
        // A failure caused by an abort is reported as the abort, just below.
        if (!signal.aborted) {
          throw cause instanceof AnthropicError
            ? cause
            : requestError(signal, cause, "The connection failed while reading the body.");
        }
      } finally {
        clearTimeout(timer);
      }
      // An abort ends a pending read (`undefined`) or comes with its result: check it first.
      throwIfAborted();
      // `undefined` only after an abort, which has just thrown.
      if (result === undefined || result.done) break;
      yield result.value;
    }
    finished = true;
  } finally {
    signal.removeEventListener("abort", onAbort);
    if (finished) {
      reader.releaseLock();
    } else {
      // The consumer stopped early (break) or the stream failed: release the connection.
      if (!signal.aborted) controller.abort();
      cancelSoon(reader);
    }
  }
}

/**
 * Cancels a body on the next turn of the event loop rather than now. A body that a custom fetch built
 * with Node's `Readable.toWeb()` (around a `PassThrough`, say) may have a push scheduled for the read
 * just made; cancelling before it runs makes Node throw an uncaught "Invalid state: Controller is
 * already closed" from that push (nodejs/node#54205). Nothing waits for the cancellation: some bodies
 * never settle it.
 */
function cancelSoon(reader: ReadableStreamDefaultReader<unknown>): void {
  setTimeout(() => {
    reader.cancel().catch(() => {});
  }, 0);
}

/**
 * The one reader of the SSE and JSON-lines paths: feeds a body to `decoder`, whose callback pushes the
 * items each line completes to `items`, and yields them chunk by chunk (the items before a failure in
 * the same chunk still come first). A missing body, or an `unexpectedType` (the content type of an
 * SSE response that is not an event stream), aborts the request and throws an `AnthropicError`, so
 * neither passes for an empty stream. A body whose first item
 * is a `message_start` must end with a `message_stop`, else it throws `StreamTruncatedError`, also in place
 * of the parse error that a last line cut short causes (an `APIError` from an `error` event stays).
 */
export async function* decodeBody<Item>(
  body: ReadableStream | null,
  controller: AbortController,
  idleTimeoutMs: number | undefined,
  decoder: ChunkDecoder,
  items: Item[],
  unexpectedType?: string,
): AsyncGenerator<Item[], void, undefined> {
  if (!body || unexpectedType) {
    controller.abort();
    throw new AnthropicError(
      body
        ? `Expected an event stream but got ${unexpectedType}`
        : "Attempted to iterate over a response with no body",
    );
  }
  /** The types of the first item and of the last one so far. */
  let firstType: unknown;
  let lastType: unknown;
  const take = (): Item[] => {
    firstType ??= (items[0] as { type?: unknown } | null)?.type;
    lastType = (items.at(-1) as { type?: unknown } | null)?.type;
    return items.splice(0);
  };
  for await (const chunk of readBody(body, controller, idleTimeoutMs)) {
    try {
      decoder.decode(chunk);
    } finally {
      if (items.length > 0) yield take();
    }
  }
  let endError: unknown;
  try {
    decoder.flush();
  } catch (error) {
    endError = error;
  }
  if (items.length > 0) yield take();
  if (firstType === "message_start" && lastType !== "message_stop" && !(endError instanceof APIError)) {
    throw new StreamTruncatedError();
  }
  if (endError !== undefined) throw endError;
}

/**
 * @internal Parses a body of JSON lines chunk by chunk, yielding the values each chunk completed.
 * Any chunking works (lines and characters may be split), LF, CRLF and CR end a line (see
 * {@link LineDecoder}), blank lines are skipped, a last line without a line end is parsed, and a line
 * that does not parse throws an `AnthropicError` with its line number, so no value is ever silently
 * dropped (a message stream cut inside its last line throws `StreamTruncatedError`, see `decodeBody`).
 */
export function jsonLineBatches<T>(
  body: ReadableStream | null,
  controller: AbortController,
): AsyncGenerator<T[], void, undefined> {
  const values: T[] = [];
  let lineNumber = 0;
  const lines: LineDecoder = new LineDecoder((line) => {
    lineNumber++;
    if (line.trim() === "") return;
    const ending = lines.ended ? " (the body ended inside it)" : "";
    values.push(parseJSONOrThrow(line, `line ${lineNumber}${ending}`) as T);
  });
  return decodeBody(body, controller, undefined, lines, values);
}
