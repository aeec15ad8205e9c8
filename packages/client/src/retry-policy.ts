/**
 * When to try a request again and how long to wait first: the official SDK's rules, readable on
 * one screen. Pure functions, so each rule is tested alone.
 */

const initialDelayMs = 500;
const maxDelayMs = 8_000;
/** Server-sent delays beyond this are ignored in favour of the backoff (2^31 - 1, the setTimeout limit). */
const maxServerDelayMs = 2 ** 31 - 1;

/**
 * Whether a response with this status and headers may be retried: the server's `x-should-retry` wins,
 * else 408 (request timeout), 409 (lock or conflict), 429 (rate limited) and 5xx (server error, overload).
 */
export function shouldRetryResponse(status: number, headers: Headers): boolean {
  const shouldRetry = headers.get("x-should-retry");
  if (shouldRetry === "true" || shouldRetry === "false") return shouldRetry === "true";
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * How long to wait before retry number `retriesDone + 1`: `retry-after-ms`, then `retry-after` (seconds
 * or an HTTP date), when they are positive and sane; otherwise exponential backoff with jitter.
 * @param random - injectable for tests; returns a number in [0, 1).
 */
export function retryDelayMs(
  retriesDone: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const afterMs = parseFloat(headers?.get("retry-after-ms") ?? "");
  const after = headers?.get("retry-after") ?? "";
  const afterSeconds = parseFloat(after);
  for (const ms of [afterMs, Number.isNaN(afterSeconds) ? Date.parse(after) - now() : afterSeconds * 1000]) {
    if (ms > 0 && ms <= maxServerDelayMs) return ms;
  }
  // Exponential backoff, with up to a quarter taken off at random: (0.75, 1] of it.
  return Math.min(initialDelayMs * 2 ** retriesDone, maxDelayMs) * (1 - random() * 0.25);
}
