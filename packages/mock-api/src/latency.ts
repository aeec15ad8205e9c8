import { hashString } from "./ids.js";

/**
 * The time to first byte of one response: `latencyMs` plus a jitter in `[0, jitterMs]` drawn from the
 * seed and the request's sequence number, so the same run of requests always waits the same times.
 */
export function latencyFor(seed: string, requestNumber: number, latencyMs: number, jitterMs: number): number {
  if (jitterMs <= 0) return latencyMs;
  return latencyMs + (hashString(`${seed}:latency:${requestNumber}`) % (Math.floor(jitterMs) + 1));
}

/** The error `fetch` rejects with when its request is aborted. */
function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("This operation was aborted", "AbortError");
}

/**
 * Waits at least `ms` by `performance.now()`, or rejects as `fetch` does as soon as `signal` aborts: a
 * client that gives up on a slow request is not kept waiting. Runs on `setTimeout` (so fake timers drive
 * it), which counts whole milliseconds and can fire up to one early: when it does, the rest is waited.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  const due = performance.now() + ms;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout>;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const waitForDue = () => {
      const left = due - performance.now();
      if (left > 0) {
        timer = setTimeout(waitForDue, Math.ceil(left));
        return;
      }
      signal?.removeEventListener("abort", onAbort);
      resolve();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    waitForDue();
  });
}
