/**
 * Request headers sent upstream. This is an allow-list: the browser's `x-api-key`, `authorization`,
 * `cookie`, `anthropic-dangerous-direct-browser-access`, `origin` and anything that picks an account
 * (`anthropic-workspace-id`) never pass, whatever the browser sends.
 */
const FORWARDED_REQUEST_HEADERS = new Set([
  "accept",
  "anthropic-beta",
  "anthropic-version",
  "content-type",
  "idempotency-key",
  "user-agent",
]);
/** The SDKs' telemetry headers (`x-stainless-retry-count`, `x-stainless-timeout`…) pass too. */
const FORWARDED_REQUEST_PREFIX = "x-stainless-";

/** Headers that carry or choose credentials: never forwarded, even when listed in `forwardHeaders`. */
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  "x-api-key",
  "authorization",
  "proxy-authorization",
  "cookie",
  "anthropic-dangerous-direct-browser-access",
  "anthropic-workspace-id",
  "host",
  "origin",
  "referer",
]);

/** Response headers sent back to the browser: content type, request id, retry hints and rate limits. */
const RETURNED_RESPONSE_HEADERS = new Set([
  "content-type",
  "request-id",
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
]);
const RETURNED_RESPONSE_PREFIX = "anthropic-ratelimit-";

/** Response headers a cross-origin page may read (CORS hides the others from scripts). */
export const EXPOSED_RESPONSE_HEADERS = [
  "request-id",
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
  ...["requests", "tokens", "input-tokens", "output-tokens"].flatMap((kind) =>
    ["limit", "remaining", "reset"].map((field) => `anthropic-ratelimit-${kind}-${field}`),
  ),
].join(", ");

/** The headers for the upstream request: the allowed ones from the browser, plus the server's key. */
export function upstreamRequestHeaders(
  incoming: Headers,
  apiKey: string,
  extraNames: ReadonlySet<string>,
): Headers {
  const headers = new Headers();
  incoming.forEach((value, name) => {
    const allowed =
      FORWARDED_REQUEST_HEADERS.has(name) ||
      name.startsWith(FORWARDED_REQUEST_PREFIX) ||
      extraNames.has(name);
    if (allowed && !CREDENTIAL_HEADERS.has(name)) headers.set(name, value);
  });
  headers.set("x-api-key", apiKey);
  return headers;
}

/** The headers returned to the browser from an upstream response. */
export function returnedResponseHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    if (RETURNED_RESPONSE_HEADERS.has(name) || name.startsWith(RETURNED_RESPONSE_PREFIX))
      headers.set(name, value);
  });
  return headers;
}
