import {
  AnthropicError,
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
} from "@colloquy/client";

const encoder = new TextEncoder();

/**
 * Reads a response body chunk by chunk, with the client's stream rules: an abort becomes
 * `APIUserAbortError` (or `APIConnectionTimeoutError` when the idle timer fired it), a broken connection
 * `APIConnectionError`; stopping early aborts the request and cancels the body.
 */
export async function* readChunks(
  body: ReadableStream,
  controller: AbortController,
  idleTimeoutMs: number | undefined,
): AsyncGenerator<Uint8Array, void, undefined> {
  const signal = controller.signal;
  if (signal.aborted) throw new APIUserAbortError();
  const reader = body.getReader() as ReadableStreamDefaultReader<Uint8Array | string>;
  let timedOut = false;
  let finished = false;
  // Cancelling ends a pending read even when the body is not wired to the signal.
  const onAbort = () => {
    reader.cancel().catch(() => {});
  };
  signal.addEventListener("abort", onAbort);
  const aborted = () =>
    timedOut
      ? new APIConnectionTimeoutError({ message: `The stream sent no data for ${idleTimeoutMs} ms.` })
      : new APIUserAbortError();
  try {
    for (;;) {
      const timer =
        idleTimeoutMs && idleTimeoutMs > 0
          ? setTimeout(() => {
              timedOut = true;
              controller.abort();
            }, idleTimeoutMs)
          : undefined;
      let result: ReadableStreamReadResult<Uint8Array | string>;
      try {
        result = await reader.read();
      } catch (cause) {
        if (signal.aborted) throw aborted();
        if (cause instanceof AnthropicError) throw cause;
        throw new APIConnectionError({ message: "The connection failed while reading the stream.", cause });
      } finally {
        clearTimeout(timer);
      }
      if (signal.aborted) throw aborted();
      if (result.done) break;
      yield typeof result.value === "string" ? encoder.encode(result.value) : result.value;
      if (signal.aborted) throw aborted();
    }
    finished = true;
  } finally {
    signal.removeEventListener("abort", onAbort);
    if (finished) {
      reader.releaseLock();
    } else {
      if (!signal.aborted) controller.abort();
      reader.cancel().catch(() => {});
    }
  }
}
