import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  type APIError,
  APIUserAbortError,
} from "../errors.js";

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
  if (signal.aborted) throw new APIUserAbortError();
  const reader = body.getReader() as ReadableStreamDefaultReader<Uint8Array | string>;
  let finished = false;
  let timedOut = false;
  // Cancelling ends a pending read even when the body is not wired to the signal (e.g. a test body).
  const onAbort = () => {
    reader.cancel().catch(() => {});
  };
  signal.addEventListener("abort", onAbort);

  // One timer per idle period rather than one per chunk: it re-arms itself for the time that remains.
  let reading = false;
  let readStartedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const checkIdle = () => {
    timer = undefined;
    if (!reading || idleTimeoutMs === undefined) return;
    const waited = Date.now() - readStartedAt;
    if (waited >= idleTimeoutMs) {
      timedOut = true;
      controller.abort();
    } else {
      timer = setTimeout(checkIdle, idleTimeoutMs - waited);
    }
  };
  const useIdleTimer = idleTimeoutMs !== undefined && idleTimeoutMs > 0;

  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array | string>;
      if (useIdleTimer) {
        readStartedAt = Date.now();
        reading = true;
        timer ??= setTimeout(checkIdle, idleTimeoutMs);
      }
      try {
        result = await reader.read();
      } catch (cause) {
        if (signal.aborted) throw abortError(timedOut, idleTimeoutMs);
        if (cause instanceof AnthropicError) throw cause;
        throw new APIConnectionError({ message: "The connection failed while reading the body.", cause });
      } finally {
        reading = false;
      }
      if (signal.aborted) throw abortError(timedOut, idleTimeoutMs);
      if (result.done) break;
      yield result.value;
      if (signal.aborted) throw abortError(timedOut, idleTimeoutMs);
    }
    finished = true;
  } finally {
    signal.removeEventListener("abort", onAbort);
    if (timer !== undefined) clearTimeout(timer);
    if (finished) {
      reader.releaseLock();
    } else {
      // The consumer stopped early (break) or the stream failed: release the connection.
      if (!signal.aborted) controller.abort();
      reader.cancel().catch(() => {});
    }
  }
}

function abortError(timedOut: boolean, idleTimeoutMs: number | undefined): APIError {
  return timedOut
    ? new APIConnectionTimeoutError({ message: `The stream sent no data for ${idleTimeoutMs} ms.` })
    : new APIUserAbortError();
}
