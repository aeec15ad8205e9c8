/** The API's error types the proxy answers with itself. */
export type ProxyErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "request_too_large"
  | "rate_limit_error"
  | "api_error";

/**
 * A Response in the API's error envelope (`{ type: "error", error: { type, message }, request_id }`), so
 * `@colloquy/client` and the official SDK raise their usual typed error (`AuthenticationError` for 401,
 * `PermissionDeniedError` for 403, `RateLimitError` for 429…). Use it in `authorize` to refuse a request.
 *
 * @example
 * authorize: async (request) => (await session(request)) ?? errorResponse(401, "authentication_error", "Sign in first.")
 */
export function errorResponse(
  status: number,
  type: ProxyErrorType,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body = JSON.stringify({ type: "error", error: { type, message }, request_id: null });
  return new Response(body, { status, headers: { "content-type": "application/json", ...headers } });
}
