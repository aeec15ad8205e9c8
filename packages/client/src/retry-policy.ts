import { APIConnectionError, APIError, APIUserAbortError } from "./errors.js";

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
 * The wait the server asks for before trying again, in ms: `retry-after-ms`, then `retry-after` (seconds
 * or an HTTP date). `undefined` when neither is there, or when the value is not a positive, sane delay
 * (zero, negative, past dates and delays beyond the timer limit are ignored, as the official SDK does).
 */
export function retryDelayFromHeaders(
  headers: Headers | undefined,
  now: () => number = Date.now,
): number | undefined {
  if (!headers) return undefined;
  const afterMs = parseFloat(headers.get("retry-after-ms") ?? "");
  if (isSaneDelay(afterMs)) return afterMs;
  const after = headers.get("retry-after") ?? "";
  const afterSeconds = parseFloat(after);
  const fromRetryAfter = Number.isNaN(afterSeconds) ? Date.parse(after) - now() : afterSeconds * 1000;
  if (isSaneDelay(fromRetryAfter)) return fromRetryAfter;
  return undefined;
}

function isSaneDelay(ms: number): boolean {
  return ms > 0 && ms <= maxServerDelayMs;
}

/**
 * How long to wait before retry number `retriesDone + 1`: the server's delay (`retryDelayFromHeaders`)
 * when it sent one; otherwise exponential backoff with jitter.
 * @param random - injectable for tests; returns a number in [0, 1).
 */
export function retryDelayMs(
  retriesDone: number,
  headers: Headers | undefined,
  random: () => number = Math.random,
  now: () => number = Date.now,
): number {
  const serverDelay = retryDelayFromHeaders(headers, now);
  if (serverDelay !== undefined) return serverDelay;
  // Exponential backoff, with up to a quarter taken off at random: (0.75, 1] of it.
  return Math.min(initialDelayMs * 2 ** retriesDone, maxDelayMs) * (1 - random() * 0.25);
}

/**
 * Whether trying again could help, by the same rules the client retries with: a connection failure or a
 * timeout, or an `APIError` whose response `shouldRetryResponse` accepts (`x-should-retry` first, then
 * 408, 409, 429, 5xx). Never a user abort, an `APIError` without a status, or any other error.
 */
export function isRetryableError(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (error instanceof APIConnectionError) return true;
  if (!(error instanceof APIError) || error.status === undefined) return false;
  return shouldRetryResponse(error.status, error.headers ?? new Headers());
}
