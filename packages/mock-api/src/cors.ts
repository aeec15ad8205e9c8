/** Response headers a browser may read (the SDKs read `request-id` and the retry headers). */
export const EXPOSED_HEADERS = [
  "request-id",
  "anthropic-organization-id",
  "retry-after",
  "retry-after-ms",
  "x-should-retry",
  "anthropic-ratelimit-requests-limit",
  "anthropic-ratelimit-requests-remaining",
  "anthropic-ratelimit-requests-reset",
  "anthropic-ratelimit-tokens-limit",
  "anthropic-ratelimit-tokens-remaining",
  "anthropic-ratelimit-tokens-reset",
  "anthropic-ratelimit-input-tokens-limit",
  "anthropic-ratelimit-input-tokens-remaining",
  "anthropic-ratelimit-input-tokens-reset",
  "anthropic-ratelimit-output-tokens-limit",
  "anthropic-ratelimit-output-tokens-remaining",
  "anthropic-ratelimit-output-tokens-reset",
];

/** The header a browser request must carry, as the real API demands. */
export const DIRECT_BROWSER_ACCESS_HEADER = "anthropic-dangerous-direct-browser-access";

/** Whether a request is a CORS preflight. */
export function isPreflight(request: Request): boolean {
  return request.method === "OPTIONS";
}

/** The answer to a preflight: every method and the requested headers are allowed. */
export function preflightResponse(request: Request): Response {
  const requested = request.headers.get("access-control-request-headers");
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
      "access-control-allow-headers": requested ?? "*",
      "access-control-max-age": "86400",
    },
  });
}

/** Adds the CORS headers of a response to a request carrying an `Origin`. */
export function applyCorsHeaders(request: Request, headers: Headers): void {
  const origin = request.headers.get("origin");
  if (!origin) return;
  headers.set("access-control-allow-origin", origin);
  headers.set("access-control-expose-headers", EXPOSED_HEADERS.join(", "));
  headers.append("vary", "Origin");
}

/** A browser request (with `Origin`, not a preflight) lacking `anthropic-dangerous-direct-browser-access: true`. */
export function isRefusedBrowserRequest(request: Request): boolean {
  return (
    request.headers.has("origin") &&
    !isPreflight(request) &&
    request.headers.get(DIRECT_BROWSER_ACCESS_HEADER)?.toLowerCase() !== "true"
  );
}
