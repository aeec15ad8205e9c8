import type { ErrorDetails } from "@colloquy/client";
import type { ErrorEnvelope, ErrorType } from "./types.js";

/** The HTTP status the real API pairs with each `error.type`. */
export const statusForErrorType = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
} satisfies Record<string, number>;

/** The `error.type` the real API pairs with an HTTP status. */
export function errorTypeForStatus(status: number): ErrorType {
  for (const [type, candidate] of Object.entries(statusForErrorType)) {
    if (candidate === status) return type as ErrorType;
  }
  return status >= 500 ? "api_error" : "invalid_request_error";
}

const defaultMessages: Record<ErrorType, string> = {
  invalid_request_error: "Invalid request",
  authentication_error: "invalid x-api-key",
  billing_error: "Your credit balance is too low to access the Anthropic API.",
  permission_error: "Your API key does not have permission to use the specified resource.",
  not_found_error: "Not found",
  conflict_error: "Conflict",
  request_too_large: "Request exceeds the maximum allowed number of bytes.",
  rate_limit_error: "Number of requests has exceeded your rate limit (mock).",
  api_error: "Internal server error",
  timeout_error: "Request timed out",
  overloaded_error: "Overloaded",
};

/** A default human message for an error type. */
export function defaultErrorMessage(type: ErrorType): string {
  return defaultMessages[type];
}

/**
 * An API error raised inside the mock; the router turns it into the standard error envelope.
 * Validators throw it so the first problem found becomes the response.
 */
export class MockApiError extends Error {
  readonly status: number;
  readonly type: ErrorType;
  readonly headers: Record<string, string>;
  readonly details: ErrorDetails | undefined;

  constructor(
    type: ErrorType,
    message: string,
    options: { status?: number; headers?: Record<string, string>; details?: ErrorDetails } = {},
  ) {
    super(message);
    this.name = "MockApiError";
    this.type = type;
    this.status = options.status ?? statusForErrorType[type];
    this.headers = options.headers ?? {};
    this.details = options.details;
  }
}

/** Shorthand for the most common error: a 400 `invalid_request_error`. */
export function invalidRequest(message: string): MockApiError {
  return new MockApiError("invalid_request_error", message);
}

/** The JSON error envelope (`{type:"error", error:{…}, request_id}`). */
export function errorEnvelope(
  type: ErrorType | string,
  message: string,
  requestId: string | null,
  details?: ErrorDetails,
): ErrorEnvelope {
  return {
    type: "error",
    error: details ? { type, message, details } : { type, message },
    request_id: requestId,
  };
}

/** A complete JSON error response; the router adds `request-id` and CORS headers to every response. */
export function errorResponse(error: MockApiError, requestId: string): Response {
  return new Response(JSON.stringify(errorEnvelope(error.type, error.message, requestId, error.details)), {
    status: error.status,
    headers: { "content-type": "application/json", ...error.headers },
  });
}

/** A 200 JSON response. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
