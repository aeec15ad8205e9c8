/**
 * When to try a request again and how long to wait first: the official SDK's rules, readable on
 * one screen. Pure functions, so each rule is tested alone.
 */

const initialDelayMs = 500;
const maxDelayMs = 8_000;
/** Server-sent delays beyond this are ignored in favour of the backoff (2^31 - 1, the setTimeout limit). */
const maxServerDelayMs = 2 ** 31 - 1;

/** Whether a response with this status and headers may be retried. */
export function shouldRetryResponse(status: number, headers: Headers): boolean {
  // The server's explicit word wins over every status rule.
  const shouldRetry = headers.get("x-should-retry");
  if (shouldRetry === "true") return true;
  if (shouldRetry === "false") return false;

  if (status === 408) return true; // request timeout
  if (status === 409) return true; // lock or conflict
  if (status === 429) return true; // rate limited
  if (status >= 500) return true; // server error, overload
  return false;
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
  const fromServer = serverDelayMs(headers, now);
  if (fromServer !== undefined) return fromServer;
  const backoff = Math.min(initialDelayMs * 2 ** retriesDone, maxDelayMs);
  const jitter = 1 - random() * 0.25; // (0.75, 1]
  return backoff * jitter;
}

function serverDelayMs(headers: Headers | undefined, now: () => number): number | undefined {
  if (!headers) return undefined;
  const inRange = (ms: number) => ms > 0 && ms <= maxServerDelayMs;

  const afterMs = headers.get("retry-after-ms");
  if (afterMs !== null) {
    const ms = Number.parseFloat(afterMs);
    if (inRange(ms)) return ms;
  }
  const after = headers.get("retry-after");
  if (after !== null) {
    const seconds = Number.parseFloat(after);
    const ms = Number.isNaN(seconds) ? Date.parse(after) - now() : seconds * 1000;
    if (inRange(ms)) return ms;
  }
  return undefined;
}
